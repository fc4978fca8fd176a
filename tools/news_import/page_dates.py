"""Dates as a page states them -> ISO dates that keep their offset, never a silent UTC.

``2026-01-25T14:05:00+01:00`` stays as it is; ``2026-01-25T14:05:00Z`` keeps ``+00:00``
(the page said UTC). A time with no zone takes the offset the page states in another of
its dates; when no date on the page has one, only the day is kept (the caller says so in
the review report). Text dates in any language ("25 janvier 2026 à 14 h 05") are read by
dateparser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ZONE = re.compile(r"(?:Z|[+-]\d{2}:?\d{2}|\b(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?)\s*$", re.I)
_HAS_TIME = re.compile(r"\d{1,2}[:h]\s?\d{2}")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class PageDate:
    """A parsed date: ``value`` with its offset, or a naive time, or a day."""

    value: dt.datetime | dt.date
    has_time: bool
    has_zone: bool

    def iso(self) -> str:
        return self.value.isoformat()

    def day(self) -> str:
        return self.value.isoformat()[:10]


def parse_page_date(text: str) -> PageDate | None:
    raw = " ".join(str(text).split())
    if not raw or len(raw) > 80:
        return None
    if _ISO_DAY.match(raw):
        try:
            return PageDate(dt.date.fromisoformat(raw), has_time=False, has_zone=False)
        except ValueError:
            return None
    iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", raw.replace("Z", "+00:00").replace(" ", "T", 1))
    parsed: dt.datetime | None
    try:
        parsed = dt.datetime.fromisoformat(iso)
    except ValueError:
        parsed = _dateparser(raw)
    if parsed is None:
        return None
    has_zone = parsed.tzinfo is not None
    has_time = bool(_HAS_TIME.search(raw)) or has_zone
    if not has_time:
        return PageDate(parsed.date(), has_time=False, has_zone=False)
    if parsed.tzinfo is not None and parsed.utcoffset() is not None:
        parsed = parsed.replace(tzinfo=dt.timezone(parsed.utcoffset() or dt.timedelta()))
    return PageDate(parsed.replace(microsecond=0), has_time=True, has_zone=has_zone)


def _dateparser(raw: str) -> dt.datetime | None:
    import dateparser

    try:
        parsed: dt.datetime | None = dateparser.parse(
            raw,
            settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"},
        )
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or not 1900 < parsed.year < 2200:
        return None
    if parsed.tzinfo is None and _ZONE.search(raw):
        return None  # a zone dateparser could not keep: better no date than a wrong one
    return parsed


def with_page_zone(date: PageDate, others: list[PageDate]) -> tuple[str, str | None]:
    """``date`` as front matter holds it, and a note for the report when it was a guess.

    A zone-less time takes the offset of another date on the page; with none, the day.
    """
    if not date.has_time or date.has_zone:
        return date.iso(), None
    if not isinstance(date.value, dt.datetime):
        return date.iso(), None
    zoned = [o.value for o in others if o.has_zone and isinstance(o.value, dt.datetime)]
    if zoned:
        value = date.value.replace(tzinfo=zoned[0].tzinfo).isoformat()
        return (
            value,
            f"the page gives {date.value.strftime('%H:%M')} with no time zone: the offset "
            f"{value[19:]} comes from another date on the page; check it",
        )
    return (
        date.day(),
        f"the page gives {date.value.strftime('%H:%M')} with no time zone and states none"
        " elsewhere: only the day is kept (add the time with its offset if it matters)",
    )
