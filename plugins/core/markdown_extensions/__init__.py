"""The extension point of the Markdown syntax: the ``configure_markdown`` signal.

The Markdown reader (``markdown_reader``) sends it once for every parser it builds; a
plugin that adds syntax (``news_blocks``, ``html_policy``, ``strict_build``) connects a
receiver that registers its markdown-it rules on the parser. The signal lives here, apart
from the reader, so a plugin the reader itself uses (``html_policy``, whose sanitising
policy the reader applies) can extend the syntax without importing the reader back.
Not a Pelican plugin (no ``register``): a library the plugins share.
"""

from __future__ import annotations

from blinker import signal

__all__ = ["configure_markdown"]

configure_markdown = signal("newsdigest.configure_markdown")
"""Sent as ``configure_markdown.send(md, settings=settings)`` when a parser is built;
``md`` is the ``MarkdownIt`` instance, ``settings`` the site's settings (a receiver checks
with ``plugin_use.uses_plugin`` that the site uses its plugin)."""
