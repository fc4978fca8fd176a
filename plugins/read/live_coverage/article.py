"""When a live article is created: ``article.live_coverage``, its state, and its ``modified`` date.

The entries were read and checked with the file (:mod:`live_coverage.entries`); here,
with the build's date, the article is "Live" or "Coverage ended": ended once the build's
date (``BUILD_DATE``, from SOURCE_DATE_EPOCH) is at or after ``coverage_end``. The
article's ``modified`` becomes its newest entry's time when that is later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pelican.contents import Content

from live_coverage.model import ENDED, LIVE, LiveCoverage, LiveEntry

__all__ = ["build_date", "init_live_article"]


def build_date(settings: Mapping[str, Any]) -> dt.datetime:
    """``BUILD_DATE`` when set; otherwise now (as newsroom's ``build_time``)."""
    fixed = settings.get("BUILD_DATE")
    if isinstance(fixed, dt.datetime):
        return fixed
    return dt.datetime.now(dt.UTC)


def _moment(text: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if isinstance(text, str) else None


def _entry(data: Mapping[str, Any]) -> LiveEntry:
    return LiveEntry(
        anchor=str(data["anchor"]),
        entry_id=data.get("id"),
        time=dt.datetime.fromisoformat(str(data["time"])),
        time_label=str(data["time_label"]),
        headline=str(data["headline"]),
        text=str(data["text"]),
        html=data["html"],
        key=bool(data["key"]),
        pinned=bool(data["pinned"]),
        author=str(data.get("author") or ""),
    )


def init_live_article(content: object) -> None:
    """``content_object_init`` receiver: ``live_coverage`` on a content with entries."""
    if not isinstance(content, Content):
        return
    entries = content.metadata.get("live_entries")
    window = content.metadata.get("live_window") or {}
    if not entries:
        return
    end = _moment(window.get("end"))
    ended = end is not None and build_date(content.settings) >= end
    live = LiveCoverage(
        entries=tuple(_entry(data) for data in entries),
        start=_moment(window.get("start")),
        end=end,
        state=ENDED if ended else LIVE,
        start_label=str(window.get("start_label") or ""),
        end_label=str(window.get("end_label") or ""),
    )
    content.live_coverage = live
    modified = getattr(content, "modified", None)
    date = getattr(content, "date", None)
    newest = live.updated
    if date is not None and newest > date and (modified is None or newest > modified):
        content.modified = newest
        content.locale_modified = newest.strftime(content.date_format)
