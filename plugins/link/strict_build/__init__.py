"""Strict builds: problems Pelican would let through become errors that name the file.

    plain_metadata  front-matter text made safe to print anywhere (no markup)
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

from typing import Any

from pelican import signals

from html_policy import html_read
from markdown_reader import configure_markdown
from plugin_use import uses_plugin
from strict_build.ledger import SourceLedger, Tally, record_written, sources_tallied
from strict_build.links import collect_links_plugin, record_read_links
from strict_build.locations import report_unsafe_location
from strict_build.plain_metadata import make_metadata_plain
from strict_build.required import report_missing_metadata
from strict_build.site_checks import check_site
from strict_build.unpublished import place_draft_pages, place_unpublished_articles

__all__ = ["SourceLedger", "Tally", "register", "sources_tallied"]


def _add_link_collector(md: Any, settings: Any = None) -> None:
    # The signal is process-wide: parsers built for other sites (or tests) without this
    # plugin in their PLUGINS stay as they are.
    if uses_plugin(settings, __name__):
        md.use(collect_links_plugin)


def _record_read_links(reader: Any, **read: Any) -> None:
    # Links in what another reader (reStructuredText, HTML) made, for the same checks.
    if uses_plugin(getattr(reader, "settings", None), __name__):
        record_read_links(read["html"], read["metadata"], read.get("source_text"))


def _ledger_generator(pelican: Any) -> type[SourceLedger]:
    return SourceLedger


def register() -> None:
    configure_markdown.connect(_add_link_collector)
    html_read.connect(_record_read_links)
    signals.article_generator_context.connect(make_metadata_plain)
    signals.page_generator_context.connect(make_metadata_plain)
    signals.content_object_init.connect(report_unsafe_location)
    signals.content_object_init.connect(report_missing_metadata)
    signals.get_generators.connect(_ledger_generator)
    signals.article_generator_finalized.connect(place_unpublished_articles)
    signals.page_generator_finalized.connect(place_draft_pages)
    signals.all_generators_finalized.connect(check_site)
    signals.content_written.connect(record_written)
