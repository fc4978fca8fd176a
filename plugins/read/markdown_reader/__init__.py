"""Pelican reader for Markdown on markdown-it-py (front matter, heading ids, sanitiser).

Other plugins extend the syntax through :data:`configure_markdown`.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from markdown_reader.front_matter import drop_front_matter_sources
from markdown_reader.reader import NewsMarkdownReader
from markdown_reader.renderer import build_parser, configure_markdown, render
from markdown_reader.slugs import slugify
from plugin_use import connect

__all__ = [
    "NewsMarkdownReader",
    "build_parser",
    "configure_markdown",
    "register",
    "render",
    "slugify",
]


def use_news_reader(readers: Any) -> None:
    # Replace Pelican's python-markdown reader for every Markdown extension.
    for extension in NewsMarkdownReader.file_extensions:
        readers.reader_classes[extension] = NewsMarkdownReader


PLUGIN = "markdown_reader"


def register() -> None:
    connect(signals.readers_init, use_news_reader, plugin=PLUGIN)
    connect(signals.all_generators_finalized, drop_front_matter_sources, plugin=PLUGIN)
