"""Strict builds: problems Pelican would let through become errors that name the file.

    required    a missing title or date, said with the fix
    locations   an unsafe slug, save_as or url (path traversal, look-alike characters)
    own_outputs the files the site writes itself (pages, feeds, hubs, theme, search index)
    collisions  a source over another's output file or one of the site's own (case ignored)
    content_files   every file under content/ accounted for (and counted by kind);
                nothing from outside it
    unpublished drafts (articles and pages) and hidden articles placed where drafts go,
                whatever their save_as says: nowhere on publish
    links       {filename} links to missing files, #anchors to missing headings
    ledger      the "nothing lost" count: every source read is written, a draft,
                hidden, or has an error reported

Every check runs once everything is read (``all_generators_finalized``), before any
page is written, and after the unpublished content is placed (each generator's
``*_generator_finalized``); the count runs once the pages are written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markdown_it import MarkdownIt
from pelican import Pelican, signals

from html_policy import html_read
from markdown_reader import configure_markdown
from plugin_use import connect
from strict_build.ledger import SourceLedger, Tally, record_written, sources_tallied
from strict_build.links import collect_links_plugin, record_read_links
from strict_build.locations import report_unsafe_location
from strict_build.required import report_missing_metadata
from strict_build.site_checks import check_site
from strict_build.unpublished import place_draft_pages, place_unpublished_articles

__all__ = ["SourceLedger", "Tally", "register", "sources_tallied"]


def _add_link_collector(md: MarkdownIt, settings: Mapping[str, object] | None = None) -> None:
    md.use(collect_links_plugin)


def _record_read_links(reader: Any, **read: Any) -> None:
    # Links in what another reader (reStructuredText, HTML) made, for the same checks.
    record_read_links(read["html"], read["metadata"], read.get("source_text"))


def _ledger_generator(pelican: Pelican) -> type[SourceLedger]:
    return SourceLedger


PLUGIN = "strict_build"


def register() -> None:
    connect(configure_markdown, _add_link_collector, plugin=PLUGIN)
    connect(html_read, _record_read_links, plugin=PLUGIN)
    connect(signals.content_object_init, report_unsafe_location, plugin=PLUGIN)
    connect(signals.content_object_init, report_missing_metadata, plugin=PLUGIN)
    connect(signals.get_generators, _ledger_generator, plugin=PLUGIN)
    connect(signals.article_generator_finalized, place_unpublished_articles, plugin=PLUGIN)
    connect(signals.page_generator_finalized, place_draft_pages, plugin=PLUGIN)
    connect(signals.all_generators_finalized, check_site, plugin=PLUGIN)
    connect(signals.content_written, record_written, plugin=PLUGIN)
