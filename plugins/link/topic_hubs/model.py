"""The topic data the hubs, the article pages and the feeds share.

A :class:`Topic` is defined by its file (title, slug, rules, introduction); linking
fills in what the build found: its articles, developments, timeline, key points and
related topics. Templates read these attributes; nothing here renders HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from build_state import build_of

__all__ = [
    "ArticleEntry",
    "Day",
    "Development",
    "HubPage",
    "KeyPoint",
    "Neighbours",
    "RelatedTopic",
    "SectionTopics",
    "Topic",
]

# Characters of a section's text shown under its heading on a hub.
EXCERPT_CHARS = 220


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first ``limit`` characters of ``text``, cut at a word, with an ellipsis if cut."""
    # Spaces are collapsed in the start of the text first: that is the start of the whole
    # text collapsed, so when it is already longer than ``limit`` it is cut the same way.
    head = " ".join(text[: 2 * limit].split())
    text = head if len(head) > limit else " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.–—-")
    return cut + "…"


@dataclass(eq=False)
class Topic:
    """One topic: its definition, then (after linking) what the site says about it."""

    slug: str
    title: str
    source_path: str
    intro_html: str = ""
    phrases: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    exclude_phrases: tuple[str, ...] = ()
    # Filled in once every article is read (see topic_hubs.linking).
    articles: list[Any] = field(default_factory=list)
    developments: list[Development] = field(default_factory=list)
    timeline: list[Day] = field(default_factory=list)
    key_point_entries: list[KeyPoint] = field(default_factory=list)
    related_topics: list[RelatedTopic] = field(default_factory=list)
    hub_pages: list[HubPage] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"topics/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"topics/{self.slug}/index.html"

    @property
    def name(self) -> str:
        # Pelican's Tag/Category objects expose `name`; templates written for them work.
        return self.title

    @property
    def key_points(self) -> list[str]:
        """The key points (HTML strings) of the topic's articles that concern it."""
        return [entry.html for entry in self.key_point_entries]

    @property
    def latest(self) -> Development | None:
        return self.developments[0] if self.developments else None

    def sections_on(self, article: Any) -> list[Development]:
        """The developments of ``article`` here that are sections with a heading, in order.

        A template filtering ``developments`` itself (``selectattr``) runs Jinja's filter
        machinery once per development: on a large archive the home page's digest spent
        half a second there.
        """
        return [d for d in self.developments if d.article is article and d.heading]

    def __str__(self) -> str:
        return self.title

    def __repr__(self) -> str:
        return f"Topic({self.slug!r})"


# The many small objects linking makes (tens of thousands in a large archive, kept for the
# whole build) have slots: without an attribute dict each, they take about half the memory.


@dataclass(frozen=True, eq=False, slots=True)
class Development:
    """An article's section that covers a topic (``section`` None: the article as a whole)."""

    article: Any
    section: dict[str, Any] | None
    date: dt.datetime

    @property
    def anchor(self) -> str | None:
        return self.section.get("id") if self.section else None

    @property
    def url(self) -> str:
        """The article's URL, with ``#section-id`` when the development is a section."""
        url = str(self.article.url)
        return f"{url}#{self.anchor}" if self.anchor else url

    @property
    def heading(self) -> str:
        """The section's heading (plain text; empty for the lead or the whole article)."""
        return str(self.section.get("title") or "") if self.section else ""

    @property
    def excerpt(self) -> str:
        """A short plain-text excerpt of the section (of the lead for a whole article)."""
        # A hub's template reads it twice in a row (whether there is one, then the text):
        # the last one made is remembered, not every one (they would all stay in memory
        # until the build ends).
        settings = getattr(self.article, "settings", None)
        if settings is None:
            return self._excerpt()
        last = build_of(settings).state(_LAST_EXCERPT, _LastExcerpt)
        if last.development is not self:
            last.development, last.text = self, self._excerpt()
        return last.text

    def _excerpt(self) -> str:
        if self.section is not None:
            return excerpt(str(self.section.get("text") or ""))
        for section in getattr(self.article, "sections", None) or []:
            if section.get("id") is None:
                return excerpt(str(section.get("text") or ""))
        return ""


# Where a build keeps the development whose excerpt was made last (build_state).
_LAST_EXCERPT = "topic_hubs.last_excerpt"


@dataclass(slots=True)
class _LastExcerpt:
    development: Development | None = None
    text: str = ""


def forget_last_excerpt(pelican: Any) -> None:
    """``finalized`` receiver: the remembered development would keep the whole site alive."""
    build_of(pelican.settings).drop(_LAST_EXCERPT)


@dataclass(slots=True)
class ArticleEntry:
    """One article on a hub's timeline, with the sections of it that cover the topic."""

    article: Any
    developments: list[Development]


@dataclass(slots=True)
class Day:
    """A day of a hub's timeline (newest first), in the articles' own time zone."""

    date: dt.date
    entries: list[ArticleEntry]


@dataclass
class HubPage:
    """One page of a hub's timeline: page 1 at the topic's URL, then ``page/<n>/``."""

    topic: Topic
    number: int
    count: int
    timeline: list[Day]

    @property
    def url(self) -> str:
        return self.topic.url if self.number == 1 else f"{self.topic.url}page/{self.number}/"

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def newer(self) -> HubPage | None:
        return self.topic.hub_pages[self.number - 2] if self.number > 1 else None

    @property
    def older(self) -> HubPage | None:
        return self.topic.hub_pages[self.number] if self.number < self.count else None


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """A key point (an HTML string) of one of the topic's articles."""

    html: str
    article: Any


@dataclass(frozen=True, slots=True)
class RelatedTopic:
    """Another topic that shares ``shared`` articles with this one."""

    topic: Topic
    shared: int


@dataclass(frozen=True, slots=True)
class SectionTopics:
    """A section of an article and the topics it was matched to, for the section map."""

    section: dict[str, Any] | None
    topics: tuple[Topic, ...]

    @property
    def anchor(self) -> str | None:
        return self.section.get("id") if self.section else None

    @property
    def heading(self) -> str:
        return str(self.section.get("title") or "") if self.section else ""


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The developments before (older) and after (newer) an article within one topic."""

    topic: Topic
    previous: Development | None
    next: Development | None
