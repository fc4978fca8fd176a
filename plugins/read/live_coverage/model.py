"""A live article as data: its entries in page order and its state at the build's date.

``article.live_coverage`` is a :class:`LiveCoverage`; templates, the feeds and the JSON-LD read
it. Every field is a value (no article, no clock): page reuse describes it as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

__all__ = ["ENDED", "LIVE", "LiveCoverage", "LiveEntry"]

LIVE = "live"
ENDED = "ended"


@dataclass(frozen=True)
class LiveEntry:
    """One timestamped entry; ``anchor`` is its id on the page (``#entry-…``)."""

    anchor: str
    entry_id: str | None
    time: dt.datetime
    time_label: str
    headline: str
    text: str
    html: Markup
    key: bool
    pinned: bool
    author: str


@dataclass(frozen=True)
class LiveCoverage:
    """The entries (pinned first, then newest first), the window and the state."""

    entries: tuple[LiveEntry, ...]
    start: dt.datetime | None
    end: dt.datetime | None
    state: str  # LIVE or ENDED, at the build's date
    start_label: str = ""
    end_label: str = ""

    @property
    def is_live(self) -> bool:
        return self.state == LIVE

    @property
    def state_label(self) -> str:
        return "Live" if self.is_live else "Coverage ended"

    @property
    def pinned(self) -> LiveEntry | None:
        return next((entry for entry in self.entries if entry.pinned), None)

    @property
    def key_events(self) -> tuple[LiveEntry, ...]:
        return tuple(entry for entry in self.entries if entry.key)

    @property
    def newest_first(self) -> tuple[LiveEntry, ...]:
        """Every entry, the pinned one too, newest first (the feed's order)."""
        return tuple(sorted(self.entries, key=lambda entry: entry.time, reverse=True))

    @property
    def latest(self) -> LiveEntry:
        """The newest entry (its time is the coverage's last update)."""
        return max(self.entries, key=lambda entry: entry.time)

    @property
    def updated(self) -> dt.datetime:
        return self.latest.time
