"""A stand-in for topic_hubs in tests: the same interface, from synthetic data.

Articles name their topics in front matter (``example_topics: [slug, ...]``); the
titles come from the ``SYNTHETIC_TOPICS`` setting ({slug: title}), in that order.
After ``article_generator_finalized`` each article has ``topics`` and the context has
``topics`` (newest articles first) and ``topics_by_slug``, as topic_hubs provides them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pelican import signals


@dataclass
class Topic:
    slug: str
    title: str
    url: str
    articles: list[Any] = field(default_factory=list)


def add_topics(generator: Any) -> None:
    titles: dict[str, str] = generator.settings.get("SYNTHETIC_TOPICS", {})
    topics = {slug: Topic(slug, title, f"topics/{slug}/") for slug, title in titles.items()}
    for article in generator.articles:
        article.topics = [topics[slug] for slug in article.metadata.get("example_topics", [])]
        for topic in article.topics:
            topic.articles.append(article)
    for topic in topics.values():
        topic.articles.sort(key=lambda article: article.date, reverse=True)
    generator.context["topics"] = list(topics.values())
    generator.context["topics_by_slug"] = topics


def register() -> None:
    signals.article_generator_finalized.connect(add_topics)
