"""Find characters that have no place in an article's text.

C0 and C1 control characters (tab, newline and carriage return aside), Unicode
noncharacters (U+FDD0..U+FDEF and the last two code points of every plane) and lone
surrogates are not text: a browser shows them as boxes or not at all, a terminal runs
an escape sequence, XML forbids most of them (a feed with one does not parse) and a
lone surrogate cannot even be written as UTF-8. A source holding one is refused with
its line, rather than the character being dropped without a word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from content_errors import ContentError

_NONCHARACTERS = "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17)
)
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)


@dataclass(frozen=True)
class BadCharacter:
    """The first forbidden character in a text: where it is and what it is called."""

    offset: int
    char: str

    @property
    def name(self) -> str:
        """``U+001B ESCAPE`` (control characters have no Unicode name: their alias)."""
        code = ord(self.char)
        return f"U+{code:04X} {_describe(self.char)}"

    def line_in(self, text: str, first_line: int = 1) -> int:
        """The line of the character in ``text``, whose first line is ``first_line``."""
        return first_line + text.count("\n", 0, self.offset)


def _describe(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "(a lone surrogate, not a character)"
    if code in range(0xFDD0, 0xFDF0) or code & 0xFFFE == 0xFFFE:
        return "(a Unicode noncharacter)"
    return unicodedata.name(char, "(a control character)")


def first_bad_character(text: str) -> BadCharacter | None:
    """The first control character, noncharacter or lone surrogate in ``text``, if any."""
    match = _FORBIDDEN.search(text)
    return BadCharacter(match.start(), match.group()) if match else None


def first_bad_character_in(value: object) -> BadCharacter | None:
    """The first such character in a metadata value: a string, or any string inside a
    list or mapping (keys too)."""
    if isinstance(value, str):
        return first_bad_character(value)
    if isinstance(value, dict):
        value = [item for pair in value.items() for item in pair]
    if isinstance(value, list | tuple):
        for item in value:
            bad = first_bad_character_in(item)
            if bad is not None:
                return bad
    return None


def refuse_bad_characters(text: str, path: str) -> None:
    """Raise a ContentError naming ``path`` and the line of the first character in the
    source ``text`` that is not text (every reader's check)."""
    bad = first_bad_character(text)
    if bad is not None:
        raise ContentError(
            path,
            f"{bad.name} is not text",
            line=bad.line_in(text),
            hint="remove it; it would be invisible or break the page and the feeds",
        )
