"""The ``::: post`` container: its ``key: value`` fields, then the post's text.

The fields are the first paragraph of the container when its first line names a
field; they are read at token level from that paragraph's source lines, so field
values are never taken for Markdown. The rest of the container is the post's text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from news_blocks.post import (
    Location,
    Post,
    handle_text,
    is_web_address,
    platform_key,
    post_date,
    post_status,
)
from news_blocks.post_links import post_from_url

FIELDS = (
    "platform",
    "author",
    "handle",
    "url",
    "date",
    "media_alt",
    "context",
    "archived",
    "status",
)
_FIELD_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*)$")
_BLANK_LINE_HINT = "leave a blank line between the fields and the post's text"


def _known(key: str) -> str | None:
    """The field ``key`` names (``media-alt`` is ``media_alt``), or None."""
    name = key.lower().replace("-", "_")
    return name if name in FIELDS else None


def _close_field(key: str) -> str | None:
    matches = difflib.get_close_matches(key.lower().replace("-", "_"), FIELDS, n=1, cutoff=0.75)
    return matches[0] if matches else None


def _starts_with_fields(inner: Sequence[Token]) -> bool:
    if len(inner) < 3 or inner[0].type != "paragraph_open" or inner[1].type != "inline":
        return False
    match = _FIELD_LINE.match(inner[1].content.split("\n", 1)[0])
    return bool(match and (_known(match["key"]) or _close_field(match["key"])))


@dataclass
class Fields:
    """A post's fields as written, with the file line of each (for error messages)."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)
    tokens: int = 0  # how many of the container's tokens the fields took

    def at(self, name: str, where: Location) -> Location:
        return Location(where.path, self.lines.get(name) or where.line)


def read_fields(inner: Sequence[Token], where: Location, offset: int) -> Fields:
    """The fields at the top of a ``::: post`` container (none if it opens with text)."""
    if not _starts_with_fields(inner):
        return Fields()
    paragraph = inner[0]
    first_line = paragraph.map[0] + offset + 1 if paragraph.map else where.line
    fields = Fields(tokens=3)
    for number, line in enumerate(inner[1].content.split("\n")):
        line_no = first_line + number if first_line else None
        match = _FIELD_LINE.match(line.strip())
        if not match:
            raise where.error(
                f"{line.strip()!r} is not a 'key: value' field", line=line_no, hint=_BLANK_LINE_HINT
            )
        name = _known(match["key"])
        if name is None:
            close = _close_field(match["key"])
            hint = f"did you mean '{close}'?" if close else "fields are " + ", ".join(FIELDS)
            raise where.error(f"unknown post field {match['key']!r}", line=line_no, hint=hint)
        if name in fields.values:
            raise where.error(f"the field '{name}' is given twice", line=line_no, hint="keep one")
        fields.values[name] = match["value"].strip()
        fields.lines[name] = line_no
    return fields


def _address(fields: Fields, name: str) -> tuple[str, str]:
    """A ``url`` or ``archived`` field: (the web address, ``""``) or (``""``, the text).

    An address that is not http(s) (javascript:, a relative path) is never linked;
    the card shows it as text, so the editor sees it and nothing is lost.
    """
    written = fields.values.get(name, "").removeprefix("<").removesuffix(">")
    return (written, "") if is_web_address(written) else ("", written)


def post_from_fields(fields: Fields, where: Location) -> Post:
    """A post from its fields; platform and handle default to what the url says."""
    values = fields.values
    url, unlinked_url = _address(fields, "url")
    archived, unlinked_archived = _address(fields, "archived")
    from_url = post_from_url(url) if url else None
    platform = values.get("platform") or (from_url.platform if from_url else "other")
    date = values.get("date")
    return Post(
        platform=platform_key(platform, fields.at("platform", where)),
        author=values.get("author", ""),
        handle=handle_text(values.get("handle", "")) or (from_url.handle if from_url else ""),
        url=url,
        unlinked_url=unlinked_url,
        date=post_date(date, fields.at("date", where)) if date else None,
        media_alt=values.get("media_alt", ""),
        context=values.get("context", ""),
        archived=archived,
        unlinked_archived=unlinked_archived,
        status=post_status(values.get("status", ""), fields.at("status", where)),
        line=where.line,
    )
