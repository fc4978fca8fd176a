"""Pelican reader for Markdown on markdown-it-py (front matter, heading ids, sanitiser).

Other plugins extend the syntax through :data:`configure_markdown` (the shared
``markdown_extensions`` library's signal, re-exported here).
"""

from __future__ import annotations

from pelican import signals
from pelican.readers import Readers

from markdown_extensions import configure_markdown
from markdown_reader.front_matter import drop_front_matter_sources
from markdown_reader.reader import NewsMarkdownReader
from markdown_reader.renderer import (
    build_parser,
    render,
    section_anchor,
    without_section_anchors,
)
from markdown_reader.slugs import slugify
from plugin_use import connect

__all__ = [
    "NewsMarkdownReader",
    "build_parser",
    "configure_markdown",
    "register",
    "render",
    "section_anchor",
    "slugify",
    "without_section_anchors",
]


def use_news_reader(readers: Readers) -> None:
    # Replace Pelican's python-markdown reader for every Markdown extension.
    for extension in NewsMarkdownReader.file_extensions:
        readers.reader_classes[extension] = NewsMarkdownReader


PLUGIN = "markdown_reader"


def register() -> None:
    connect(signals.readers_init, use_news_reader, plugin=PLUGIN)
    connect(signals.all_generators_finalized, drop_front_matter_sources, plugin=PLUGIN)
