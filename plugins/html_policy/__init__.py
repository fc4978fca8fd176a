"""The one sanitising policy for HTML that did not come from our own renderer.

The reader's raw HTML, imported web pages and the text of embedded posts all pass
through :func:`sanitise`, so there is exactly one allow-list to review. It is an
allow-list (nh3, i.e. the ammonia crate): anything not named here is dropped.

    policy           the allow-list, :func:`sanitise`, and :func:`is_offsite` (which
                     images pages may show: only the site's own)
    markdown_images  the same rule for Markdown images, which markdown-it renders itself

As a Pelican plugin (``PLUGINS``), it adds the Markdown image rule to every parser the
site builds, through ``markdown_reader.configure_markdown``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
from plugin_use import uses_plugin

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "EXTERNAL_REL",
    "URL_SCHEMES",
    "add_image_rule",
    "is_external",
    "is_offsite",
    "offsite_images_plugin",
    "register",
    "sanitise",
]

PLUGIN_NAME = "html_policy"


def add_image_rule(md: Any, settings: Mapping[str, Any] | None = None) -> None:
    """``configure_markdown`` receiver: only for parsers of sites that use this plugin."""
    # The signal is process-wide: parsers built for other sites (or tests) without this
    # plugin in their PLUGINS stay as they are.
    if uses_plugin(settings, PLUGIN_NAME):
        md.use(offsite_images_plugin)


def register() -> None:
    # Imported here: markdown_reader itself imports this package (for sanitise).
    from markdown_reader import configure_markdown

    configure_markdown.connect(add_image_rule)
