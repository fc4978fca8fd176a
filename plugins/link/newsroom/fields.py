"""Read and check the newsroom fields of one article's metadata.

Every malformed value raises :class:`content_errors.FrontMatterError` naming the file,
the line of the key and the fix. Accepted shapes::

    dateline: WASHINGTON
    authors: [Example Writer, {name: Example Editor, role: Editor, url: https://...}]
    source: Example Agency            # or {name, url, date}; or sources: [...]
    updates:     [{date: 2026-01-26T14:05:00+00:00, note: Adds a reaction.}]
    corrections: [{date: ..., note: An earlier version misspelt a name.}]
    corrections: [{date: ..., note: ..., section: background}]   # the ## heading it concerns
    publish_future: true              # publish before its date
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from markupsafe import Markup
from pelican.utils import get_date, set_date_tzinfo

from content_errors import FrontMatterError
from html_policy import sanitise
from newsroom.model import Newsroom, Note, Person, Source
from newsroom.source_lines import RawFrontMatter

__all__ = ["FIELDS", "read_newsroom_fields", "text_of"]

FIELDS = ("dateline", "authors", "source", "sources", "updates", "corrections", "publish_future")
_URL = re.compile(r"https?://[^\s/?#<>\"]+[^\s<>\"]*")
_DATE_HINT = "write dates as 2026-01-26 or 2026-01-26T14:05:00+00:00"
_DATELINE_MAX = 60
_BOOLS = {"true", "false", "yes", "no"}

T = TypeVar("T")


def text_of(value: object) -> str:
    """Plain text of a metadata value (another plugin may have made it safe ``Markup``)."""
    if isinstance(value, Markup):
        return str(value.striptags())
    return str(value)


class _Reader:
    """Checks values of one file, naming it and the line of the key in every error."""

    def __init__(self, path: str | Callable[[], str], raw: RawFrontMatter, timezone: str) -> None:
        self._path = path
        self.raw = raw
        self.timezone = timezone

    @property
    def path(self) -> str:
        # Made only for a message: naming every article's file cost more than reading
        # its fields.
        if not isinstance(self._path, str):
            self._path = self._path()
        return self._path

    def error(self, key: str, message: str, hint: str | None = None) -> FrontMatterError:
        return FrontMatterError(self.path, message, line=self.raw.line(key), hint=hint)

    def text(self, key: str, value: Any, label: str, *, required: bool = True) -> str | None:
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.error(key, f"{label} must be text, not {value!r}")
        text = text_of(value).strip()
        if not text:
            if required:
                raise self.error(key, f"{label} is empty", hint="write it, or remove the line")
            return None
        return text

    def url(self, key: str, value: Any, label: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not _URL.fullmatch(value.strip()):
            raise self.error(
                key,
                f"{label} {value!r} is not an absolute http(s) URL",
                hint="write it as https://example.org/page",
            )
        return value.strip()

    def date(self, key: str, value: Any, label: str) -> dt.datetime:
        moment: dt.datetime
        if isinstance(value, dt.datetime):
            moment = value
        elif isinstance(value, dt.date):
            moment = dt.datetime(value.year, value.month, value.day)
        elif isinstance(value, str) and value.strip():
            try:
                moment = get_date(value.strip())
            except (ValueError, OverflowError):
                raise self.error(key, f"{label} {value!r} is not a date", _DATE_HINT) from None
        else:
            raise self.error(key, f"{label} is missing or not a date: {value!r}", _DATE_HINT)
        aware: dt.datetime = set_date_tzinfo(moment, self.timezone)
        return aware

    def mapping(
        self, key: str, value: Mapping[Any, Any], allowed: tuple[str, ...], label: str
    ) -> dict[str, Any]:
        fields = {str(name).lower(): item for name, item in value.items()}
        for name in fields:
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "use " + ", ".join(allowed)
                raise self.error(key, f"{label} has an unknown field '{name}'", hint)
        return fields

    def items(
        self, key: str, value: Any, read_one: Callable[[Any, str], T], *, single: bool = False
    ) -> tuple[T, ...]:
        if isinstance(value, list):
            if single:
                raise self.error(
                    key, f"'{key}' must be one value, not a list", hint=f"write '{key}s:' instead"
                )
            return tuple(read_one(item, f"'{key}' item {n}") for n, item in enumerate(value, 1))
        return (read_one(value, f"'{key}'"),)


def _person(reader: _Reader) -> Callable[[Any, str], Person]:
    def read(value: Any, label: str) -> Person:
        if isinstance(value, Mapping):
            fields = reader.mapping("authors", value, ("name", "role", "url"), label)
            name = reader.text("authors", fields.get("name"), f"{label}: 'name'")
            assert name is not None
            return Person(
                name=name,
                role=reader.text("authors", fields.get("role"), f"{label}: 'role'", required=False),
                url=reader.url("authors", fields.get("url"), f"{label}: 'url'"),
            )
        name = reader.text("authors", value, label)
        assert name is not None
        return Person(name=name)

    return read


def _source(reader: _Reader, key: str) -> Callable[[Any, str], Source]:
    def read(value: Any, label: str) -> Source:
        if isinstance(value, Mapping):
            fields = reader.mapping(key, value, ("name", "url", "date"), label)
            name = reader.text(key, fields.get("name"), f"{label}: 'name'")
            assert name is not None
            date = fields.get("date")
            return Source(
                name=name,
                url=reader.url(key, fields.get("url"), f"{label}: 'url'"),
                date=None if date is None else reader.date(key, date, f"{label}: 'date'"),
            )
        name = reader.text(key, value, label)
        assert name is not None
        return Source(name=name)

    return read


def _section_titles(metadata: Mapping[str, Any]) -> dict[str, str]:
    """The article's ``##`` sections (markdown_reader's ``sections``): heading id -> title."""
    titles: dict[str, str] = {}
    for section in metadata.get("sections") or ():
        if isinstance(section, Mapping) and section.get("id"):
            titles[str(section["id"])] = str(section.get("title") or "")
    return titles


def _section(reader: _Reader, key: str, value: Any, label: str, titles: Mapping[str, str]) -> str:
    """The id of the ``##`` heading a note names, which must be one of the article's."""
    section = reader.text(key, value, f"{label}: 'section'")
    assert section is not None
    section = section.removeprefix("#")
    if section in titles:
        return section
    if not titles:
        raise reader.error(
            key,
            f"{label}: 'section' {section!r} names a heading, but the article has no '##' headings",
            hint="remove 'section' (the note then points at the article's notes), "
            "or add the heading",
        )
    close = difflib.get_close_matches(section, list(titles), n=1)
    choices = ", ".join(titles)
    raise reader.error(
        key,
        f"{label}: 'section' {section!r} is not the id of one of the article's '##' headings",
        hint=(f"did you mean {close[0]!r}? " if close else "") + f"its headings' ids: {choices}",
    )


