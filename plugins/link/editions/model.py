"""What an edition is: one day's articles, grouped by topic, for the page and the feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

__all__ = ["EDITIONS_INDEX_SAVE_AS", "EDITIONS_INDEX_URL", "Edition", "EditionGroup", "edition_url"]

EDITIONS_INDEX_URL = "editions/"
EDITIONS_INDEX_SAVE_AS = "editions/index.html"


def edition_url(day: date) -> str:
    """``editions/<yyyy>/<mm>/<dd>/``."""
    return f"editions/{day:%Y}/{day:%m}/{day:%d}/"


@dataclass(frozen=True)
class EditionGroup:
    """One topic's part of an edition (``topic`` is None for articles without a topic).

    ``articles`` are shown in full here; ``also`` are articles of this topic already
    shown in full under an earlier group of the same edition, listed by headline only.
    """

    topic: Any | None
    title: str
    articles: tuple[Any, ...]
    also: tuple[Any, ...] = ()


@dataclass
class Edition:
    """The digest of one day that has news; ``articles`` are newest first."""

    date: date
    title: str
    articles: tuple[Any, ...]
    groups: tuple[EditionGroup, ...]
    published: datetime
    updated: datetime
    zone: tzinfo
    older: Edition | None = field(default=None, repr=False)
    newer: Edition | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return edition_url(self.date)

    @property
    def save_as(self) -> str:
        return self.url + "index.html"

    def local_time(self, article: Any) -> str:
        """``14:05 UTC``: when ``article`` was published, in the site's time zone.

        Empty for an article dated without a time (midnight exactly), so that a bare
        date is not shown as if it had been published at 00:00.
        """
        moment: datetime = article.date
        if moment.time() == time(0):
            return ""
        local = moment.astimezone(self.zone)
        zone_name = local.tzname() or local.strftime("%z")
        return f"{local:%H:%M} {zone_name}"

    @property
    def topics(self) -> list[Any]:
        return [group.topic for group in self.groups if group.topic is not None]
