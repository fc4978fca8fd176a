"""Write every feed of the catalogue in every format, and the OPML lists of the topics' feeds,
from the templates in templates/feeds/."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup, escape
from pelican.generators import Generator
from pelican.utils import sanitised_join

from feeds.catalogue import FORMATS, Feed, FeedCatalogue, FeedLink, OpmlFile, plan_feeds
from feeds.dates import rfc822, rfc3339
from feeds.entries import (
    FeedEntry,
    article_entry,
    edition_entry,
    live_entries,
    note_entry,
    updated_of,
)
from feeds.ids import feed_id
from feeds.settings import FeedSettings, read_feed_settings
from unchanged_output import write_or_link

__all__ = ["FeedsGenerator", "plan_feeds_of", "xml_text"]

logger = logging.getLogger(__name__)

# Characters XML 1.0 cannot carry at all, even escaped; they are dropped from text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Where the newsroom plugin puts the corrections log and its address.
CORRECTIONS_LOG = "corrections_log"
CORRECTIONS_LOG_URL = "CORRECTIONS_LOG_URL"

# Used only when a feed has no entry and the site has no article at all.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def xml_text(value: object) -> Markup:
    """Escape ``value`` for XML character data or attributes (``<``, ``&``, ``]]>``, quotes)."""
    return escape(_NOT_XML.sub("", str(value)))


class FeedsGenerator(Generator):  # type: ignore[misc]  # Pelican is untyped
    """Plans the feeds once everything is read, then writes them with the theme's templates."""

    def generate_context(self) -> None:
        self.feed_settings: FeedSettings = read_feed_settings(self.settings)
        # An article appears in the site feed and in each of its topics' feeds; its entry
        # (rendered, parsed, made absolute) is built once per build, on this instance.
        self._entries: dict[int, FeedEntry] = {}
        self.env.filters.update({"xml_text": xml_text, "rfc3339": rfc3339, "rfc822": rfc822})

    def plan(self) -> None:
        """Put the catalogue in the shared context, after every generator has read its content."""
        topics = self.context.get("topics") or ()
        has_editions = bool(self.context.get("editions"))
        # The newsroom plugin's corrections log, when the site has it (its address).
        corrections_url = self.context.get(CORRECTIONS_LOG_URL)
        live = [a for a in self.context.get("articles") or () if getattr(a, "live_coverage", None)]
        self.context["feeds"] = plan_feeds(
            self.feed_settings.site_name,
            self.feed_settings.site_subtitle,
            topics,
            has_editions,
            corrections_url=str(corrections_url) if corrections_url else None,
            live_articles=live,
        )

    def planned_outputs(self) -> dict[str, str]:
        """The files :meth:`generate_output` writes: path in the site -> what it is."""
        if self.context.get("feeds") is None:  # asked before plan_feeds_of ran
            self.plan()
        catalogue: FeedCatalogue = self.context["feeds"]
        planned = {
            link.path: f"the feed {feed.title!r} ({link.format.label})"
            for feed in catalogue.all()
            for link in feed.links
        }
        for opml in catalogue.opml:
            planned[opml.path] = f"the OPML list of topic feeds {opml.title!r}"
        return planned

    def generate_output(self, writer: Any) -> None:
        catalogue: FeedCatalogue | None = self.context.get("feeds")
        if catalogue is None:  # all_generators_finalized did not run: nothing was planned
            return
        articles = list(self.context.get("articles") or ())
        fallback = max((updated_of(article) for article in articles), default=_EPOCH)
        self._write(catalogue.site, self._article_entries(articles), fallback)
        topics = {topic.slug: topic for topic in self.context.get("topics") or ()}
        for slug, feed in catalogue.topics.items():
            topic_articles = getattr(topics[slug], "articles", None) or [
                article
                for article in articles
                if any(t.slug == slug for t in getattr(article, "topics", None) or ())
            ]
            self._write(feed, self._article_entries(topic_articles), fallback)
        if catalogue.editions is not None:
            self._write(catalogue.editions, self._edition_entries(), fallback)
        if catalogue.corrections is not None:
            self._write(catalogue.corrections, self._note_entries(), fallback)
        for opml in catalogue.opml:
            self._write_opml(opml, fallback)
        by_slug = {article.slug: article for article in articles}
        for slug, feed in catalogue.live.items():
            settings = self.feed_settings
            items = live_entries(by_slug[slug], settings.id_authority, settings.site_url)
            self._write(feed, items[: settings.max_items], fallback)
        # Every feed is written: the entries (each article's whole HTML) are not needed
        # any more, and this generator lives until the build ends.
        self._entries = {}

    def _article_entries(self, articles: Iterable[Any]) -> list[FeedEntry]:
        newest = sorted(articles, key=lambda article: article.date, reverse=True)
        return [self._article_entry(article) for article in newest[: self.feed_settings.max_items]]

    def _article_entry(self, article: Any) -> FeedEntry:
        entry = self._entries.get(id(article))
        if entry is None:
            settings = self.feed_settings
            entry = article_entry(
                article, settings.id_authority, settings.site_url, self._article_html
            )
            self._entries[id(article)] = entry
        return entry

    def _edition_entries(self) -> list[FeedEntry]:
        editions: Sequence[Any] = self.context.get("editions") or ()
        settings = self.feed_settings
        return [
            edition_entry(edition, settings.id_authority, settings.site_url, self._edition_html)
            for edition in editions[: settings.max_items]
        ]

    def _note_entries(self) -> list[FeedEntry]:
        log = self.context.get(CORRECTIONS_LOG)
        notes: Sequence[Any] = getattr(log, "entries", None) or ()
        settings = self.feed_settings
        return [
            note_entry(note, settings.id_authority, settings.site_url, self._note_html)
            for note in notes[: settings.max_items]
        ]

    def _note_html(self, entry: Any, site_url: str) -> str:
        template = self.env.get_template("feeds/note_content.html")
        return str(template.render(self.context, entry=entry, SITEURL=site_url))

    def _article_html(self, article: Any, site_url: str) -> str:
        content = article.get_content(site_url)
        key_points = getattr(article, "key_points", None) or []
        # When the key points were written in the body (::: key-points), the box is
        # already part of the content (news_blocks records it as key_points_box); it is
        # added only when it came from front matter.
        if getattr(article, "key_points_box", None):
            key_points = []
        template = self.env.get_template("feeds/entry_content.html")
        return str(
            template.render(
                self.context,
                article=article,
                content=content,
                key_points=key_points,
                SITEURL=site_url,
            )
        )

    def _edition_html(self, edition: Any, site_url: str) -> str:
        template = self.env.get_template("feeds/edition_content.html")
        return str(template.render(self.context, edition=edition, SITEURL=site_url))

    def _write(self, feed: Feed, entries: list[FeedEntry], fallback: datetime) -> None:
        settings = self.feed_settings
        updated = max((entry.updated for entry in entries), default=fallback)
        for link in feed.links:
            self._write_one(feed, link, entries, updated, settings)

    def _write_one(
        self,
        feed: Feed,
        link: FeedLink,
        entries: list[FeedEntry],
        updated: datetime,
        settings: FeedSettings,
    ) -> None:
        template = self.env.get_template(link.format.template)
        text = template.render(
            self.context,
            feed=feed,
            feed_id=feed_id(settings.id_authority, feed.name),
            feed_url=f"{settings.feed_domain}/{link.path}",
            feed_link=link,
            home_url=f"{settings.site_url}/{feed.home_path}",
            entries=entries,
            updated=updated,
            feed_author=settings.author,
            feed_language=settings.language,
            websub_hub=settings.websub_hub,
        )
        self._save(link.path, text)

    def _write_opml(self, opml: OpmlFile, fallback: datetime) -> None:
        """The OPML 2.0 list of ``opml.feeds``, one group per format (see docs/feeds.md)."""
        settings = self.feed_settings
        groups = [
            (
                fmt,
                [
                    (
                        feed,
                        self._opml_url(settings.feed_domain, feed.link(fmt.name).path, opml),
                        self._opml_url(settings.site_url, feed.home_path, opml),
                    )
                    for feed in opml.feeds
                ],
            )
            for fmt in FORMATS
        ]
        template = self.env.get_template("feeds/topics.opml")
        text = template.render(
            self.context,
            opml=opml,
            groups=groups,
            # The build's date, never the clock; without SOURCE_DATE_EPOCH, the newest article's.
            created=settings.build_date or fallback,
            owner=settings.author,
            feed_language=opml.language or settings.language,
        )
        self._save(opml.path, text)

    @staticmethod
    def _opml_url(domain: str, path: str, opml: OpmlFile) -> str:
        """``path`` (in the site) as the OPML file gives it: absolute under ``domain`` when
        the site has one (``make publish``); otherwise relative to the OPML file itself,
        which a reader resolves against the address it fetched the file from (and a browser
        against the file on disk), where a root-relative ``/feeds/...`` would need a host."""
        if domain:
            return f"{domain}/{path}"
        return "../" * opml.path.count("/") + path

    def _save(self, relative: str, text: str) -> None:
        path = sanitised_join(self.output_path, relative)
        last = self.settings.get("LAST_OUTPUT_PATH")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
        # One edit leaves most feeds as they were: those stay the last build's files.
        write_or_link(path, data, str(last) if last else None, relative)
        logger.info("Writing %s", path)


def plan_feeds_of(generators: Iterable[Any]) -> None:
    """``all_generators_finalized``: topics and editions are known now; plan the feeds."""
    for generator in generators:
        if isinstance(generator, FeedsGenerator):
            generator.plan()
