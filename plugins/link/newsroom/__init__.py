"""The newsroom model: datelines, bylines, sources, updates and corrections; structured data.

    settings          defaults and checks (SITEMAPS, PUBLISH_FUTURE, PUBLISHER_*)
    source_lines      the raw front matter and the line of each key (for errors)
    fields            front-matter fields -> Newsroom, or FrontMatterError naming the file
    publication       on each article: article.newsroom, future dates held as drafts
                      (strict_build places drafts: nowhere on publish), modified
    structured_data   schema.org JSON-LD as data, serialised safe for <script>
    linking           once everything is read: descriptions and JSON-LD of articles and hubs
    sitemaps          sitemap.xml, news-sitemap.xml and robots.txt (on publish)

Templates: ``templates/newsroom/`` (byline, footer, head partials, sitemap templates).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from newsroom.linking import link_newsroom
from newsroom.model import Newsroom, Note, Person, Source
from newsroom.publication import enabled, init_article
from newsroom.settings import NewsroomSettingsError, read_newsroom_settings
from newsroom.sitemaps import SitemapsGenerator

__all__ = [
    "Newsroom",
    "NewsroomSettingsError",
    "Note",
    "Person",
    "SitemapsGenerator",
    "Source",
    "register",
]


def check_settings(pelican: Any) -> None:
    # Fail before anything is read when a setting is wrong, naming the setting.
    if enabled(pelican.settings):
        read_newsroom_settings(pelican.settings)


def add_generator(pelican: Any) -> type[SitemapsGenerator] | None:
    return SitemapsGenerator if enabled(pelican.settings) else None


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(init_article)
    signals.all_generators_finalized.connect(link_newsroom)
    signals.get_generators.connect(add_generator)
