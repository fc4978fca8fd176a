"""The pipeline step run once every article is read: load topics, assign them, link.

Logs every problem as an error naming the file and line (the build collects them and
fails); nothing is raised out of the signal, so no traceback reaches the editor.
"""

from __future__ import annotations

import logging
from typing import Any

from site_settings import report_problems
from topic_hubs.assign import assign_topics
from topic_hubs.early_matching import take_build_topics
from topic_hubs.linking import link_articles
from topic_hubs.section_text import shorten_section_texts
from topic_hubs.settings import SCHEMA, topic_settings

__all__ = ["check_settings", "link_topics"]

logger = logging.getLogger(__name__)


def check_settings(pelican: Any) -> None:
    """``initialized``: every wrong setting reported before anything is read."""
    report_problems(SCHEMA, pelican.settings)


def link_topics(generator: Any) -> None:
    """``article_generator_finalized``: load topics, assign them, link hubs and articles."""
    settings = generator.settings
    chosen = topic_settings(settings)
    # Loaded when the first article was made (early_matching), or now if none was.
    topics_of_build = take_build_topics(settings)
    loaded, rules = topics_of_build.loaded, topics_of_build.rules
    display_root = topics_of_build.display_root
    published = list(generator.articles)
    everything = [
        *published,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]
    # Articles matched as they were made (early_matching) hold only what excerpts show
    # already: the others (made some other way) still hold their sections' whole texts.
    uncut = [article for article in everything if getattr(article, "section_matches", None) is None]
    errors = [
        *loaded.errors,
        *assign_topics(
            everything, rules, loaded.failed_slugs, display_root, index=topics_of_build.index
        ),
    ]
    link_articles(
        rules,
        published,
        everything,
        related_limit=chosen.related_limit,
        key_points_limit=chosen.key_points,
        hub_page_size=chosen.hub_page_size,
    )
    # Topics are matched: the sections' texts are needed for excerpts only from here on.
    shorten_section_texts(uncut)
    topics = sorted(loaded.topics, key=lambda topic: topic.title.casefold())
    generator.context["topics"] = topics
    generator.context["topics_by_slug"] = {topic.slug: topic for topic in topics}
    # The theme loads the new-since-last-visit script on hubs and the home page only if on.
    generator.context["new_since_last_visit"] = chosen.new_since_last_visit
    for error in errors:
        logger.error("%s", error)
