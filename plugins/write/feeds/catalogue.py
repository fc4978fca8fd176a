"""Which feeds the site has, where they are written and what they are called.

The catalogue is put in the template context as ``feeds`` so that every page can
advertise the feeds that apply to it (``templates/feeds/head_links.html``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

__all__ = ["FORMATS", "Feed", "FeedCatalogue", "FeedFormat", "FeedLink", "plan_feeds"]


@dataclass(frozen=True)
class FeedFormat:
    """One of the three formats every feed is written in."""

    name: str
    label: str
    media_type: str
    suffix: str
    template: str


FORMATS = (
    FeedFormat("atom", "Atom", "application/atom+xml", ".atom.xml", "feeds/atom.xml"),
    FeedFormat("rss", "RSS", "application/rss+xml", ".rss.xml", "feeds/rss.xml"),
    FeedFormat("json", "JSON Feed", "application/feed+json", ".json", "feeds/feed.json"),
)


@dataclass(frozen=True)
class FeedLink:
    """A feed in one format: its path under the output folder and its link title."""

    format: FeedFormat
    path: str
    title: str


@dataclass(frozen=True)
class Feed:
    """A feed (site-wide, one topic's, or the editions'), written in every format."""

    name: str
    title: str
    subtitle: str
    home_path: str
    links: tuple[FeedLink, ...]
    topic_slug: str | None = None
    article_slug: str | None = None  # a live article's feed: its entries

    def link(self, format_name: str) -> FeedLink:
        return next(link for link in self.links if link.format.name == format_name)


@dataclass(frozen=True)
class FeedCatalogue:
    """Every feed of the build; ``topics`` is keyed by topic slug, ``live`` by article slug."""

    site: Feed
    topics: Mapping[str, Feed] = field(default_factory=dict)
    editions: Feed | None = None
    live: Mapping[str, Feed] = field(default_factory=dict)

    def all(self) -> list[Feed]:
        feeds = [self.site, *self.topics.values()]
        return feeds + ([self.editions] if self.editions else []) + list(self.live.values())


def _feed(name: str, title: str, subtitle: str, home_path: str, **extra: Any) -> Feed:
    links = tuple(
        FeedLink(fmt, f"feeds/{name}{fmt.suffix}", f"{title} ({fmt.label})") for fmt in FORMATS
    )
    return Feed(name, title, subtitle, home_path, links, **extra)


def plan_feeds(
    site_name: str,
    site_subtitle: str,
    topics: Iterable[Any],
    has_editions: bool,
    live_articles: Iterable[Any] = (),
) -> FeedCatalogue:
    """The feeds to write: the site's, one per topic, the editions' if there are any, and
    one per live article (``article.live_coverage``: live_coverage), whose entries are its items."""
    site = _feed("all", f"{site_name}: all articles", site_subtitle, "")
    by_slug = {
        topic.slug: _feed(
            f"topics/{topic.slug}",
            f"{site_name}: {topic.title}",
            f"Articles on {topic.title}",
            str(getattr(topic, "url", "")),
            topic_slug=topic.slug,
        )
        for topic in topics
    }
    editions = (
        _feed("editions", f"{site_name}: daily editions", "One digest a day", "editions/")
        if has_editions
        else None
    )
    live = {
        article.slug: _feed(
            f"live/{article.slug}",
            f"{site_name}: {plain_title(article.title)}",
            f"Every entry of the live coverage {plain_title(article.title)}",
            str(article.url),
            article_slug=article.slug,
        )
        for article in live_articles
    }
    return FeedCatalogue(site=site, topics=by_slug, editions=editions, live=live)


def plain_title(title: object) -> str:
    """A title as text (Pelican's titles are HTML)."""
    return str(Markup(str(title)).striptags())
