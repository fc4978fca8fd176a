"""Topics as data, matched per section; topic hubs, related coverage and prev/next links.

Topics are files in ``content/topics/*.md`` (see :mod:`topic_hubs.topic_files`). Once
every article is read (``article_generator_finalized``) the plugin guarantees:

* every article has ``article.topics`` — Topic objects, explicit ones (front matter
  ``topics:``) first in the order written, then rule-matched ones, most matching
  sections first; ``article.topic_sections`` — slug -> the section dicts
  (``{id, title, line, text}``) that matched, ``[]`` for an explicit topic no section
  matched (its hub links to the article's top); ``article.section_topics`` (the section
  map); ``article.related_coverage`` and ``article.topic_neighbours``;
* ``context["topics"]`` — every Topic, sorted by title, with ``slug``, ``title``,
  ``url`` (``topics/<slug>/``), ``save_as`` (``topics/<slug>/index.html``),
  ``intro_html``, ``articles`` (newest first), ``developments`` (Development(article,
  section or None, date), newest first), ``timeline``, ``key_points``,
  ``related_topics``, ``hub_pages``; and ``context["topics_by_slug"]``.

The TopicsGenerator then writes each hub (with ``topic`` in the template context, so
the feeds partial advertises the topic's feeds) and the index ``topics/``. Problems
(bad topic files, unknown slugs) are logged as errors naming the file and line.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican import signals

from topic_hubs.assign import assign_topics
from topic_hubs.generator import TopicsGenerator
from topic_hubs.linking import RelatedArticle, link_articles, related_coverage
from topic_hubs.matching import TopicRules
from topic_hubs.model import Development, Topic
from topic_hubs.settings import settings_problems, topic_settings
from topic_hubs.topic_files import load_topics

__all__ = [
    "Development",
    "RelatedArticle",
    "Topic",
    "TopicsGenerator",
    "link_topics",
    "register",
    "related_coverage",
]

logger = logging.getLogger(__name__)


def check_settings(pelican: Any) -> None:
    for problem in settings_problems(pelican.settings):
        logger.error("%s", problem)


def link_topics(generator: Any) -> None:
    """``article_generator_finalized``: load topics, assign them, link hubs and articles."""
    settings = generator.settings
    chosen = topic_settings(settings)
    display_root = os.path.dirname(os.path.abspath(str(settings.get("PATH", "."))))
    loaded = load_topics(chosen.folder, display_root, settings)
    rules = [TopicRules.of(topic) for topic in loaded.topics]
    published = list(generator.articles)
    everything = [
        *published,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]
    errors = [
        *loaded.errors,
        *assign_topics(everything, rules, loaded.failed_slugs, display_root),
    ]
    link_articles(
        rules,
        published,
        everything,
        related_limit=chosen.related_limit,
        key_points_limit=chosen.key_points,
        hub_page_size=chosen.hub_page_size,
    )
    topics = sorted(loaded.topics, key=lambda topic: topic.title.casefold())
    generator.context["topics"] = topics
    generator.context["topics_by_slug"] = {topic.slug: topic for topic in topics}
    for error in errors:
        logger.error("%s", error)


def add_generator(pelican: Any) -> type[TopicsGenerator]:
    return TopicsGenerator


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(link_topics)
    signals.get_generators.connect(add_generator)
