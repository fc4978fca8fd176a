"""Topics as data, matched per section; topic hubs, related coverage and prev/next links.

Topics are files in ``content/topics/*.md`` (see :mod:`topic_hubs.topic_files`). Each
article's sections are matched against them as the article is made, and then keep only
the start of their text that excerpts show, none for a section no topic matched besides
the lead (:mod:`topic_hubs.early_matching`); in a parallel build the workers that parse
the articles match them too, and the build uses their verdicts. Once
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
  ``related_topics``, ``hub_pages``; and ``context["topics_by_slug"]``;
* ``context["new_since_last_visit"]`` — ``TOPICS_NEW_SINCE_LAST_VISIT``: whether the
  theme marks, in the reader's browser, what is new on a hub and the home page.

The TopicsGenerator then writes each hub (with ``topic`` in the template context, so
the feeds partial advertises the topic's feeds) and the index ``topics/``. Problems
(bad topic files, unknown slugs) are logged as errors naming the file and line.
"""

from __future__ import annotations

from typing import Any

from blinker import signal
from pelican import signals

from plugin_use import connect
from topic_hubs.early_matching import match_as_read, match_in_worker
from topic_hubs.generator import TopicsGenerator
from topic_hubs.linking import RelatedArticle, RelatedRanking, related_coverage
from topic_hubs.model import Development, HubPage, Topic, forget_last_excerpt
from topic_hubs.pipeline import check_settings, link_topics
from topic_hubs.settings import SCHEMA

__all__ = [
    "SCHEMA",
    "Development",
    "HubPage",
    "RelatedArticle",
    "RelatedRanking",
    "Topic",
    "TopicsGenerator",
    "link_topics",
    "register",
    "related_coverage",
]


def add_generator(pelican: Any) -> type[TopicsGenerator]:
    return TopicsGenerator


PLUGIN = "topic_hubs"


def register() -> None:
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.content_object_init, match_as_read, plugin=PLUGIN)
    # Sent by parallel_read's workers (by name: this plugin works without that one).
    connect(signal("parallel_read.parsed_in_worker"), match_in_worker, plugin=PLUGIN)
    connect(signals.article_generator_finalized, link_topics, plugin=PLUGIN)
    connect(signals.get_generators, add_generator, plugin=PLUGIN)
    connect(signals.finalized, forget_last_excerpt, plugin=PLUGIN)
