"""Refuse blocks nested deeper than the parser keeps, naming the line.

markdown-it stops parsing a block nested ``maxNesting`` levels deep and drops the
rest of it without a word (its guard against unbounded recursion). A block quote adds
one level, a list two (the list and its item). This plugin raises that limit to
:data:`MAX_NESTING` and puts a rule first in the block chain that refuses any block
starting deeper than :data:`NESTING_LIMIT` levels, before markdown-it would drop it: the
editor gets an error with the line instead of a page with text missing.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from content_errors import MarkupError

# Levels a block may start at: 50 quotes inside one another, or 25 lists.
NESTING_LIMIT = 50
# What markdown-it parses before it drops text: above the limit by more than any
# rule adds before parsing its inside (a list adds 2), so the guard always speaks first.
# Recursion stays shallow (about 3 Python frames per level).
MAX_NESTING = NESTING_LIMIT + 10


def _nesting_guard(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if silent or state.level <= NESTING_LIMIT:
        return False
    env = state.env
    raise MarkupError(
        str(env.get("source_path", "<text>")),
        f"quotes and lists nested deeper than {NESTING_LIMIT} levels"
        " (a quote counts one level, a list two); the text inside would be lost",
        line=int(env.get("line_offset", 0)) + start_line + 1,
        hint="nest less deeply",
    )


def nesting_guard_plugin(md: MarkdownIt) -> None:
    """Raise ``maxNesting`` and refuse, by line, blocks nested beyond the limit.

    Call it after every other block rule is added: the guard goes first in the chain.
    """
    md.options["maxNesting"] = MAX_NESTING
    first = md.block.ruler.get_all_rules()[0]
    md.block.ruler.before(first, "newsdigest_nesting_guard", _nesting_guard)
