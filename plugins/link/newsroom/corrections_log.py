"""The site's corrections log: every correction and update of the published articles.

Made from ``context["articles"]`` (Pelican's published articles: never a draft, a hidden
article or one held until its date), newest first, and cut into pages of
``CORRECTIONS_PAGE_SIZE`` entries: page 1 at ``corrections/``, then
``corrections/page/<n>/``. Each entry links to the passage it concerns: the ``##`` heading
its front matter names (``section:``), else the article's Corrections or Updates notes.
The feeds plugin turns the entries into the log's feeds (``feeds/corrections.*``).

The pages hold their neighbours' addresses, not the neighbours: page reuse describes a
page's values by pickling them, which a cycle of references would defeat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsroom.model import Note

__all__ = [
    "CORRECTIONS_SAVE_AS",
    "CORRECTIONS_URL",
    "NOTES_ANCHORS",
    "CorrectionsLog",
    "LogEntry",
    "LogPage",
    "build_log",
]

CORRECTIONS_URL = "corrections/"
CORRECTIONS_SAVE_AS = CORRECTIONS_URL + "index.html"
# The ids of the article page's notes (templates/newsroom/article_footer.html), by kind.
NOTES_ANCHORS = {"correction": "newsroom-corrections", "update": "newsroom-updates"}
_LABELS = {"correction": "Correction", "update": "Update"}


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One correction or update of one article.

    ``number`` tells apart notes of one kind that an article dated to the same second
    (1 for the first, as written in date order), so every entry has its own feed id.
    """

    kind: str  # "correction" or "update"
    note: Note
    article: Any
    number: int = 1

    @property
    def label(self) -> str:
        return _LABELS[self.kind]

    @property
    def anchor(self) -> str:
        """The id on the article's page: the section the note names, else the notes."""
        return self.note.section or NOTES_ANCHORS[self.kind]

    @property
    def url(self) -> str:
        """The corrected passage: the article's address and the anchor."""
        return f"{self.article.url}#{self.anchor}"


@dataclass(frozen=True, slots=True)
class LogPage:
    """One page of the log: page 1 at ``corrections/``, then ``corrections/page/<n>/``."""

    number: int
    count: int
    entries: tuple[LogEntry, ...]

    @property
    def url(self) -> str:
        return page_url(self.number)

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    @property
    def newer_url(self) -> str | None:
        return page_url(self.number - 1) if self.number > 1 else None

    @property
    def older_url(self) -> str | None:
        return page_url(self.number + 1) if self.number < self.count else None


@dataclass(frozen=True, slots=True)
class CorrectionsLog:
    """``context["corrections_log"]``: every entry, newest first, and the pages."""

    entries: tuple[LogEntry, ...]
    pages: tuple[LogPage, ...]


def page_url(number: int) -> str:
    return CORRECTIONS_URL if number == 1 else f"{CORRECTIONS_URL}page/{number}/"


def _entries_of(article: Any) -> Iterable[LogEntry]:
    newsroom = getattr(article, "newsroom", None)
    if newsroom is None:
        return
    for kind, notes in (("correction", newsroom.corrections), ("update", newsroom.updates)):
        seen: dict[Any, int] = {}
        for note in notes:  # oldest first (newsroom.fields)
            seen[note.date] = seen.get(note.date, 0) + 1
            yield LogEntry(kind, note, article, seen[note.date])


def _newest_first(entry: LogEntry) -> tuple[Any, ...]:
    # Ties (one moment for several notes) in a fixed order: the newer article, then its
    # slug, corrections before updates, then as written.
    article = entry.article
    return (
        entry.note.date,
        article.date,
        str(article.slug),
        entry.kind == "correction",
        -entry.number,
    )


def build_log(articles: Iterable[Any], page_size: int) -> CorrectionsLog:
    """The log of ``articles`` (published ones), in pages of ``page_size`` (0: one page)."""
    entries = tuple(
        sorted(
            (entry for article in articles for entry in _entries_of(article)),
            key=_newest_first,
            reverse=True,
        )
    )
    size = page_size or max(len(entries), 1)
    chunks = [entries[start : start + size] for start in range(0, len(entries), size)] or [()]
    pages = tuple(
        LogPage(number, len(chunks), chunk) for number, chunk in enumerate(chunks, start=1)
    )
    return CorrectionsLog(entries, pages)
