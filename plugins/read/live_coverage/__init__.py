"""Live coverage: one article, many timestamped entries, shown newest first without scripts.

    fields      an entry's ``key: value`` fields (time, key, pinned, author, id), checked
    coverage    the front matter: ``live: true`` / ``type: live``, ``coverage_start``,
                ``coverage_end``, ``pinned``
    entries     the markdown-it rule: ``::: entry`` blocks checked, put in page order
                (pinned, "Key events", newest first), each a section with its anchor
    render      render rules through ``templates/live_coverage/``
    model       ``article.live_coverage`` (:class:`LiveCoverage`): entries, window, state
    article     on each article: ``live_coverage``, its state at the build's date, ``modified``

Later stages read ``article.live_coverage``: newsroom (``LiveBlogPosting`` JSON-LD), feeds (a
feed per live article), topic_hubs (key events on hubs' timelines, through sections).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markdown_it import MarkdownIt
from pelican import signals

from live_coverage.article import init_live_article
from live_coverage.entries import live_coverage_plugin, time_anchor
from live_coverage.model import LiveCoverage, LiveEntry
from markdown_reader import configure_markdown
from plugin_use import connect

__all__ = ["LiveCoverage", "LiveEntry", "add_live_entries", "register", "time_anchor"]

PLUGIN = "live_coverage"


def add_live_entries(md: MarkdownIt, settings: Mapping[str, Any] | None = None) -> None:
    """``configure_markdown`` receiver (connected for the sites that use this plugin)."""
    md.use(live_coverage_plugin, settings=settings or {})


def register() -> None:
    connect(configure_markdown, add_live_entries, plugin=PLUGIN)
    connect(signals.content_object_init, init_live_article, plugin=PLUGIN)
