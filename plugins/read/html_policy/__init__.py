"""The one sanitising policy for HTML that did not come from our own renderer.

The reader's raw HTML, imported web pages and the text of embedded posts all pass
through :func:`sanitise`, so there is exactly one allow-list to review. It is an
allow-list (nh3, i.e. the ammonia crate): anything not named here is dropped.

    policy           the allow-list, :func:`sanitise`, and :func:`is_offsite` (which
                     images pages may show: only the site's own)
    markdown_images  the same rule for Markdown images, which markdown-it renders itself
    readers          every other reader's output (reStructuredText, HTML, a site's own)
                     through the same policy
    docutils_messages  reStructuredText without file insertion; docutils' messages as errors
    plain_metadata   front-matter text (titles, tags, key points...) made safe to print
                     anywhere, for every reader

As a Pelican plugin (``PLUGINS``), it adds the Markdown image rule to every parser the
site builds, through ``configure_markdown`` (the shared ``markdown_extensions`` library),
and wraps every reader class but our Markdown reader (which sanitises as it renders, and
says so with :func:`sanitises_as_it_renders`) in one that sanitises what it reads. The
Markdown reader imports this package, never the other way round. The formats read are
then Markdown, reStructuredText and HTML (Pelican's readers), plus any reader a site adds,
all under this one policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markdown_it import MarkdownIt
from pelican import Pelican, signals
from pelican.readers import Readers

from html_policy.markdown_images import offsite_images_plugin
from html_policy.plain_metadata import make_metadata_plain
from html_policy.policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EXTERNAL_REL,
    URL_SCHEMES,
    is_external,
    is_offsite,
    sanitise,
)
from html_policy.readers import (
    html_read,
    sanitises_as_it_renders,
    sanitises_output,
    sanitising_reader,
    wrap_readers,
)
from markdown_extensions import configure_markdown
from plugin_use import connect

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "EXTERNAL_REL",
    "URL_SCHEMES",
    "add_image_rule",
    "html_read",
    "is_external",
    "is_offsite",
    "offsite_images_plugin",
    "register",
    "sanitise",
    "sanitise_readers",
    "sanitises_as_it_renders",
    "sanitises_output",
    "sanitising_reader",
]

PLUGIN_NAME = "html_policy"


def add_image_rule(md: MarkdownIt, settings: Mapping[str, Any] | None = None) -> None:
    """``configure_markdown`` receiver: only for parsers of sites that use this plugin."""
    md.use(offsite_images_plugin)


def sanitise_readers(readers: Readers) -> None:
    """``readers_init`` receiver: every reader class but ours sanitises what it reads."""
    wrap_readers(readers.reader_classes)


def _connect_last(pelican: Pelican) -> None:
    # Connected once every plugin has registered, so this receiver runs after the other
    # readers_init receivers and sees the readers they add. (blinker keeps a receiver's
    # place when it is connected again, in later builds of the same process.)
    connect(signals.readers_init, sanitise_readers, plugin=PLUGIN_NAME)


def register() -> None:
    connect(configure_markdown, add_image_rule, plugin=PLUGIN_NAME)
    # Front-matter text (titles, tags, key points...) made safe for every reader alike.
    connect(signals.article_generator_context, make_metadata_plain, plugin=PLUGIN_NAME)
    connect(signals.page_generator_context, make_metadata_plain, plugin=PLUGIN_NAME)
    connect(signals.initialized, _connect_last, plugin=PLUGIN_NAME)
