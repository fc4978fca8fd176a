"""Once everything is read: each article's description and JSON-LD, and each hub's.

An article's JSON-LD is serialised when its page is rendered (see ``ArticleJsonLd``).

Runs on ``all_generators_finalized`` because JSON-LD names the article's topics
(``article.topics``, linked by topic_hubs once every article is read) and final URLs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pelican.generators import ArticlesGenerator

from newsroom.settings import newsroom_settings
from newsroom.structured_data import (
    ArticleJsonLd,
    collection_page_graph,
    describe,
    script_json,
)

__all__ = ["HUB_JSON_LD", "link_newsroom"]

HUB_JSON_LD = "newsroom_hub_json_ld"
"""Context key: topic slug -> serialised JSON-LD of its hub (read by head_meta.html)."""

HUB_ITEMS = 50
_ARTICLE_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
)


def _all_articles(generator: ArticlesGenerator) -> Iterator[Any]:
    for name in _ARTICLE_LISTS:
        yield from getattr(generator, name, None) or ()


def link_newsroom(generators: Iterable[Any]) -> None:
    """``all_generators_finalized`` receiver."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        site = newsroom_settings(generator.settings)
        for article in _all_articles(generator):
            newsroom = getattr(article, "newsroom", None)
            if newsroom is None:
                continue
            newsroom.description = describe(article)
            newsroom.json_ld = ArticleJsonLd(article, site)
        context = generator.context
        # A hub lists its newest articles, as many as its first page shows, not its archive.
        context[HUB_JSON_LD] = {
            topic.slug: script_json(
                collection_page_graph(topic, topic.articles[:HUB_ITEMS], site, "topics/")
            )
            for topic in context.get("topics") or ()
        }
