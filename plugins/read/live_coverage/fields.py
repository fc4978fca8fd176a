"""An entry's ``key: value`` fields, and the values they may hold.

The fields are the first paragraph of a ``::: entry`` block; they are read from that
paragraph's source lines (never as Markdown), each with its file line for messages.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from markdown_it.token import Token

from content_errors import MarkupError

__all__ = ["FIELDS", "EntryFields", "Where", "flag", "moment", "read_fields"]

FIELDS = ("time", "key", "pinned", "author", "id")
_FIELD_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*)$")
_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = {"true", "yes"}
_FALSE = {"false", "no"}
TIME_HINT = "write it as 2026-01-25T14:05+00:00, or 2026-01-25 14:05 in the site's TIMEZONE"


@dataclass(frozen=True)
class Where:
    """A file and a 1-based line, for messages."""

    path: str
    line: int | None

    def error(
        self, message: str, *, line: int | None = None, hint: str | None = None
    ) -> MarkupError:
        return MarkupError(self.path, message, line=line or self.line, hint=hint)


@dataclass
class EntryFields:
    """An entry's fields as written, with the file line of each."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)
    tokens: int = 0  # how many of the block's tokens the fields took

    def at(self, name: str, where: Where) -> Where:
        return Where(where.path, self.lines.get(name) or where.line)


def _close_field(key: str) -> str | None:
    matches = difflib.get_close_matches(key.lower().replace("-", "_"), FIELDS, n=1, cutoff=0.6)
    return matches[0] if matches else None


def read_fields(inner: Sequence[Token], where: Where, offset: int) -> EntryFields:
    """The fields at the top of a ``::: entry`` block (none if it opens with text)."""
    if len(inner) < 3 or inner[0].type != "paragraph_open" or inner[1].type != "inline":
        return EntryFields()
    if not _FIELD_LINE.match(inner[1].content.split("\n", 1)[0]):
        return EntryFields()
    paragraph = inner[0]
    first_line = paragraph.map[0] + offset + 1 if paragraph.map else where.line
    fields = EntryFields(tokens=3)
    for number, line in enumerate(inner[1].content.split("\n")):
        line_no = first_line + number if first_line else None
        match = _FIELD_LINE.match(line.strip())
        if not match:
            raise where.error(
                f"{line.strip()!r} is not a 'key: value' field",
                line=line_no,
                hint="leave a blank line between the entry's fields and its text",
            )
        name = match["key"].lower()
        if name not in FIELDS:
            close = _close_field(match["key"])
            hint = f"did you mean '{close}'?" if close else "entry fields are " + ", ".join(FIELDS)
            raise where.error(f"unknown entry field {match['key']!r}", line=line_no, hint=hint)
        if name in fields.values:
            raise where.error(f"the field '{name}' is given twice", line=line_no, hint="keep one")
        fields.values[name] = match["value"].strip()
        fields.lines[name] = line_no
    return fields


def zone_of(name: str, where: Where) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise where.error(
            f"unknown time zone {name!r}", hint="use a name such as Europe/London"
        ) from None


def moment(text: str, zone: dt.tzinfo, where: Where, what: str = "time") -> dt.datetime:
    """``text`` as an aware moment; without an offset it is in ``zone``."""
    value = text.strip().strip("'\"")
    if _DAY_ONLY.match(value):
        raise where.error(f"the {what} {value!r} has no hour and minute", hint=TIME_HINT)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise where.error(f"the {what} {value!r} is not a date and time", hint=TIME_HINT) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=zone)


def flag(text: str, name: str, where: Where) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise where.error(f"'{name}' is true or false, not {text!r}", hint=f"write '{name}: true'")
