"""Feed entries: the data each template needs about one article, one edition or one
correction (or update) of the corrections log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from markupsafe import Markup
from pelican.contents import Article

from feeds.entry_html import absolutise
from feeds.ids import article_id, edition_id, live_entry_id, note_id
from markdown_reader import without_section_anchors

__all__ = [
    "FeedEntry",
    "article_entry",
    "edition_entry",
    "entry_html",
    "live_entries",
    "note_entry",
    "plain",
    "updated_of",
]

RenderContent = Callable[[Any, str], str]
"""Renders an item's entry HTML (a template) given the site's absolute base URL."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry, the same for Atom, RSS and JSON Feed."""

    id: str
    url: str
    title: str
    published: datetime
    updated: datetime
    content_html: str
    summary_html: str
    categories: tuple[str, ...]
    authors: tuple[str, ...]


def updated_of(article: Article) -> datetime:
    """``modified`` when the article has a later one, else its publication date."""
    published: datetime = article.date
    modified: datetime | None = getattr(article, "modified", None)
    return modified if modified is not None and modified > published else published


def plain(html_text: object) -> str:
    """Pelican's titles and names are HTML; feeds want text (as Pelican's own feeds do)."""
    return Markup(str(html_text)).striptags()


def _local_day(moment: datetime) -> date:
    return moment.date()


def entry_html(html: str, page_url: str) -> str:
    """An entry's HTML for feed readers, which show it away from its page: without the
    page's section anchors (the renderer takes out what it added) and with every URL
    absolute (``#section`` or ``/2026/…`` would point nowhere)."""
    return absolutise(without_section_anchors(html), page_url)


def article_entry(
    article: Article, authority: str, site_url: str, render_content: RenderContent
) -> FeedEntry:
    """The entry for ``article``; its URLs are made absolute against ``site_url``."""
    page_url = f"{site_url}/{article.url}"
    summary = article.metadata.get("summary") if hasattr(article, "metadata") else None
    return FeedEntry(
        id=article_id(authority, _local_day(article.date), article.slug),
        url=page_url,
        title=plain(article.title),
        published=article.date,
        updated=updated_of(article),
        content_html=entry_html(render_content(article, site_url), page_url),
        summary_html=entry_html(str(summary), page_url) if summary else "",
        categories=tuple(str(topic.title) for topic in getattr(article, "topics", None) or ()),
        authors=tuple(plain(author.name) for author in getattr(article, "authors", None) or ()),
    )


def edition_entry(
    edition: Any, authority: str, site_url: str, render_content: RenderContent
) -> FeedEntry:
    """The entry for one day's edition: the whole digest of that day."""
    page_url = f"{site_url}/{edition.url}"
    return FeedEntry(
        id=edition_id(authority, edition.date),
        url=page_url,
        title=str(edition.title),
        published=edition.published,
        updated=edition.updated,
        content_html=entry_html(render_content(edition, site_url), page_url),
        summary_html="",
        categories=tuple(group.title for group in edition.groups if group.topic is not None),
        authors=(),
    )


def note_entry(
    entry: Any, authority: str, site_url: str, render_content: RenderContent
) -> FeedEntry:
    """The entry for one item of the corrections log (``newsroom.corrections_log.LogEntry``):
    dated when the note was made, linking to the passage it concerns."""
    article = entry.article
    page_url = f"{site_url}/{entry.url}"
    return FeedEntry(
        id=note_id(
            authority,
            entry.kind,
            _local_day(article.date),
            article.slug,
            entry.note.date,
            number=entry.number,
        ),
        url=page_url,
        title=f"{entry.label}: {plain(article.title)}",
        published=entry.note.date,
        updated=entry.note.date,
        content_html=entry_html(render_content(entry, site_url), page_url),
        summary_html="",
        categories=(entry.label,),
        authors=(),
    )


def live_entries(article: Any, authority: str, site_url: str) -> list[FeedEntry]:
    """The entries of a live article (``article.live_coverage``: live_coverage), newest first, each
    linking to its anchor on the article's page; the entry's HTML as it was read."""
    page_url = f"{site_url}/{article.url}"
    topics = tuple(str(topic.title) for topic in getattr(article, "topics", None) or ())
    names = tuple(plain(author.name) for author in getattr(article, "authors", None) or ())
    day = _local_day(article.date)
    return [
        FeedEntry(
            id=live_entry_id(authority, day, article.slug, entry.anchor),
            url=f"{page_url}#{entry.anchor}",
            title=entry.headline,
            published=entry.time,
            updated=entry.time,
            content_html=entry_html(str(entry.html), page_url),
            summary_html="",
            categories=topics,
            authors=(entry.author,) if entry.author else names,
        )
        for entry in article.live_coverage.newest_first
    ]
