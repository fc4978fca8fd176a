"""sitemap.xml, the Google News sitemap and robots.txt, written from templates.

The generator gathers the data (addresses, dates); the XML and text come from
``templates/newsroom/sitemap.xml``, ``news_sitemap.xml`` and ``robots.txt``. Written
only with ``SITEMAPS = True`` (publishconf.py), since they need absolute URLs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pelican.generators import Generator

from newsroom.fields import text_of
from newsroom.settings import NewsroomSettings, newsroom_settings

__all__ = [
    "NEWS_LIMIT",
    "NEWS_WINDOW",
    "NewsEntry",
    "SitemapEntry",
    "SitemapsGenerator",
    "news_entries",
    "sitemap_entries",
]

# Google News reads articles of the last two days, at most 1,000 per sitemap.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000
SITEMAP_LIMIT = 50_000  # the sitemap protocol's limit per file


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None


@dataclass(frozen=True)
class NewsEntry:
    loc: str
    title: str
    publication_date: str


def _w3c(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _updated(article: Any) -> datetime:
    modified: datetime | None = getattr(article, "modified", None)
    published: datetime = article.date
    return modified if modified is not None and modified > published else published


def _newest(articles: Iterable[Any]) -> str | None:
    dates = [_updated(article) for article in articles]
    return _w3c(max(dates)) if dates else None


def sitemap_entries(context: dict[str, Any], site: NewsroomSettings) -> list[SitemapEntry]:
    """Every published page of the site once, with the date it last changed."""
    base = site.site_url
    articles = list(context.get("articles") or ())
    entries = [SitemapEntry(f"{base}/", _newest(articles))]
    entries += [SitemapEntry(f"{base}/{a.url}", _w3c(_updated(a))) for a in articles]
    for page in context.get("pages") or ():
        date = getattr(page, "modified", None) or getattr(page, "date", None)
        entries.append(SitemapEntry(f"{base}/{page.url}", _w3c(date) if date else None))
    topics = list(context.get("topics") or ())
    if topics:
        entries.append(SitemapEntry(f"{base}/topics/", _newest(articles)))
        entries += [SitemapEntry(f"{base}/{t.url}", _newest(t.articles)) for t in topics]
    editions = list(context.get("editions") or ())
    if editions and context.get("EDITIONS_INDEX_URL"):
        entries.append(SitemapEntry(f"{base}/{context['EDITIONS_INDEX_URL']}", _newest(articles)))
        entries += [SitemapEntry(f"{base}/{e.url}", _w3c(e.updated)) for e in editions]
    log = context.get("corrections_log")
    if log is not None and context.get("CORRECTIONS_LOG_URL"):
        newest = _w3c(log.entries[0].note.date) if log.entries else None
        entries.append(SitemapEntry(f"{base}/{context['CORRECTIONS_LOG_URL']}", newest))
        entries += [SitemapEntry(f"{base}/{page.url}", newest) for page in log.pages[1:]]
    if context.get("ARCHIVES_SAVE_AS"):
        archives = _url_of(context["ARCHIVES_SAVE_AS"])
        entries.append(SitemapEntry(f"{base}/{archives}", _newest(articles)))
    if context.get("TAG_SAVE_AS"):
        for tag, tagged in context.get("tags") or ():
            entries.append(SitemapEntry(f"{base}/{tag.url}", _newest(tagged)))
    unique: dict[str, SitemapEntry] = {}
    for entry in entries:
        unique.setdefault(entry.loc, entry)
    return list(unique.values())[:SITEMAP_LIMIT]


def _url_of(save_as: str) -> str:
    return save_as.removesuffix("index.html")


def news_entries(articles: Iterable[Any], site: NewsroomSettings) -> list[NewsEntry]:
    """Articles published within 48 hours of the newest one, newest first, at most 1,000."""
    published = sorted(articles, key=lambda a: a.date, reverse=True)
    if not published:
        return []
    since = published[0].date - NEWS_WINDOW
    return [
        NewsEntry(f"{site.site_url}/{a.url}", text_of(a.title), _w3c(a.date))
        for a in published[:NEWS_LIMIT]
        if a.date >= since
    ]


class SitemapsGenerator(Generator):  # type: ignore[misc]  # Pelican is untyped
    """Writes the sitemaps and robots.txt after every page is planned."""

    def generate_context(self) -> None:
        """Nothing to read: the settings were checked when the build started."""

    def planned_outputs(self) -> dict[str, str]:
        """The files :meth:`generate_output` may write: path in the site -> what it is."""
        if not newsroom_settings(self.settings).sitemaps:
            return {}
        return {
            "sitemap.xml": "the sitemap",
            "news-sitemap.xml": "the news sitemap",
            "robots.txt": "robots.txt",
        }

    def generate_output(self, writer: Any) -> None:
        site = newsroom_settings(self.settings)
        if not site.sitemaps:
            return
        data = {
            "site": site,
            "pages": sitemap_entries(self.context, site),
            "news": news_entries(self.context.get("articles") or (), site),
            "sitemap_url": f"{site.site_url}/sitemap.xml",
            "news_sitemap_url": f"{site.site_url}/news-sitemap.xml",
        }
        files = [("newsroom/sitemap.xml", "sitemap.xml"), ("newsroom/robots.txt", "robots.txt")]
        if data["news"]:
            # A sitemap must list at least one URL: with no article there is none to write.
            files.append(("newsroom/news_sitemap.xml", "news-sitemap.xml"))
        for template, name in files:
            text = self.env.get_template(template).render(**data)
            path = os.path.join(self.output_path, name)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text if text.endswith("\n") else text + "\n")
