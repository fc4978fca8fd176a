"""Compile each theme template once per build, however many generators use it.

Pelican gives every generator (articles, pages, static, and each plugin generator:
topic hubs, editions, feeds, sitemaps) its own Jinja environment, and each one compiles
the templates it renders again: base.html and its partials are compiled half a dozen
times a build. Jinja's own remedy is a bytecode cache shared by the environments;
this plugin hands them one that lives in memory for the build (nothing is written to
disk, so no stale bytecode can outlive a template edit or a Jinja upgrade). A template
whose source changed is compiled again: Jinja checks each entry against its source.

Setting: ``SHARED_TEMPLATES = False`` leaves Pelican's environments as they are.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from plugin_use import uses_plugin
from shared_templates.cache import MemoryBytecodeCache

__all__ = ["MemoryBytecodeCache", "register"]


def share_compiled_templates(pelican: Any) -> None:
    """``initialized`` receiver: every environment made after this shares one cache."""
    settings = pelican.settings
    if not uses_plugin(settings, "shared_templates"):
        return  # signals outlive a build in one process; act only when configured
    if not settings.get("SHARED_TEMPLATES", True):
        return
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
    # An editor's own cache (e.g. a FileSystemBytecodeCache) is left in place.
    environment.setdefault("bytecode_cache", MemoryBytecodeCache())
    # A new dict: the old one may be Pelican's default, shared by every build in the process.
    settings["JINJA_ENVIRONMENT"] = environment


def register() -> None:
    signals.initialized.connect(share_compiled_templates)
