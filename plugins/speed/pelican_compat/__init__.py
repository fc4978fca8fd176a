"""Every place the speed layer replaces or reads a Pelican internal, and the one switch for them.

Pelican's public API (signals, settings, generator and writer classes handed over
through ``get_generators``/``get_writer``) does not reach the hot spots a large build
spends its time in, so a few speed plugins replace a Pelican method or read a private
name. Each such patch lives in a module of this package, which says why, what
``make bench`` measured for it and the Pelican version it was written against
(:data:`WRITTEN_FOR`). The speed plugins call ``enabled(settings)`` before using any of
them. On any other Pelican version every patch stays off (one warning: the build is
slower, the site the same), as it does with ``PELICAN_PATCHES = False``.

The patches, one module each (docs/performance.md, "Pelican compat", has the table):

* :mod:`pelican_compat.url_settings` (frozen_urls): ``Content.get_url_setting`` replaced
  on the class by a memo per article and page; reads ``_expand_settings``.
* :mod:`pelican_compat.slugs` (frozen_urls): ``URLWrapper._slug`` written, one slugify
  per name and build.
* :mod:`pelican_compat.listings` (frozen_urls): ``ArticlesGenerator.generate_tags``,
  ``generate_categories`` and ``generate_authors`` replaced on the generator.
* :mod:`pelican_compat.reader_cache` (content_cache): five ``Readers`` methods replaced
  on the instance; reads ``_cache_data_policy`` and ``_cache_path``.
* :mod:`pelican_compat.worker_reads` (parallel_read): ``reader.read`` replaced on the
  instance; uses ``pelican.readers._filter_discardable_metadata``.
* :mod:`pelican_compat.bodies` (article_bodies): ``add_static_links`` wrapped on the
  generator, ``get_content`` replaced and ``_content`` deleted on articles; uses
  ``_update_content``. Also the one reader of ``_content`` for other plugins.
* removed, its gain under 2 % of a full build (≈ 0.33 s of 31.9 s at N = 5,000, 1.0 %,
  commit c0e58d8): ``linear_translations``, which replaced
  ``pelican.generators.process_translations`` for the process.
* :mod:`pelican_compat.memo` (gc_tuning): Pelican's ``get_content``/``get_summary``
  memo caches emptied through ``Content.__dict__``.
* :mod:`pelican_compat.page_files` (parallel_write): ``Writer._open_w`` overridden in the
  recording writer, to learn each page's file.
* :mod:`pelican_compat.generator_order` (parallel_write): a ``get_generators`` receiver
  moved last (Pelican calls them in the order they were connected).

Read, not patched, and not switched off (a fallback gives the same result):
:mod:`pelican_compat.content_context` (strict_build reads ``Content._context``).

Not a patch: scripts/build.py's ``_PELICAN_ECHOES`` reads the text of Pelican's log
messages to leave out those that repeat one of our own errors. If Pelican rewords one,
the failing build lists one line more; nothing else changes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

import pelican
from pelican import signals

from plugin_use import uses_plugin

__all__ = [
    "NOTICE",
    "SETTING",
    "VERSION_VARIABLE",
    "WRITTEN_FOR",
    "enabled",
    "patches_apply",
    "pelican_version",
    "warn_if_off",
    "watch",
]

# The Pelican release every patch here was written against and tested with.
WRITTEN_FOR = "4.12.0"
# ``PELICAN_PATCHES = False`` in the settings turns every patch off (the site is the same).
SETTING = "PELICAN_PATCHES"
# The Pelican version the patches are checked against, when set: to try a build as it
# would go on another release (the patches off) before upgrading, and for the tests.
VERSION_VARIABLE = "NEWSDIGEST_PELICAN_VERSION"
# A log record with this attribute true is a notice, not a problem: scripts/build.py
# shows it and does not fail the build for it.
NOTICE = "newsdigest_notice"
# The plugins that use a patch of this package.
PATCHING_PLUGINS = ("frozen_urls", "content_cache", "parallel_read", "article_bodies", "gc_tuning",
                    "parallel_write")  # fmt: skip

logger = logging.getLogger(__name__)


def pelican_version() -> str:
    """The Pelican version this build runs on (or the one ``NEWSDIGEST_PELICAN_VERSION`` names)."""
    return os.environ.get(VERSION_VARIABLE) or str(pelican.__version__)


def patches_apply(version: str) -> bool:
    """Whether the patches may be used on Pelican ``version``: the one they were written for."""
    return version == WRITTEN_FOR


def enabled(settings: Mapping[str, Any] | None, version: str | None = None) -> bool:
    """Whether a build with ``settings`` uses the patches (on Pelican ``version``, by default
    the installed one)."""
    if settings is None or not settings.get(SETTING, True):
        return False
    return patches_apply(version if version is not None else pelican_version())


def warn_if_off(pelican_object: Any) -> None:
    """``initialized`` receiver: one warning per build whose patches are off for its version."""
    settings = pelican_object.settings
    if not any(uses_plugin(settings, name) for name in PATCHING_PLUGINS):
        return
    if not settings.get(SETTING, True) or enabled(settings):
        return
    logger.warning(
        "Pelican %s: newsdigest's speed patches were written for Pelican %s and stay off;"
        " the build is slower but the site is the same (check them against this version,"
        " see docs/performance.md, 'Pelican compat')",
        pelican_version(),
        WRITTEN_FOR,
        extra={NOTICE: True},
    )


def watch() -> None:
    """Called by each patching plugin's ``register``: the warning above, once per build
    (blinker connects a function once however often it is connected)."""
    signals.initialized.connect(warn_if_off)
