"""Reusable context blocks: explainers kept in ``content/context/*.md``, placed anywhere.

    model           a block as data (title, kind, reviewed date, body, card) and the kinds
    context_files   the context files read and checked (front matter, body)
    context_bodies  a context body's headings made to sit inside a card; kinds' shapes
    cards           a block's card, from ``templates/context_blocks/<kind>.html``
    library         the build's blocks, loaded once before the first document is read
    placement       the ``::: context <slug>`` block: a document shows a block's card
    dates           a document's ``modified`` follows the blocks' ``reviewed`` dates
    settings        ``CONTEXT_PATH``

A block is placed in an article, a page or a topic's introduction with::

    ::: context crossing-explained
    :::

and shows as the same card everywhere. One edit to a context file changes every page
that shows it, and only those (the content cache parses again only the documents that
read it: :mod:`read_dependencies`). Document metadata after reading: ``context_blocks``
(one ``{slug, reviewed, line}`` per block shown). Problems (a bad context file, an
unknown slug) are errors naming the file and line.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from pelican import signals

from context_blocks.dates import apply_reviewed_dates
from context_blocks.library import ContextLibrary, library_of, report_library_problems
from context_blocks.model import KINDS, ContextBlock
from context_blocks.placement import BLOCKS_KEY, context_blocks_plugin
from context_blocks.settings import SCHEMA
from markdown_reader import configure_markdown
from plugin_use import connect
from site_settings import report_problems

__all__ = [
    "BLOCKS_KEY",
    "KINDS",
    "SCHEMA",
    "ContextBlock",
    "ContextLibrary",
    "add_context_blocks",
    "library_of",
    "register",
]

PLUGIN = "context_blocks"


def check_settings(pelican: Any) -> None:
    report_problems(SCHEMA, pelican.settings)


def add_context_blocks(md: MarkdownIt, settings: Any = None) -> None:
    """``configure_markdown`` receiver (connected for the sites that use this plugin)."""
    chosen = settings or {}
    md.use(context_blocks_plugin, library=lambda: library_of(chosen))


def register() -> None:
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    # After the settings check and every other ``initialized`` receiver (content_cache's
    # names the folder the templates' bytecode is kept in): the folder is read then, its
    # problems reported, before any document is read.
    connect(signals.readers_init, report_library_problems, plugin=PLUGIN)
    connect(configure_markdown, add_context_blocks, plugin=PLUGIN)
    connect(signals.article_generator_context, apply_reviewed_dates, plugin=PLUGIN)
    connect(signals.page_generator_context, apply_reviewed_dates, plugin=PLUGIN)
