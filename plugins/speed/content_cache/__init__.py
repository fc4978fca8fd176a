"""Keep each source file's parsed result between builds; parse only what changed.

Parsing (Markdown, our block rules, sanitising) is the largest part of a build that does
not depend on other files, so this plugin caches at Pelican's reader layer: the
``Readers`` of each generator that Pelican would cache for (articles, pages) serves and
keeps parsed results in a folder of this build's own, without changing Pelican's
settings (``CACHE_CONTENT`` and the rest keep the site's values), and made safe to leave on:

* the cache lives in a folder named after a fingerprint of everything a parse depends on
  besides the file itself (the settings, our plugins' code, the templates the block rules
  render with, the installed packages), so a changed plugin or setting never serves HTML
  parsed by the old one;
* files are recognised by a hash of their bytes, not their modification time; a file
  whose stat (size, times, inode) is the one it had when an earlier build hashed it, long
  enough after its last change, is not read again (``stat_index``);
* a file whose reading logged a warning or an error is never cached, so its messages
  are reported by every build until it is fixed;
* each entry is a file named by a hash of the source's path and bytes, written whole (a
  rename) once the read proved clean and loaded only when its file is read, so the build
  never holds the whole cache in memory, builds running side by side (``make serve`` and
  ``make html``) never read half an entry, and entries the build did not use (deleted
  articles, older versions) are deleted when it ends.

The ``Readers`` methods are replaced through :mod:`pelican_compat.reader_cache`; on a
Pelican version it was not written for the cache stays off.

Settings (``content_cache.settings``): ``CONTENT_CACHE`` (default True; False: no cache),
``CONTENT_CACHE_KEEP`` (default 3: fingerprints kept, e.g. one for ``make html`` and one
for ``make publish``) and Pelican's ``CACHE_PATH`` (the parent folder, never changed: the
build's folder in it is :func:`content_cache.store.cache_folder`).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

import pelican_compat
from content_cache.settings import SCHEMA
from content_cache.store import enable_cache, guard_readers
from plugin_use import connect
from site_settings import report_problems

__all__ = ["SCHEMA", "register"]

PLUGIN = "content_cache"


def check_settings(pelican: Any) -> None:
    report_problems(SCHEMA, pelican.settings)


def register() -> None:
    pelican_compat.watch()
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.initialized, enable_cache, plugin=PLUGIN)
    connect(signals.readers_init, guard_readers, plugin=PLUGIN)
