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

Each generator's environment gets the build's cache when Pelican has made it
(``generator_init``): the site's ``JINJA_ENVIRONMENT`` setting is read, never rewritten.

Setting (``shared_templates.settings``): ``SHARED_TEMPLATES = False`` leaves Pelican's
environments as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2.bccache import BytecodeCache
from pelican import signals

from build_state import build_of
from content_cache.store import cache_folder
from plugin_use import connect, uses_plugin
from shared_templates.cache import MemoryBytecodeCache, StoredBytecodeCache
from shared_templates.settings import SCHEMA
from site_settings import report_problems, setting_values

__all__ = ["SCHEMA", "MemoryBytecodeCache", "StoredBytecodeCache", "bytecode_cache", "register"]

FOLDER = "templates"
PLUGIN = "shared_templates"


def _active(settings: Any) -> bool:
    # Also asked by news_blocks for its parsers, which are built for sites without us too.
    return uses_plugin(settings, PLUGIN) and bool(setting_values(SCHEMA, settings)[PLUGIN.upper()])


def bytecode_cache(settings: Any, kind: str) -> BytecodeCache | None:
    """A cache for the environments of ``kind`` (one set of environment options), or None
    when the site does not use this plugin. Its folder is looked up when a template is
    first loaded, after every ``initialized`` receiver (content_cache's among them) ran."""
    if not _active(settings):
        return None

    def locate() -> Path | None:
        cache = cache_folder(settings)
        if cache is None:  # no content cache for this build
            return None
        # The fingerprinted folder is content_cache's, which deletes it with its entries.
        return cache.path / FOLDER / kind

    return StoredBytecodeCache(locate)


def check_settings(pelican: Any) -> None:
    report_problems(SCHEMA, pelican.settings)


def share_compiled_templates(generator: Any) -> None:
    """``generator_init`` receiver: every generator's environment shares the build's cache
    (set before the generator loads its first template)."""
    settings = generator.settings
    cache = build_of(settings).state(
        "shared_templates.theme", lambda: bytecode_cache(settings, "theme")
    )
    # An editor's own cache (JINJA_ENVIRONMENT's bytecode_cache) is left in place.
    if cache is not None and generator.env.bytecode_cache is None:
        generator.env.bytecode_cache = cache


def register() -> None:
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.generator_init, share_compiled_templates, plugin=PLUGIN)
