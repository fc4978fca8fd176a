"""Split articles into days (in the site's time zone) and a day's articles into topic groups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, tzinfo
from itertools import pairwise
from typing import Any

from editions.model import Edition, EditionGroup

__all__ = ["OTHER_NEWS", "build_editions", "group_by_topic", "local_day"]

OTHER_NEWS = "Other news"


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day of ``moment`` where the site is (its TIMEZONE)."""
    return moment.astimezone(zone).date()


def _updated(article: Any) -> datetime:
    published: datetime = article.date
    modified: datetime | None = getattr(article, "modified", None)
    return modified if modified is not None and modified > published else published


def _topics_of(article: Any) -> list[Any]:
    return list(getattr(article, "topics", None) or [])


def group_by_topic(articles: Sequence[Any]) -> tuple[EditionGroup, ...]:
    """Group a day's articles (newest first) by topic.

    The busiest topic of the day comes first (ties: the topic met first going through
    the day's articles newest first, each article's topics in their own order). Each
    article is shown in full once, under the first of its topics in that order, and
    by headline under its other topics; articles without a topic close the edition.
    """
    members: dict[str, list[Any]] = defaultdict(list)
    topic_by_slug: dict[str, Any] = {}  # in the order first met
    for article in articles:
        for topic in _topics_of(article):
            members[topic.slug].append(article)
            topic_by_slug.setdefault(topic.slug, topic)
    met = {slug: index for index, slug in enumerate(topic_by_slug)}
    order = sorted(members, key=lambda slug: (-len(members[slug]), met[slug]))
    shown: set[int] = set()
    groups = []
    for slug in order:
        full = tuple(article for article in members[slug] if id(article) not in shown)
        also = tuple(article for article in members[slug] if id(article) in shown)
        shown.update(id(article) for article in full)
        topic = topic_by_slug[slug]
        groups.append(EditionGroup(topic=topic, title=str(topic.title), articles=full, also=also))
    untopical = tuple(article for article in articles if not _topics_of(article))
    if untopical:
        groups.append(EditionGroup(topic=None, title=OTHER_NEWS, articles=untopical))
    return tuple(groups)


def _title(day: date) -> str:
    return f"Edition of {day:%A} {day.day} {day:%B %Y}"


def build_editions(articles: Iterable[Any], zone: tzinfo) -> list[Edition]:
    """One edition per day that has articles, newest day first, linked to their neighbours."""
    days: dict[date, list[Any]] = defaultdict(list)
    for article in articles:
        days[local_day(article.date, zone)].append(article)
    editions = []
    for day in sorted(days, reverse=True):
        day_articles = tuple(sorted(days[day], key=lambda article: article.date, reverse=True))
        editions.append(
            Edition(
                date=day,
                title=_title(day),
                articles=day_articles,
                groups=group_by_topic(day_articles),
                published=min(article.date for article in day_articles),
                updated=max(_updated(article) for article in day_articles),
                zone=zone,
            )
        )
    for newer, older in pairwise(editions):
        newer.older = older
        older.newer = newer
    return editions
