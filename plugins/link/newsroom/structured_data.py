"""schema.org JSON-LD as Python data, and its serialisation safe inside ``<script>``.

``NewsArticle`` (with ``BreadcrumbList``) for articles — ``LiveBlogPosting``, with its
entries as ``liveBlogUpdate``, for a live article (``article.live_coverage``, from the
live_coverage plugin) —, ``CollectionPage`` (with
``BreadcrumbList``) for topic hubs. Templates print the serialised text in
``<script type="application/ld+json">``; ``<``, ``>`` and ``&`` are written as
``\\u003c`` etc., so no value can close the element (``</script>``) or open a comment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup

from newsroom.fields import text_of
from newsroom.model import Newsroom
from newsroom.settings import NewsroomSettings

__all__ = [
    "ArticleJsonLd",
    "article_graph",
    "breadcrumbs",
    "collection_page_graph",
    "describe",
    "script_json",
]

_CONTEXT = "https://schema.org"
_UNSAFE_IN_SCRIPT = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: Any) -> Markup:
    """JSON text that cannot break out of ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(", ", ": "))
    for character, escaped in _UNSAFE_IN_SCRIPT.items():
        text = text.replace(character, escaped)
    # Safe to print as it is: every character with a meaning in HTML is escaped above.
    return Markup(text)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _plain(html: object) -> str:
    return " ".join(Markup(str(html)).striptags().split())


def describe(article: Any) -> str:
    """Plain-text description: the summary written in front matter, else the key points."""
    summary = article.metadata.get("summary")
    if summary:
        return _plain(summary)
    points = getattr(article, "key_points", None) or []
    if points:
        return " ".join(_plain(point) for point in points)
    return _plain(getattr(article, "summary", "") or article.title)


def absolute(site: NewsroomSettings, url: str) -> str:
    """The page's address: absolute with SITEURL, root-relative in a preview build."""
    return f"{site.site_url}/{url}"


def breadcrumbs(trail: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """``BreadcrumbList`` of (name, URL) pairs, from the home page to the current page."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def _organisation(site: NewsroomSettings) -> dict[str, Any]:
    publisher: dict[str, Any] = {"@type": "NewsMediaOrganization", "name": site.publisher_name}
    if site.publisher_url:
        publisher["url"] = site.publisher_url
    if site.publisher_logo:
        publisher["logo"] = {
            "@type": "ImageObject",
            "url": absolute(site, site.publisher_logo),
        }
    return publisher


def _authors(newsroom: Newsroom, site: NewsroomSettings) -> list[dict[str, Any]]:
    people = []
    for person in newsroom.authors:
        entry: dict[str, Any] = {"@type": "Person", "name": person.name}
        if person.role:
            entry["jobTitle"] = person.role
        if person.url:
            entry["url"] = person.url
        people.append(entry)
    return people or [_organisation(site)]


def _based_on(newsroom: Newsroom) -> list[Any]:
    based = []
    for source in newsroom.sources:
        if source.url is None:
            continue
        work: dict[str, Any] = {"@type": "CreativeWork", "url": source.url}
        work["publisher"] = {"@type": "Organization", "name": source.name}
        if source.date is not None:
            work["datePublished"] = _iso(source.date)
        based.append(work)
    return based


def article_graph(article: Any, newsroom: Newsroom, site: NewsroomSettings) -> dict[str, Any]:
    """The ``@graph`` of an article page: its ``NewsArticle`` and its ``BreadcrumbList``."""
    url = absolute(site, article.url)
    topics = list(getattr(article, "topics", None) or ())
    modified = newsroom.updated or article.date
    news: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": url + "#article",
        "mainEntityOfPage": url,
        "url": url,
        "headline": text_of(article.title),
        "description": newsroom.description,
        "datePublished": _iso(article.date),
        "dateModified": _iso(modified),
        "author": _authors(newsroom, site),
        "publisher": _organisation(site),
        "inLanguage": str(getattr(article, "lang", "") or ""),
    }
    if newsroom.dateline:
        news["dateline"] = newsroom.dateline
    if topics:
        news["articleSection"] = [text_of(topic.title) for topic in topics]
    tags = [text_of(tag.name) for tag in getattr(article, "tags", None) or ()]
    if tags:
        news["keywords"] = tags
    based = _based_on(newsroom)
    if based:
        news["isBasedOn"] = based
    if newsroom.corrections:
        news["correction"] = [
            {"@type": "CorrectionComment", "text": note.note, "datePublished": _iso(note.date)}
            for note in newsroom.corrections
        ]
    if not news["inLanguage"]:
        del news["inLanguage"]
    live = getattr(article, "live_coverage", None)
    if live is not None:
        news.update(_live_blog(live, url, article.date))
        news.pop("dateline", None)  # a NewsArticle's property, not a LiveBlogPosting's
    trail = [(site.publisher_name, absolute(site, ""))]
    if topics:
        trail.append((text_of(topics[0].title), absolute(site, topics[0].url)))
    trail.append((text_of(article.title), url))
    return {"@context": _CONTEXT, "@graph": [news, breadcrumbs(trail)]}


def _live_blog(live: Any, url: str, published: datetime) -> dict[str, Any]:
    """What makes an article a ``LiveBlogPosting``: its coverage window and its entries
    (``BlogPosting``s, newest first, each at its anchor on the page)."""
    blog: dict[str, Any] = {
        "@type": "LiveBlogPosting",
        "coverageStartTime": _iso(live.start or published),
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "@id": f"{url}#{entry.anchor}",
                "url": f"{url}#{entry.anchor}",
                "headline": entry.headline,
                "articleBody": entry.text,
                "datePublished": _iso(entry.time),
            }
            for entry in live.newest_first
        ],
    }
    if live.end is not None:
        blog["coverageEndTime"] = _iso(live.end)
    return blog


@dataclass(frozen=True, slots=True)
class ArticleJsonLd:
    """An article's JSON-LD (``article.newsroom.json_ld``), serialised when a page prints it.

    Made at once for every article, the serialised texts (about 1 KB each) stayed in
    memory through rendering although each is printed by one page; printed, it is the
    text :func:`script_json` makes (in a template with or without autoescape).
    """

    article: Any
    site: NewsroomSettings

    def text(self) -> Markup:
        return script_json(article_graph(self.article, self.article.newsroom, self.site))

    def __html__(self) -> str:
        return str(self.text())

    def __str__(self) -> str:
        return str(self.text())

    def __bool__(self) -> bool:
        return True  # a graph always has its NewsArticle


def collection_page_graph(
    topic: Any, articles: Iterable[Any], site: NewsroomSettings, topics_url: str
) -> dict[str, Any]:
    """The ``@graph`` of a topic hub: a ``CollectionPage`` listing its articles."""
    url = absolute(site, topic.url)
    page: dict[str, Any] = {
        "@type": "CollectionPage",
        "@id": url,
        "url": url,
        "name": text_of(topic.title),
        "isPartOf": {"@type": "WebSite", "name": site.publisher_name, "url": absolute(site, "")},
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": n, "url": absolute(site, article.url)}
                for n, article in enumerate(articles, start=1)
            ],
        },
    }
    trail = [
        (site.publisher_name, absolute(site, "")),
        ("Topics", absolute(site, topics_url)),
        (text_of(topic.title), url),
    ]
    return {"@context": _CONTEXT, "@graph": [page, breadcrumbs(trail)]}
