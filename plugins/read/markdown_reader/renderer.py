"""Build the one markdown-it parser a build uses, and render documents with it.

Other plugins add syntax through ``configure_markdown`` (defined in the shared
``markdown_extensions`` library, re-exported here), a signal sent once per parser
with the ``MarkdownIt`` instance; a receiver registers its block, inline or core
rules and render rules on it::

    from markdown_reader import configure_markdown

    def add_key_points(md, settings):
        md.use(key_points_plugin)

    configure_markdown.connect(add_key_points)

Rules pass data to later stages through ``env`` (see :class:`RenderResult`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from html_policy import EXTERNAL_REL, is_external, sanitise
from markdown_extensions import configure_markdown
from markdown_reader.nesting import nesting_guard_plugin
from markdown_reader.sections import collect_sections
from markdown_reader.slugs import slugify

# Headings that get a visible "link to this section" anchor.
SECTION_LINK_TAGS = frozenset({"h2", "h3"})

# Pelican's intrasite placeholders ({filename}, {static}, {tag}, ... or |filename|)
# must reach Pelican verbatim; normal URL normalisation would percent-encode them.
_INTRASITE = re.compile(r"^(\{\w+\}|\|\w+\|)")


class NewsParser(MarkdownIt):
    """markdown-it with Pelican's intrasite link placeholders left intact."""

    def normalizeLink(self, url: str) -> str:  # noqa: N802 (markdown-it's name)
        match = _INTRASITE.match(url)
        if match:
            return match.group(0) + normalizeLink(url[match.end() :])
        return normalizeLink(url)


def _render_link_open(
    renderer: RendererHTML,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: EnvType,
) -> str:
    token = tokens[idx]
    href = token.attrGet("href")
    if isinstance(href, str) and is_external(href):
        token.attrSet("rel", EXTERNAL_REL)
    return renderer.renderToken(tokens, idx, options, env)


def _render_heading_close(
    renderer: RendererHTML,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: EnvType,
) -> str:
    # A section link readers can copy (shown on hover/focus by the theme). Added at
    # render time so the tokens, and the sections collected from them, stay clean.
    # Hidden from assistive technology so the heading's accessible name stays its text.
    opening = tokens[idx - 2] if idx >= 2 else None
    anchor = ""
    if opening is not None and opening.type == "heading_open" and opening.tag in SECTION_LINK_TAGS:
        heading_id = opening.attrGet("id")
        if heading_id:
            anchor = " " + section_anchor(str(heading_id))
    return anchor + renderer.renderToken(tokens, idx, options, env)


# The section link's attributes, in the order the renderer writes them; the id goes in
# ``href``. A document holding raw HTML may be written again by BeautifulSoup (the
# sanitiser's and news_blocks' passes), which puts attributes in alphabetical order: the
# anchor then has that form, so both forms are known here.
_ANCHOR_ATTRIBUTES = (
    ("class", "heading-anchor"),
    ("href", "#{}"),
    ("aria-hidden", "true"),
    ("tabindex", "-1"),
)


def _anchor_form(attributes: Sequence[tuple[str, str]]) -> str:
    written = " ".join(f'{name}="{value}"' for name, value in attributes)
    return f"<a {written}>#</a>"


_ANCHOR_WRITTEN = _anchor_form(_ANCHOR_ATTRIBUTES)
_ANCHOR_FORMS = (_ANCHOR_WRITTEN, _anchor_form(sorted(_ANCHOR_ATTRIBUTES)))
# The id is written through escapeHtml, so it holds no '"': the pattern matches exactly
# the anchors written by section_anchor (in either form), and nothing else.
_SECTION_ANCHOR = re.compile(
    "|".join(
        re.escape(before) + '[^"<>]*' + re.escape(after)
        for before, after in (form.split("{}") for form in _ANCHOR_FORMS)
    )
)
_ANCHOR_CLASS = 'class="heading-anchor"'


def section_anchor(heading_id: str) -> str:
    """The "link to this section" anchor the renderer puts at the end of an h2 or h3."""
    return _ANCHOR_WRITTEN.format(escapeHtml(heading_id))


def without_section_anchors(html: str) -> str:
    """``html`` as rendered, without the section anchors this module added to its headings
    (the space before each stays, as in the heading's text).

    For HTML shown away from the page (feed entries): the anchor is a navigation aid of the
    web page. The renderer knows the form it writes them in (and the form a later
    BeautifulSoup pass gives them), so they are taken out by that form, with no parse;
    the rest of the document is returned byte for byte.
    """
    if _ANCHOR_CLASS not in html:
        return html
    return _SECTION_ANCHOR.sub("", html)


def build_parser(settings: Mapping[str, Any] | None = None) -> NewsParser:
    """CommonMark + tables, strikethrough, footnotes, smart punctuation, heading ids."""
    md = NewsParser("commonmark", {"html": True, "typographer": True})
    md.enable(["table", "strikethrough", "replacements", "smartquotes"])
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=1, max_level=6, slug_func=slugify)
    md.core.ruler.push("newsdigest_sections", collect_sections)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("heading_close", _render_heading_close)
    configure_markdown.send(md, settings=settings or {})
    nesting_guard_plugin(md)  # last, so that its rule is first
    return md


@dataclass
class RenderResult:
    html: str
    env: dict[str, Any] = field(default_factory=dict)

    @property
    def sections(self) -> list[dict[str, Any]]:
        return list(self.env.get("sections", []))


def _has_raw_html(tokens: Sequence[Token]) -> bool:
    for token in tokens:
        if token.type == "html_block":
            return True
        if token.children and any(c.type == "html_inline" for c in token.children):
            return True
    return False


def render(md: MarkdownIt, text: str, env: dict[str, Any] | None = None) -> RenderResult:
    """Render ``text``; raw HTML, if any, goes through the site's sanitising policy.

    ``env`` carries ``source_path`` and ``line_offset`` in (so rules can name the
    file and line in errors) and what rules collected out.
    """
    env = {} if env is None else env
    tokens = md.parse(text, env)
    html = md.renderer.render(tokens, md.options, env)
    if _has_raw_html(tokens):
        html = sanitise(html)
    return RenderResult(html=html, env=env)
