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

As a Pelican plugin (``PLUGINS``), it adds the Markdown image rule to every parser the
site builds, through ``markdown_reader.configure_markdown``, and wraps every reader class
but our Markdown reader (which sanitises as it renders) in one that sanitises what it
reads. The formats read are then Markdown, reStructuredText and HTML (Pelican's readers),
plus any reader a site adds, all under this one policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pelican import signals

from html_policy.markdown_images import offsite_images_plugin
from html_policy.policy import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EXTERNAL_REL,
    URL_SCHEMES,
    is_external,
    is_offsite,
    sanitise,
)
from html_policy.readers import html_read, sanitises_output, sanitising_reader, wrap_readers
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
    "sanitises_output",
    "sanitising_reader",
]

PLUGIN_NAME = "html_policy"


def add_image_rule(md: Any, settings: Mapping[str, Any] | None = None) -> None:
    """``configure_markdown`` receiver: only for parsers of sites that use this plugin."""
    md.use(offsite_images_plugin)


def sanitise_readers(readers: Any) -> None:
    """``readers_init`` receiver: every reader class but ours sanitises what it reads."""
    # Imported here: markdown_reader itself imports this package (for sanitise).
    from markdown_reader import NewsMarkdownReader

    wrap_readers(readers.reader_classes, trusted=(NewsMarkdownReader,))


def _connect_last(pelican: Any) -> None:
    # Connected once every plugin has registered, so this receiver runs after the other
    # readers_init receivers and sees the readers they add. (blinker keeps a receiver's
    # place when it is connected again, in later builds of the same process.)
    connect(signals.readers_init, sanitise_readers, plugin=PLUGIN_NAME)


def register() -> None:
    # Imported here: markdown_reader itself imports this package (for sanitise).
    from markdown_reader import configure_markdown

    connect(configure_markdown, add_image_rule, plugin=PLUGIN_NAME)
    connect(signals.initialized, _connect_last, plugin=PLUGIN_NAME)
