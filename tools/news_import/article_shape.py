"""Recognisers shared by text and HTML: key-points headings, datelines, header keys, dates."""

from __future__ import annotations

import datetime as dt
import re

KEY_POINTS_HEADING = re.compile(
    r"^\s*(?:key\s+points|key\s+takeaways|takeaways|highlights|in\s+brief|at\s+a\s+glance"
    r"|what\s+we\s+know|summary)\s*:?\s*$",
    re.IGNORECASE,
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "WASHINGTON:", "GAZA CITY —", "NEW YORK (Example Wire) -", "EXAMPLE CITY, Example Country
# (Example Wire) –", "EXAMPLE CITY, Jan 25 (Example Wire) -": a place in capitals, then
# optionally its country or the day, then optionally the agency in brackets.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z’'.\-]*(?:[ ,][A-Z][A-Z’'.\-]*){0,3})"
    rf"(?:,\s*(?:(?P<day>{_MONTH}\s+\d{{1,2}})|(?P<country>[A-Z][\w’'.\-]*(?:\s[A-Z][\w’'.\-]*){{0,2}})))?"
    r"(?:\s*\((?P<agency>[^()]{1,40})\))?\s*(?::|—|–|-{1,2})\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
# "(Reporting by A and B in City; Editing by C)": who did what, at the end of wire copy.
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|research"
    r"|graphics|translated|fact-checking)\s+by\b[^()]*\)?\s*$",
    re.I,
)
_CREDIT_PART = re.compile(r"^\s*(?P<role>[\w -]+?)\s+by\s+(?P<names>.+?)\s*$", re.I)
_AUTHOR_ROLES = {"reporting", "writing"}


def split_dateline(paragraph: str) -> tuple[str, str] | None:
    """``'WASHINGTON: The…'`` -> ``('WASHINGTON', 'The…')``."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip(" ,")
    letters = [ch for ch in place if ch.isalpha()]
    if len(letters) < 2 or len(place) > 40:
        return None
    if match.group("country"):
        place = f"{place}, {match.group('country')}"
    return place, match.group("rest")


def dateline_agency(paragraph: str) -> str | None:
    """The agency a dateline names in brackets ("(Example Wire)"), if any."""
    match = DATELINE.match(paragraph)
    return match.group("agency").strip() if match and match.group("agency") else None


def parse_credit_line(paragraph: str) -> list[tuple[str, str]] | None:
    """``'(Reporting by A in X; Editing by B)'`` -> ``[('A', 'author'), ('B', 'Editing')]``."""
    text = " ".join(paragraph.replace("\\", "").split())
    if not CREDIT_LINE.match(text):
        return None
    people: list[tuple[str, str]] = []
    for part in text.strip("() ").split(";"):
        match = _CREDIT_PART.match(part)
        if not match:
            continue
        role = match.group("role").strip().capitalize()
        names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))
        for written in names:
            # "Example Person in Example City": the place is where they reported from.
            name = re.sub(r"\s+in\s+[A-Z][\w .’'-]*$", "", written).strip(" .")
            if name and len(name.split()) <= 5:
                kind = "author" if role.lower() in _AUTHOR_ROLES else role
                people.append((name, kind))
    return people or None


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
