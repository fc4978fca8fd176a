"""Key points: the ``::: key-points`` box's list, and front-matter ``key_points``, as HTML.

Either way each point becomes a ``Markup`` string of inline HTML (Markdown rendered,
then sanitised by the site's one policy), so templates print them as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markupsafe import Markup

from html_policy import sanitise
from news_blocks.post import Location

_HINT = "write one '- point' line per key point between '::: key-points' and ':::'"


def _inline_html(md: MarkdownIt, children: Sequence[Token] | None, env: Any) -> Markup:
    renderer: RendererHTML = md.renderer  # type: ignore[assignment]  # the HTML renderer
    html = renderer.renderInline(list(children or []), md.options, env)
    return Markup(sanitise(html).strip())


def _item_html(md: MarkdownIt, rest: Sequence[Token], env: Any) -> Markup | None:
    """The HTML of the list item whose tokens start ``rest``; None if not one line."""
    kinds = [t.type for t in rest[:4]]
    if kinds == ["paragraph_open", "inline", "paragraph_close", "list_item_close"]:
        return _inline_html(md, rest[1].children, env)
    if kinds[:2] == ["html_block", "list_item_close"]:
        # A point that starts with a block-level tag ("<script>", "<div>") is raw HTML.
        return Markup(sanitise(rest[0].content).strip())
    return None


def points_from_box(
    md: MarkdownIt, inner: Sequence[Token], env: Any, where: Location, offset: int
) -> list[Markup]:
    """The items of the one bullet list a ``::: key-points`` box holds.

    ``offset`` turns a token's line in the body into a line of the file.
    """
    if not inner:
        raise where.error("the key-points box is empty", hint=_HINT)
    if inner[0].type != "bullet_list_open" or inner[-1].type != "bullet_list_close":
        raise where.error("a key-points box holds one bullet list and nothing else", hint=_HINT)
    points: list[Markup] = []
    item_level = inner[0].level + 1
    for index, token in enumerate(inner):
        if token.type == "bullet_list_open" and index and token.level == inner[0].level:
            raise where.error("a key-points box holds one bullet list, not several", hint=_HINT)
        if token.type != "list_item_open" or token.level != item_level:
            continue
        line = token.map[0] + offset + 1 if token.map else None
        point = _item_html(md, inner[index + 1 :], env)
        if point is None:
            raise where.error(
                "each key point is one line of text (no nested lists or paragraphs)",
                line=line,
                hint=_HINT,
            )
        points.append(point)
    return points


def points_from_front_matter(md: MarkdownIt, value: Any) -> list[Markup] | None:
    """Front-matter ``key_points`` (a list of Markdown lines) as HTML; None if not text.

    The value may already have been made plain text by strict_build (a ``Markup`` with
    ``<``, ``&`` and quotes escaped): it is unescaped first, so it reads as written.
    """
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return None
    points = []
    for item in items:
        text = item.unescape() if isinstance(item, Markup) else item
        points.append(Markup(sanitise(md.renderInline(text.strip())).strip()))
    return points
