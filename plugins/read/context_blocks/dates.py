"""An article's ``modified`` date follows the context blocks it shows.

The rule: a document's ``modified`` becomes the newest of its own ``modified`` (front
matter) and the ``reviewed`` date of each context block it shows, when that is later
than its publication date; a ``reviewed`` date alone counts from the start of that day
in the site's ``TIMEZONE``. The article then shows "Updated" with that date, its feeds,
sitemap and JSON-LD say so (newsroom takes ``modified`` into its own rule, with updates
and corrections). A block reviewed before the article was published changes nothing.

Applied to the metadata before Pelican makes the article (``article_generator_context``,
``page_generator_context``), so Pelican sets ``modified`` and ``locale_modified`` itself
and every ``content_object_init`` receiver, newsroom's among them, sees the result.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import Any

from context_blocks.placement import BLOCKS_KEY

__all__ = ["apply_reviewed_dates", "newest_reviewed"]


def _zone(name: str) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _aware(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _moment(text: str, zone: dt.tzinfo) -> dt.datetime | None:
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day, tzinfo=zone)
        return _aware(dt.datetime.fromisoformat(text), zone)
    except ValueError:  # checked when the context file was read
        return None


def newest_reviewed(blocks: Iterable[Any], zone: dt.tzinfo) -> dt.datetime | None:
    """The latest ``reviewed`` moment among a document's ``context_blocks`` entries."""
    moments = [
        _moment(str(entry.get("reviewed")), zone)
        for entry in blocks
        if isinstance(entry, dict) and entry.get("reviewed")
    ]
    return max((moment for moment in moments if moment is not None), default=None)


def apply_reviewed_dates(sender: Any, metadata: dict[str, Any] | None = None) -> None:
    """``article_generator_context``/``page_generator_context`` receiver (edits in place)."""
    if metadata is None or not metadata.get(BLOCKS_KEY):
        return
    settings = getattr(sender, "settings", {})
    zone = _zone(str(metadata.get("timezone") or settings.get("TIMEZONE") or "UTC"))
    reviewed = newest_reviewed(metadata[BLOCKS_KEY], zone)
    date = metadata.get("date")
    if reviewed is None or not isinstance(date, dt.datetime):
        return  # an undated document has nothing to compare (strict_build reports it)
    modified = metadata.get("modified")
    newest = _aware(date, zone)
    if isinstance(modified, dt.datetime):
        newest = max(newest, _aware(modified, zone))
    if reviewed > newest:
        metadata["modified"] = reviewed
