"""The newsroom model of one article: dateline, people, sources, updates and corrections."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["Newsroom", "Note", "Person", "Source", "house_time"]


def house_time(moment: datetime) -> str:
    """House style for a moment: ``26 Jan 2026, 14:05 UTC``."""
    zone = moment.tzname() or moment.strftime("%z")
    return f"{moment.day} {moment:%b %Y, %H:%M} {zone}"


@dataclass(frozen=True)
class Person:
    """An author: ``name`` as written, an optional ``role`` ("Cairo correspondent") and ``url``."""

    name: str
    role: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Source:
    """An outlet or agency the article draws on, with the original's URL and date if known."""

    name: str
    url: str | None = None
    date: datetime | None = None


@dataclass(frozen=True)
class Note:
    """A timestamped update ("Adds a reaction") or correction; ``section`` is the id of
    the ``##`` heading it concerns, when the note names one (``section_title`` its title)."""

    date: datetime
    note: str
    section: str | None = None
    section_title: str = ""

    @property
    def label(self) -> str:
        return house_time(self.date)


@dataclass
class Newsroom:
    """``article.newsroom``: what templates, JSON-LD and sitemaps read about an article."""

    dateline: str | None = None
    authors: tuple[Person, ...] = ()
    sources: tuple[Source, ...] = ()
    updates: tuple[Note, ...] = ()  # oldest first, as they happened
    corrections: tuple[Note, ...] = ()
    # The newest of modified, updates and corrections (None when never changed).
    updated: datetime | None = None
    updated_label: str = ""  # "26 Jan 2026, 14:05 UTC"
    description: str = ""  # plain text, for meta tags and JSON-LD
    # Set when the article is held back because it is dated after the build (its date,
    # and that date in house style for the preview's "Embargoed until" banner).
    held_until: datetime | None = None
    held_until_label: str = ""
    # Serialised, safe inside <script>: a str, or (once linked) an ArticleJsonLd, which
    # is serialised when printed.
    json_ld: object = field(default="", repr=False)

    @property
    def byline(self) -> bool:
        return bool(self.authors or self.sources)