def _note(reader: _Reader, key: str, titles: Mapping[str, str]) -> Callable[[Any, str], Note]:
    def read(value: Any, label: str) -> Note:
        if not isinstance(value, Mapping):
            raise reader.error(
                key,
                f"{label} must be a mapping with 'date' and 'note', not {value!r}",
                hint="write '- {date: 2026-01-26T14:05:00+00:00, note: What changed.}'",
            )
        fields = reader.mapping(key, value, ("date", "note", "section"), label)
        if "date" not in fields:
            raise reader.error(key, f"{label} has no 'date'", hint=_DATE_HINT)
        note = reader.text(key, fields.get("note"), f"{label}: 'note'")
        assert note is not None
        section = None
        if fields.get("section") is not None:
            section = _section(reader, key, fields["section"], label, titles)
        return Note(
            date=reader.date(key, fields["date"], f"{label}: 'date'"),
            note=note,
            section=section,
            section_title=titles.get(section, "") if section else "",
        )

    return read


def _authors_value(metadata: Mapping[str, Any], raw: RawFrontMatter) -> Any:
    written = raw.values.get("authors")
    if isinstance(written, list) and any(isinstance(item, Mapping) for item in written):
        return written  # Pelican turned the mappings into text; the raw list keeps them
    if "authors" not in metadata:
        return None
    value = metadata["authors"]
    if isinstance(value, list):
        return [getattr(author, "name", author) for author in value]
    return value


