"""The Markdown of a context file's body, made to sit inside a card on any page.

A card has its title as a heading, so the body's headings go one level down (``##``
becomes ``h3``; a ``#`` heading is refused: the title is the card's top heading), and
their ids take the block's slug (``context-<slug>-<id>``) so that they never meet the
ids of the page the card is placed in. The kinds' own shapes are checked here: a
``qa``'s questions are its ``##`` headings, a ``timeline`` is a list of dated items.

A core rule, active only for a document parsed as a context body (``env`` holds the
block's slug and kind under :data:`CONTEXT_SLUG_ENV` and :data:`CONTEXT_KIND_ENV`).
"""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from content_errors import MarkupError

__all__ = ["CONTEXT_KIND_ENV", "CONTEXT_SLUG_ENV", "context_body_rule"]

CONTEXT_SLUG_ENV = "context_block_slug"
CONTEXT_KIND_ENV = "context_block_kind"
_DEEPEST = 6


def _line(state: StateCore, token: Token) -> int | None:
    offset = int(state.env.get("line_offset") or 0)
    return token.map[0] + offset + 1 if token.map else None


def _error(state: StateCore, message: str, *, line: int | None, hint: str) -> MarkupError:
    return MarkupError(
        str(state.env.get("source_path") or "<markdown>"), message, line=line, hint=hint
    )


def context_body_rule(state: StateCore) -> None:
    """Core rule: demote and prefix a context body's headings; check its kind's shape."""
    slug = state.env.get(CONTEXT_SLUG_ENV)
    if state.inlineMode or not slug:
        return
    questions = 0
    has_list = False
    for token in state.tokens:
        if token.type in {"bullet_list_open", "ordered_list_open"} and token.level == 0:
            has_list = True
        if token.type not in {"heading_open", "heading_close"}:
            continue
        level = int(token.tag[1])
        if token.type == "heading_open":
            if level == 1:
                raise _error(
                    state,
                    "a context file's body has no '#' heading: its title is the card's heading",
                    line=_line(state, token),
                    hint="start the body's headings at '##'",
                )
            questions += level == 2
            heading_id = token.attrGet("id")
            if heading_id:
                token.attrSet("id", f"context-{slug}-{heading_id}")
        token.tag = f"h{min(level + 1, _DEEPEST)}"
    kind = state.env.get(CONTEXT_KIND_ENV)
    if kind == "qa" and not questions:
        raise _error(
            state,
            "a 'qa' context block has no questions",
            line=int(state.env.get("line_offset") or 0) + 1,
            hint="write each question as a '## heading', its answer below it",
        )
    if kind == "timeline" and not has_list:
        raise _error(
            state,
            "a 'timeline' context block holds no list of dated items",
            line=int(state.env.get("line_offset") or 0) + 1,
            hint="write one '- **25 January 2026**: what happened' line per item",
        )
