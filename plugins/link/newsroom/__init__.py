"""The newsroom model: datelines, bylines, sources, updates and corrections; structured data.

    settings          defaults and checks (SITEMAPS, PUBLISH_FUTURE, PUBLISHER_*)
    source_lines      the raw front matter and the line of each key (for errors)
    fields            front-matter fields -> Newsroom, or FrontMatterError naming the file
    publication       on each article: article.newsroom, future dates held as drafts
                      (strict_build places drafts: nowhere on publish), modified
    structured_data   schema.org JSON-LD as data, serialised safe for <script>
    linking           once everything is read: descriptions and JSON-LD of articles and hubs
    sitemaps          sitemap.xml, news-sitemap.xml and robots.txt (on publish)
    corrections_log   the site's corrections log: every correction and update, newest first
    corrections_pages its pages (corrections/); the feeds plugin writes its feeds

Templates: ``templates/newsroom/`` (byline, footer, head partials, the corrections log,
sitemap templates).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from newsroom.corrections_log import CorrectionsLog, LogEntry
from newsroom.corrections_pages import CorrectionsLogGenerator
from newsroom.linking import link_newsroom
from newsroom.model import Newsroom, Note, Person, Source
from newsroom.publication import init_article
from newsroom.settings import SCHEMA
from newsroom.sitemaps import SitemapsGenerator
from plugin_use import connect
from site_settings import report_problems

__all__ = [
    "SCHEMA",
    "CorrectionsLog",
    "CorrectionsLogGenerator",
    "LogEntry",
    "Newsroom",
    "Note",
    "Person",
    "SitemapsGenerator",
    "Source",
    "register",
]

PLUGIN = "newsroom"


def check_settings(pelican: Any) -> None:
    # Every wrong setting reported before anything is read, each naming the setting.
    report_problems(SCHEMA, pelican.settings)


def add_generators(pelican: Any) -> tuple[type[Any], ...]:
    # The log's pages are planned before the sitemaps, which list them.
    return (CorrectionsLogGenerator, SitemapsGenerator)


def register() -> None:
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.content_object_init, init_article, plugin=PLUGIN)
    connect(signals.all_generators_finalized, link_newsroom, plugin=PLUGIN)
    connect(signals.get_generators, add_generators, plugin=PLUGIN)
