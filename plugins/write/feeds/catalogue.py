"""Which feeds the site has, where they are written and what they are called.

The catalogue is put in the template context as ``feeds`` so that every page can
advertise the feeds that apply to it (``templates/feeds/head_links.html``). It also
lists the OPML files that gather the topics' feeds (``feeds/topics.opml``), so that a
reader can subscribe to every topic at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

__all__ = [
    "FORMATS",
    "Feed",
    "FeedCatalogue",
    "FeedFormat",
    "FeedLink",
    "OpmlFile",
    "opml_path",
    "plan_feeds",
    "plan_opml",
]


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
    """A feed (site-wide, one topic's, the editions' or the corrections log's), written in
    every format. ``label`` is its short name in a list of feeds (a topic's title, for a
    topic's feed)."""

    name: str
    title: str
    subtitle: str
    home_path: str
    links: tuple[FeedLink, ...]
    topic_slug: str | None = None
    label: str = ""
    article_slug: str | None = None  # a live article's feed: its entries

    def link(self, format_name: str) -> FeedLink:
        return next(link for link in self.links if link.format.name == format_name)


@dataclass(frozen=True)
class OpmlFile:
    """An OPML 2.0 list of feeds (``templates/feeds/topics.opml``): its path, its title,
    the feeds it lists and the language of their topics (None: the site's language)."""

    path: str
    title: str
    feeds: tuple[Feed, ...]
    language: str | None = None


@dataclass(frozen=True)
class FeedCatalogue:
    """Every feed of the build; ``topics`` is keyed by topic slug, ``live`` by article slug;
    ``opml`` the OPML files listing the topics' feeds (one today; one per language once there
    are several)."""

    site: Feed
    topics: Mapping[str, Feed] = field(default_factory=dict)
    editions: Feed | None = None
    corrections: Feed | None = None
    opml: tuple[OpmlFile, ...] = ()
    live: Mapping[str, Feed] = field(default_factory=dict)

    def all(self) -> list[Feed]:
        feeds = [self.site, *self.topics.values()]
        feeds += [feed for feed in (self.editions, self.corrections) if feed is not None]
        return feeds + list(self.live.values())


def _feed(name: str, title: str, subtitle: str, home_path: str, **extra: Any) -> Feed:
    links = tuple(
        FeedLink(fmt, f"feeds/{name}{fmt.suffix}", f"{title} ({fmt.label})") for fmt in FORMATS
    )
    return Feed(name, title, subtitle, home_path, links, **extra)


def opml_path(language: str | None = None) -> str:
    """``feeds/topics.opml``, or ``feeds/topics.<language>.opml`` for another language."""
    return f"feeds/topics.{language}.opml" if language else "feeds/topics.opml"


def plan_opml(site_name: str, topic_feeds: Iterable[Feed], language: str | None = None) -> OpmlFile:
    """The OPML file listing ``topic_feeds`` (those of one language, when it is given).

    A site in several languages plans one per language, each with its topics' feeds:
    ``plan_opml(name, feeds_in_fr, "fr")`` is written as ``feeds/topics.fr.opml``.
    """
    title = f"{site_name}: topic feeds" + (f" ({language})" if language else "")
    return OpmlFile(opml_path(language), title, tuple(topic_feeds), language)


def plan_feeds(
    site_name: str,
    site_subtitle: str,
    topics: Iterable[Any],
    has_editions: bool,
    *,
    corrections_url: str | None = None,
    live_articles: Iterable[Any] = (),
) -> FeedCatalogue:
    """The feeds to write: the site's, one per topic, the editions' if there are any, the
    corrections log's when the site has one (at ``corrections_url``), and one per live
    article (``article.live_coverage``: live_coverage), whose entries are its items."""
    site = _feed("all", f"{site_name}: all articles", site_subtitle, "", label="All articles")
    by_slug = {
        topic.slug: _feed(
            f"topics/{topic.slug}",
            f"{site_name}: {topic.title}",
            f"Articles on {topic.title}",
            str(getattr(topic, "url", "")),
            topic_slug=topic.slug,
            label=topic.title,
        )
        for topic in topics
    }
    editions = (
        _feed(
            "editions",
            f"{site_name}: daily editions",
            "One digest a day",
            "editions/",
            label="Daily editions",
        )
        if has_editions
        else None
    )
    corrections = (
        _feed(
            "corrections",
            f"{site_name}: corrections and updates",
            "Every correction and update to an article, newest first",
            corrections_url,
        )
        if corrections_url is not None
        else None
    )
    # Languages are not built yet: one OPML file for every topic (see plan_opml).
    opml = (plan_opml(site_name, by_slug.values()),) if by_slug else ()
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
    return FeedCatalogue(
        site=site,
        topics=by_slug,
        editions=editions,
        corrections=corrections,
        opml=opml,
        live=live,
    )


def plain_title(title: object) -> str:
    """A title as text (Pelican's titles are HTML)."""
    return str(Markup(str(title)).striptags())
