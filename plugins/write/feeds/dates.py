"""Timestamps as the feed formats want them: RFC 3339 (Atom, JSON Feed), RFC 822 (RSS)."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

__all__ = ["rfc822", "rfc3339"]


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        # Pelican localises dates to TIMEZONE; a naive one here is a bug, not content.
        raise ValueError(f"{moment!r} has no time zone")
    return moment


def rfc3339(moment: datetime) -> str:
    """``2026-01-25T14:05:00+00:00``: whole seconds, explicit offset."""
    return _aware(moment).isoformat(timespec="seconds")


def rfc822(moment: datetime) -> str:
    """``Sun, 25 Jan 2026 14:05:00 +0000`` (RSS 2.0 pubDate)."""
    return format_datetime(_aware(moment).replace(microsecond=0))
