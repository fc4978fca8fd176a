"""Recognisers shared by text and HTML: key-points headings, datelines, header keys, dates."""

from __future__ import annotations

import datetime as dt
import re

KEY_POINTS_HEADING = re.compile(
    r"^\s*(?:key\s+points|key\s+takeaways|takeaways|highlights|in\s+brief|at\s+a\s+glance"
    r"|what\s+we\s+know|summary)\s*:?\s*$",
    re.IGNORECASE,
)
# "WASHINGTON:", "GAZA CITY —", "NEW YORK (Example Wire) -": a place in capitals.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z’'.\-]*(?:[ ,][A-Z][A-Z’'.\-]*){0,3})"
    r"(?:\s*\([^()]{1,40}\))?\s*(?::|—|–|-{1,2})\s+(?P<rest>\S.*)$",
    re.DOTALL,
)


def split_dateline(paragraph: str) -> tuple[str, str] | None:
    """``'WASHINGTON: The…'`` -> ``('WASHINGTON', 'The…')``."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip(" ,")
    letters = [ch for ch in place if ch.isalpha()]
    if len(letters) < 2 or len(place) > 40:
        return None
    return place, match.group("rest")


def normalise_date(value: str) -> str | None:
    """An ISO date or datetime as the front matter should hold it, or None if not a date.

    ``2026-01-25`` stays a date; ``2026-01-25 14:05`` and ``2026-01-25T14:05:00Z``
    become ``2026-01-25T14:05:00`` / ``2026-01-25T14:05:00+00:00``.
    """
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.isoformat()


def date_part(iso: str) -> str:
    return iso[:10]
