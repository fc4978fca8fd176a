"""The ``::: context <slug>`` block: a context file's card placed in a document.

Parsed by mdit-py-plugins' container rule, like ``::: key-points``::

    ::: context crossing-explained
    :::

A core rule replaces each such container, anywhere in the token stream, by one
``context_block`` token holding the block (its card made once, when the context files
were loaded), and records in ``env["metadata"]``:

* ``context_blocks``: one ``{slug, reviewed, line}`` per block shown, in order (the
  reviewed date, as written, moves the article's ``modified``: :mod:`context_blocks.dates`);
* the context file read, with the digest of its bytes (:mod:`read_dependencies`), so a
  cached parse of the document is served only while the file is unchanged.

An unknown slug (with the closest known one), a block left open, text inside it, the
same block twice in a document and a block inside a context file are errors naming the
document's file and line.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.container import container_plugin

from content_errors import MarkupError
from context_blocks.context_bodies import CONTEXT_SLUG_ENV, context_body_rule
from context_blocks.library import ContextLibrary
from read_dependencies import record

__all__ = ["BLOCKS_KEY", "CONTEXT_TOKEN", "context_blocks_plugin"]

NAME = "context"
CONTEXT_TOKEN = "context_block"
# The metadata key listing the blocks a document shows.
BLOCKS_KEY = "context_blocks"
# The reader's rule that collects sections' text; ours must run before it.
_SECTIONS_RULE = "newsdigest_sections"
_SYNTAX = "write '::: context <slug>' and, on the next line, ':::'"


def _validate(params: str, *args: Any) -> bool:
    words = params.split()
    return bool(words) and words[0] == NAME


def _closing(tokens: Sequence[Token], start: int) -> int:
    opening = tokens[start]
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.type == f"container_{NAME}_close" and token.level == opening.level:
            return index
    return len(tokens) - 1  # markdown-it always closes what it opens


class _Document:
    """One document's context blocks, as the core rule meets them."""

    def __init__(self, state: StateCore, library: Callable[[], ContextLibrary]) -> None:
        self.env = state.env
        self.path = str(state.env.get("source_path") or "<markdown>")
        self.offset = int(state.env.get("line_offset") or 0)
        self.library = library
        self.shown: dict[str, int | None] = {}

    def error(self, message: str, line: int | None, hint: str) -> MarkupError:
        return MarkupError(self.path, message, line=line, hint=hint)

    def transform(self, tokens: list[Token]) -> list[Token]:
        result: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type != f"container_{NAME}_open":
                result.append(token)
                index += 1
                continue
            end = _closing(tokens, index)
            line = token.map[0] + self.offset + 1 if token.map else None
            markup = tokens[end].markup.strip()
            if len(markup) < 3 or set(markup) != {":"}:
                raise self.error(
                    f"'{token.markup} {token.info.strip()}' is never closed", line, _SYNTAX
                )
            if end > index + 1:
                raise self.error(
                    "a context block holds no text: its text is in its context file",
                    line,
                    _SYNTAX,
                )
            result.append(self.block_token(token, line))
            index = end + 1
        return result

    def block_token(self, opening: Token, line: int | None) -> Token:
        words = opening.info.split()
        if self.env.get(CONTEXT_SLUG_ENV):
            raise self.error(
                "a context file cannot place another context block",
                line,
                "link to the other explainer instead",
            )
        if len(words) != 2:
            raise self.error(
                f"'{opening.markup} {opening.info.strip()}' names no one block", line, _SYNTAX
            )
        slug = words[1]
        if slug in self.shown:
            raise self.error(
                f"the context block '{slug}' is shown twice (first at line {self.shown[slug]})",
                line,
                "show each explainer once on a page",
            )
        library = self.library()
        block = library.blocks.get(slug)
        if block is None:
            failed = library.failed.get(slug)
            if failed is not None:
                raise self.error(
                    f"the context block '{slug}' cannot be shown: {failed} has errors",
                    line,
                    f"fix {failed} (its errors are reported with it)",
                )
            close = difflib.get_close_matches(slug, sorted(library.blocks), n=1)
            raise self.error(
                f"unknown context block '{slug}'",
                line,
                f"did you mean '{close[0]}'?"
                if close
                else f"add {library.folder_shown}/{slug}.md, or use the slug of a file there",
            )
        self.shown[slug] = line
        metadata = self.env.setdefault("metadata", {})
        metadata.setdefault(BLOCKS_KEY, []).append(
            {"slug": slug, "reviewed": block.reviewed_iso, "line": line}
        )
        record(self.env, block.path, block.digest)
        return Token(
            CONTEXT_TOKEN,
            "aside",
            0,
            map=opening.map,
            level=opening.level,
            block=True,
            meta={"block": block},
        )


def _render_block(
    renderer: RendererProtocol,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: EnvType,
) -> str:
    return str(tokens[idx].meta["block"].card_html) + "\n"


def context_blocks_plugin(md: MarkdownIt, *, library: Callable[[], ContextLibrary]) -> None:
    """Register the container, the core rules and the render rule on ``md``.

    ``library`` gives the build's context files (loaded on first use)."""
    container_plugin(md, NAME, validate=_validate)

    def place_blocks(state: StateCore) -> None:
        if not state.inlineMode:
            state.tokens = _Document(state, library).transform(state.tokens)

    core_rules = [rule.name for rule in md.core.ruler.__rules__]
    if _SECTIONS_RULE in core_rules:
        md.core.ruler.before(_SECTIONS_RULE, "context_blocks", place_blocks)
    else:
        md.core.ruler.push("context_blocks", place_blocks)
    md.core.ruler.push("context_bodies", context_body_rule)
    md.add_render_rule(CONTEXT_TOKEN, _render_block)
