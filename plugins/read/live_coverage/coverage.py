"""A live article's front matter: whether it is live, its coverage window, a pinned id.

Read from the front matter as written (``markdown_reader`` hands it to Markdown rules),
so that entries are checked against the window while the file is read, with lines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from live_coverage.fields import Where, moment, zone_of

__all__ = ["Coverage", "coverage_of", "is_live"]

_TRUE = {"true", "yes"}
_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Coverage:
    """What the front matter says of a live article (times aware; ``end`` None: still live)."""

    zone: dt.tzinfo
    start: dt.datetime | None
    end: dt.datetime | None
    pinned_id: str | None
    pinned_line: int | None
    live_line: int | None


def is_live(values: Mapping[str, Any]) -> bool:
    """``live: true`` or ``type: live``."""
    live = values.get("live")
    kind = values.get("type")
    return live is True or str(live).lower() in _TRUE or str(kind).lower() == "live"


def coverage_of(
    values: Mapping[str, Any], lines: Mapping[str, int], path: str, site_zone: str
) -> Coverage:
    """The coverage window and pinned id; a bad time is a MarkupError at its key's line."""

    def at(key: str) -> Where:
        return Where(path, lines.get(key))

    zone = zone_of(str(values.get("timezone") or site_zone or "UTC"), at("timezone"))
    start = end = None
    written_start = values.get("coverage_start") or values.get("date")
    if written_start:
        key = "coverage_start" if values.get("coverage_start") else "date"
        text = str(written_start).strip()
        if key == "date" and _DAY_ONLY.match(text):
            text += "T00:00"  # an article dated by its day: coverage from that day's start
        start = moment(text, zone, at(key), key)
    if values.get("coverage_end"):
        end = moment(str(values["coverage_end"]), zone, at("coverage_end"), "coverage_end")
        if start is not None and end < start:
            raise at("coverage_end").error(
                "coverage_end is before coverage_start", hint="swap them or correct one"
            )
    pinned = values.get("pinned")
    pinned_id = None if pinned in (None, "", False) else str(pinned).strip()
    return Coverage(
        zone=zone,
        start=start,
        end=end,
        pinned_id=pinned_id,
        pinned_line=lines.get("pinned"),
        live_line=lines.get("live") or lines.get("type"),
    )
