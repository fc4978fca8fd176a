"""Link topics and articles once everything is read: hubs' data, related coverage, prev/next.

Only published, listed articles are linked into hubs; every article (hidden ones too)
gets its related coverage and, for the topics it is listed in, its neighbours.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from markupsafe import Markup

from topic_hubs.matching import TopicRules, normalise
from topic_hubs.model import (
    ArticleEntry,
    Day,
    Development,
    HubPage,
    KeyPoint,
    Neighbours,
    RelatedTopic,
    Topic,
)

__all__ = ["RelatedArticle", "RelatedRanking", "link_articles", "related_coverage"]


@dataclass(frozen=True, slots=True)
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
    hub_page_size: int = 0,
) -> None:
    """Fill each topic's articles, developments, timeline, key points and related topics;
    give each article of ``everything`` its ``related_coverage`` and ``topic_neighbours``."""
    newest = _newest_first(published)
    # In one pass over the articles, newest first: each topic's articles, where each is
    # among them, and its developments there, made once per article for the timeline,
    # the hub's pages and the neighbours alike.
    members: dict[int, list[Any]] = {id(rule.topic): [] for rule in rules}
    positions: dict[int, dict[int, int]] = {id(rule.topic): {} for rule in rules}
    developments: dict[int, list[list[Development]]] = {id(rule.topic): [] for rule in rules}
    whole: list[None] = [None]  # the developments of an article no section of which matched
    for article in newest:
        date = article.date
        topic_sections = article.topic_sections
        for topic in article.topics:
            its_articles = members[id(topic)]
            positions[id(topic)][id(article)] = len(its_articles)
            its_articles.append(article)
            sections = _listed(topic_sections.get(topic.slug)) or whole
            developments[id(topic)].append(
                [Development(article, section, date) for section in sections]
            )
    for rule in rules:
        topic = rule.topic
        topic.articles = members[id(topic)]
        of_articles = developments[id(topic)]
        topic.developments = [development for each in of_articles for development in each]
        topic.timeline = _timeline(of_articles)
        topic.hub_pages = _hub_pages(topic, hub_page_size, topic.timeline)
        topic.key_point_entries = _key_points(rule, topic.articles, key_points_limit)
    topics = [rule.topic for rule in rules]
    _link_related_topics(topics, newest)
    ranking = RelatedRanking((article, article.topics) for article in newest)
    for article in everything:
        article.related_coverage = ranking.related_to(article, limit=related_limit)
        article.topic_neighbours = _neighbours(article, positions, developments)


def _listed(sections: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """The matched sections a hub's timeline lists: all but those marked ``listed: False``
    (a live article's entries that are not key events: matched, counted, not listed)."""
    if not sections or all(section.get("listed", True) for section in sections):
        return sections
    return [section for section in sections if section.get("listed", True)]


def _timeline(of_articles: Sequence[list[Development]]) -> list[Day]:
    """Days (newest first) of the developments of each article (its list, newest first).

    Each entry keeps the article's own list of developments (not a copy): a large
    archive has tens of thousands, kept for the whole build.
    """
    return [
        Day(day, [ArticleEntry(each[0].article, each) for each in of_day])
        for day, of_day in itertools.groupby(of_articles, key=lambda each: each[0].date.date())
    ]


def _hub_pages(topic: Topic, page_size: int, timeline: Sequence[Day]) -> list[HubPage]:
    """The hub's ``timeline`` cut into pages of ``page_size`` articles (0: one page).

    The pages share the timeline's entries and, but for a day cut between two pages,
    its days, instead of holding a second timeline.
    """
    size = page_size or max(len(topic.articles), 1)
    pages: list[list[Day]] = []
    room = 0
    for day in timeline:
        start = 0
        while start < len(day.entries):
            if room == 0:
                pages.append([])
                room = size
            part = day.entries[start : start + room]
            pages[-1].append(day if len(part) == len(day.entries) else Day(day.date, part))
            start += len(part)
            room -= len(part)
    hub_pages = [
        HubPage(topic, number, len(pages), days) for number, days in enumerate(pages, start=1)
    ]
    return hub_pages or [HubPage(topic, 1, 1, [])]


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


def _link_related_topics(topics: Sequence[Topic], articles: Sequence[Any]) -> None:
    # Counted per combination of topics (a few hundred), not per article (thousands).
    combinations = Counter(tuple(article.topics) for article in articles)
    shared: dict[tuple[int, int], int] = {}
    for its_topics, count in combinations.items():
        for one in its_topics:
            for other in its_topics:
                if one is not other:
                    key = (id(one), id(other))
                    shared[key] = shared.get(key, 0) + count
    for topic in topics:
        related = [
            RelatedTopic(other, shared[(id(topic), id(other))])
            for other in topics
            if (id(topic), id(other)) in shared
        ]
        topic.related_topics = sorted(related, key=lambda r: (-r.shared, r.topic.title.casefold()))


def _rank_key(article: Any) -> tuple[float, str]:
    return (-article.date.timestamp(), str(article.title))


class RelatedRanking:
    """Ranks other articles by the number of topics they share, then newest first, then
    by title (a stable order for equals).

    Articles are grouped by their exact set of topics, each group kept in rank order, so
    ranking one article looks at the first few of each group instead of every article
    of every topic it is in (which grows with the square of the archive). Each article's
    rank key is made once, here, not again for every article it is related to.
    """

    def __init__(self, memberships: Iterable[tuple[Any, Iterable[Topic]]]) -> None:
        """``memberships``: each article with the topics it is listed in."""
        groups: dict[frozenset[int], list[Any]] = {}
        # The given order settles full ties (same date and title), so builds are reproducible.
        self.order: dict[int, int] = {}
        for article, its_topics in memberships:
            self.order[id(article)] = len(self.order)
            topics = frozenset(id(topic) for topic in its_topics)
            if topics:
                groups.setdefault(topics, []).append(article)
        self._ranked: dict[frozenset[int], list[tuple[tuple[float, str, int], Any]]] = {}
        for topics, members in groups.items():
            keyed = [((*_rank_key(member), self.order[id(member)]), member) for member in members]
            keyed.sort(key=itemgetter(0))
            self._ranked[topics] = keyed
            members[:] = [member for _, member in keyed]
        self.groups = groups
        self._by_topics: dict[
            tuple[frozenset[int], int],
            list[tuple[tuple[int, tuple[float, str, int]], Any, frozenset[int]]],
        ] = {}
        # Equal tuples of shared topics are one tuple: few distinct ones, many articles.
        self._shared: dict[tuple[Topic, ...], tuple[Topic, ...]] = {}
        # (an article's topics by id, in its order; limit) -> _make_related's list.
        self._made: dict[tuple[tuple[int, ...], int], list[RelatedArticle]] = {}

    def related_to(self, article: Any, *, limit: int) -> list[RelatedArticle]:
        if limit <= 0:
            return []
        mine = [topic for topic in getattr(article, "topics", None) or []]
        key = (tuple(id(topic) for topic in mine), limit)
        made = self._made.get(key)
        if made is None:
            made = self._make_related(mine, limit)
            self._made[key] = made
        related = [each for each in made if each.article is not article]
        del related[limit:]
        return related

    def _make_related(self, mine: Sequence[Topic], limit: int) -> list[RelatedArticle]:
        """For an article listed in the topics ``mine`` (in its order): the first
        ``limit + 1`` candidates, each with the topics it shares (in that order).

        Without the article itself, the first ``limit`` of them are its related coverage:
        made once for every article listed in the same topics in the same order.
        """
        candidates = self._candidates(frozenset(id(topic) for topic in mine), limit)
        made = []
        for _, other, group in candidates[: limit + 1]:
            shared = tuple(topic for topic in mine if id(topic) in group)
            made.append(RelatedArticle(other, self._shared.setdefault(shared, shared)))
        return made

    def _candidates(
        self, ids: frozenset[int], limit: int
    ) -> list[tuple[tuple[int, tuple[float, str, int]], Any, frozenset[int]]]:
        """The ranked candidates for articles listed in the topics ``ids``, themselves
        included: the same for every such article (the group of articles with exactly
        those topics is ranked once, not once per member). Keys are unique, so leaving
        one article out of this order is the order of the others."""
        remembered = self._by_topics.get((ids, limit))
        if remembered is not None:
            return remembered
        candidates = []
        for group, keyed in self._ranked.items():
            shared = len(group & ids)
            if not shared:
                continue
            # The best `limit` of a group, plus one in case the article itself is among them.
            for key, other in keyed[: limit + 1]:
                candidates.append(((-shared, key), other, group))
        candidates.sort(key=itemgetter(0))
        self._by_topics[(ids, limit)] = candidates
        return candidates


def related_coverage(article: Any, *, limit: int) -> list[RelatedArticle]:
    """Other articles ranked by how many topics they share with ``article``, then newest
    first, then by title; at most ``limit``. (For one article; the build ranks them all
    with one :class:`RelatedRanking`.)"""
    memberships: dict[int, tuple[Any, list[Topic]]] = {}
    for topic in getattr(article, "topics", None) or []:
        for other in topic.articles:
            memberships.setdefault(id(other), (other, []))[1].append(topic)
    return RelatedRanking(memberships.values()).related_to(article, limit=limit)


def _neighbours(
    article: Any,
    positions: dict[int, dict[int, int]],
    developments: dict[int, list[list[Development]]],
) -> list[Neighbours]:
    """For each listed topic of the article: the older and the newer development."""
    result = []
    for topic in getattr(article, "topics", None) or []:
        index = positions[id(topic)].get(id(article))
        if index is None:
            continue  # hidden or draft: not on the topic's timeline
        of_articles = developments[id(topic)]
        older = of_articles[index + 1][0] if index + 1 < len(of_articles) else None
        newer = of_articles[index - 1][0] if index > 0 else None
        result.append(Neighbours(topic, older, newer))
    return result