def _dateline(reader: _Reader, value: Any) -> str:
    """The dateline's text: datelines are plain text, so markup is removed, never shown.

    strict_build has usually made the value safe ``Markup`` already; a plain string is
    cleaned by the site's one policy the same way (a script goes with its contents).
    """
    if isinstance(value, str):
        written = reader.raw.values.get("dateline", value)
        value = text_of(value if isinstance(value, Markup) else Markup(sanitise(value)))
        if not value.strip() and isinstance(written, str) and written.strip():
            raise reader.error(
                "dateline",
                f"'dateline' has no text once its markup is removed: {written!r}",
                hint="a dateline is plain text, a place name: write e.g. dateline: WASHINGTON",
            )
    dateline = reader.text("dateline", value, "'dateline'")
    assert dateline is not None
    return dateline


def read_newsroom_fields(
    metadata: Mapping[str, Any], raw: RawFrontMatter, path: str | Callable[[], str], timezone: str
) -> Newsroom:
    """The :class:`Newsroom` of an article; raise FrontMatterError for a malformed field.

    ``path`` names the file in messages, or makes that name when a message needs it."""
    reader = _Reader(path, raw, timezone)
    dateline = None
    if metadata.get("dateline") is not None:
        dateline = _dateline(reader, metadata["dateline"])
        if "\n" in dateline or len(dateline) > _DATELINE_MAX:
            raise reader.error(
                "dateline",
                f"'dateline' must be a short place name (at most {_DATELINE_MAX} characters, "
                f"one line), not {dateline[:80]!r}",
                hint="e.g. dateline: WASHINGTON",
            )
    authors_value = _authors_value(metadata, raw)
    authors = (
        () if authors_value is None else reader.items("authors", authors_value, _person(reader))
    )
    if "source" in metadata and "sources" in metadata:
        raise reader.error(
            "sources", "has both 'source' and 'sources'", hint="list them all under 'sources:'"
        )
    sources: tuple[Source, ...] = ()
    for key in ("source", "sources"):
        if metadata.get(key) is not None:
            sources = reader.items(key, metadata[key], _source(reader, key), single=key == "source")
    notes: dict[str, tuple[Note, ...]] = {}
    titles = _section_titles(metadata)
    for key in ("updates", "corrections"):
        value = metadata.get(key)
        if value is None:
            notes[key] = ()
            continue
        if not isinstance(value, list):
            raise reader.error(
                key,
                f"'{key}' must be a list of {{date, note}} items, not {value!r}",
                hint=f"write '{key}:' then lines '  - {{date: 2026-01-26, note: ...}}'",
            )
        notes[key] = tuple(
            sorted(reader.items(key, value, _note(reader, key, titles)), key=_by_date)
        )
    future = metadata.get("publish_future")
    # Pelican's header lines give text: "true" and "false" are accepted there too.
    if future is not None and not isinstance(future, bool) and str(future).lower() not in _BOOLS:
        raise reader.error(
            "publish_future", f"'publish_future' must be true or false, not {future!r}"
        )
    return Newsroom(
        dateline=dateline,
        authors=authors,
        sources=sources,
        updates=notes["updates"],
        corrections=notes["corrections"],
    )


def _by_date(note: Note) -> dt.datetime:
    return note.date
