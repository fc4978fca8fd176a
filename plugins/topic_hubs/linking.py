"""Link topics and articles once everything is read: hubs' data, related coverage, prev/next.

Only published, listed articles are linked into hubs; every article (hidden ones too)
gets its related coverage and, for the topics it is listed in, its neighbours.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from topic_hubs.matching import TopicRules, normalise
from topic_hubs.model import (
    ArticleEntry,
    Day,
    Development,
    KeyPoint,
    Neighbours,
    RelatedTopic,
    Topic,
)

__all__ = ["RelatedArticle", "link_articles", "related_coverage"]


@dataclass(frozen=True)
class RelatedArticle:
    """Another article and the topics it shares with the one being read."""

    article: Any
    shared_topics: tuple[Topic, ...]


def _newest_first(articles: Iterable[Any]) -> list[Any]:
    return sorted(articles, key=lambda article: article.date, reverse=True)


def link_articles(
    rules: Sequence[TopicRules],
    published: Sequence[Any],
    everything: Sequence[Any],
    *,
    related_limit: int,
    key_points_limit: int,
) -> None:
    """Fill each topic's articles, developments, timeline, key points and related topics;
    give each article of ``everything`` its ``related_coverage`` and ``topic_neighbours``."""
    newest = _newest_first(published)
    for rule in rules:
        topic = rule.topic
        topic.articles = [a for a in newest if topic in a.topics]
        topic.developments = [
            development
            for article in topic.articles
            for development in _developments(topic, article)
        ]
        topic.timeline = _timeline(topic.developments)
        topic.key_point_entries = _key_points(rule, topic.articles, key_points_limit)
    topics = [rule.topic for rule in rules]
    for topic in topics:
        topic.related_topics = _related_topics(topic, topics)
    for article in everything:
        article.related_coverage = related_coverage(article, limit=related_limit)
        article.topic_neighbours = _neighbours(article)


def _developments(topic: Topic, article: Any) -> list[Development]:
    sections = article.topic_sections.get(topic.slug) or [None]
    return [Development(article, section, article.date) for section in sections]


def _timeline(developments: Sequence[Development]) -> list[Day]:
    days = []
    for day, on_day in itertools.groupby(developments, key=lambda d: d.date.date()):
        entries = [
            ArticleEntry(article, list(of_article))
            for article, of_article in itertools.groupby(on_day, key=lambda d: d.article)
        ]
        days.append(Day(day, entries))
    return days


def _key_points(rule: TopicRules, articles: Sequence[Any], limit: int) -> list[KeyPoint]:
    """Key points that concern the topic, newest articles first, each said once."""
    seen: set[str] = set()
    points = []
    for article in articles:
        for html in getattr(article, "key_points", None) or []:
            text = Markup(str(html)).striptags()
            if not rule.matches_text(text) or normalise(text) in seen:
                continue
            seen.add(normalise(text))
            points.append(KeyPoint(str(html), article))
            if len(points) >= limit:
                return points
    return points


def _related_topics(topic: Topic, topics: Sequence[Topic]) -> list[RelatedTopic]:
    mine = {id(article) for article in topic.articles}
    related = []
    for other in topics:
        if other is topic:
            continue
        shared = sum(1 for article in other.articles if id(article) in mine)
        if shared:
            related.append(RelatedTopic(other, shared))
    return sorted(related, key=lambda r: (-r.shared, r.topic.title.casefold()))


def related_coverage(article: Any, *, limit: int) -> list[RelatedArticle]:
    """Other articles ranked by how many topics they share with ``article``, then newest
    first (then by title, so equal ranks have a stable order); at most ``limit``."""
    shared: dict[int, tuple[Any, list[Topic]]] = {}
    for topic in getattr(article, "topics", None) or []:
        for other in topic.articles:
            if other is article:
                continue
            shared.setdefault(id(other), (other, []))[1].append(topic)
    ranked = sorted(
        shared.values(),
        key=lambda item: (-len(item[1]), -item[0].date.timestamp(), str(item[0].title)),
    )
    return [RelatedArticle(other, tuple(topics)) for other, topics in ranked[:limit]]


def _neighbours(article: Any) -> list[Neighbours]:
    """For each listed topic of the article: the older and the newer development."""
    result = []
    for topic in getattr(article, "topics", None) or []:
        if article not in topic.articles:
            continue  # hidden or draft: not on the topic's timeline
        index = topic.articles.index(article)
        older = topic.articles[index + 1] if index + 1 < len(topic.articles) else None
        newer = topic.articles[index - 1] if index > 0 else None
        result.append(
            Neighbours(
                topic,
                _developments(topic, older)[0] if older is not None else None,
                _developments(topic, newer)[0] if newer is not None else None,
            )
        )
    return result
