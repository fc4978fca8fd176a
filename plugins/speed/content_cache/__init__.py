"""Keep each source file's parsed result between builds; parse only what changed.

Parsing (Markdown, our block rules, sanitising) is the largest part of a build that does
not depend on other files, so this plugin turns on Pelican's own content cache at the
reader layer (``CACHE_CONTENT``, ``LOAD_CONTENT_CACHE``, ``CONTENT_CACHING_LAYER =
"reader"``) and makes it safe to leave on:

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

Settings: ``CONTENT_CACHE`` (default True; False leaves Pelican's settings alone),
``CONTENT_CACHE_KEEP`` (default 3: fingerprints kept, e.g. one for ``make html`` and one
for ``make publish``) and Pelican's ``CACHE_PATH`` (the parent folder).
"""

from __future__ import annotations

from pelican import signals

import pelican_compat
from content_cache.store import enable_cache, guard_readers

__all__ = ["register"]


def register() -> None:
    pelican_compat.watch()
    signals.initialized.connect(enable_cache)
    signals.readers_init.connect(guard_readers)
