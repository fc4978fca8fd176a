"""Markdown images (``![alt](src)``) from other sites rendered as their alt text.

Raw HTML goes through :func:`~html_policy.policy.sanitise`, but markdown-it renders a
Markdown image itself, and the reader sanitises a document only when it holds raw HTML.
So summaries, topic introductions and bodies would still print ``<img src="https://…">``.
This render rule applies the same decision (:func:`~html_policy.policy.is_offsite`) to
them: an image that is not on the site becomes its alt text, as in raw HTML. Reporting
it to the editor is strict_build's job; its core rule sees the tokens before rendering.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from html_policy.policy import is_offsite


def _render_image(
    renderer: RendererHTML,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: EnvType,
) -> str:
    token = tokens[idx]
    src = token.attrGet("src")
    if isinstance(src, str) and is_offsite(src):
        return escapeHtml(renderer.renderInlineAsText(token.children or [], options, env))
    return renderer.image(tokens, idx, options, env)


def offsite_images_plugin(md: MarkdownIt) -> None:
    """Add the image render rule to ``md``."""
    md.add_render_rule("image", _render_image)
