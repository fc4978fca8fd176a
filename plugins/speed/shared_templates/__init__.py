"""Compile each template once, however many generators use it, and not again next build.

Pelican gives every generator (articles, pages, static, and each plugin generator:
topic hubs, editions, feeds, sitemaps) its own Jinja environment, and each one compiles
the templates it renders again: base.html and its partials are compiled half a dozen
times a build. Jinja's own remedy is a bytecode cache shared by the environments; this
plugin hands them one that lives in memory for the build and, when the content cache is
on, in a folder of its fingerprinted cache folder for the next build (news_blocks' card
templates get a folder of their own: other environment options, other bytecode). That
folder is named by everything a template's bytecode depends on besides its source
(Python, the installed packages, the settings, the templates), and Jinja checks each
entry against its source: an edited template is compiled again.

Setting: ``SHARED_TEMPLATES = False`` leaves Pelican's environments as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2.bccache import BytecodeCache
from pelican import signals

from content_cache.store import FINGERPRINT_SETTING
from plugin_use import uses_plugin
from shared_templates.cache import MemoryBytecodeCache, StoredBytecodeCache

__all__ = ["MemoryBytecodeCache", "StoredBytecodeCache", "bytecode_cache", "register"]

FOLDER = "templates"


def _active(settings: Any) -> bool:
    # Signals outlive a build in one process: act only for sites that list the plugin.
    return uses_plugin(settings, "shared_templates") and bool(
        settings.get("SHARED_TEMPLATES", True)
    )


def bytecode_cache(settings: Any, kind: str) -> BytecodeCache | None:
    """A cache for the environments of ``kind`` (one set of environment options), or None
    when the site does not use this plugin. Its folder is looked up when a template is
    first loaded, after every ``initialized`` receiver (content_cache's among them) ran."""
    if not _active(settings):
        return None

    def locate() -> Path | None:
        if not settings.get(FINGERPRINT_SETTING):
            # No content cache (it sets the setting with its fingerprinted CACHE_PATH).
            return None
        # The fingerprinted folder is content_cache's, which deletes it with its entries.
        return Path(settings["CACHE_PATH"]) / FOLDER / kind

    return StoredBytecodeCache(locate)


def share_compiled_templates(pelican: Any) -> None:
    """``initialized`` receiver: every environment made after this shares one cache."""
    settings = pelican.settings
    cache = bytecode_cache(settings, "theme")
    if cache is None:
        return
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
    # An editor's own cache (e.g. a FileSystemBytecodeCache) is left in place.
    environment.setdefault("bytecode_cache", cache)
    # A new dict: the old one may be Pelican's default, shared by every build in the process.
    settings["JINJA_ENVIRONMENT"] = environment


def register() -> None:
    signals.initialized.connect(share_compiled_templates)
