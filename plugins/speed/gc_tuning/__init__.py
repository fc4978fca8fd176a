"""Run Python's cycle collector less often during a build.

A build allocates millions of small objects (tokens, metadata, template contexts) and
keeps most of them until the end, so the collector's frequent passes over them find
almost nothing and cost about a tenth of the build's CPU time. The thresholds are raised
when the build starts and put back when it finishes; then Pelican's memo caches, which
would keep every build's articles for the life of the process, are emptied
(:mod:`gc_tuning.release`). When every article is read, the memory parsing freed is given
back to the system (:mod:`free_memory`).
Setting: ``GC_THRESHOLD`` (default ``(100_000, 50, 100)``, see :func:`gc.set_threshold`;
``None`` leaves them alone).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

import pelican_compat
from gc_tuning.release import release_build, trim_after_reading
from gc_tuning.settings import SCHEMA
from gc_tuning.thresholds import raise_thresholds, restore_thresholds
from plugin_use import connect
from site_settings import report_problems

__all__ = ["SCHEMA", "register"]

PLUGIN = "gc_tuning"


def check_settings(pelican: Any) -> None:
    report_problems(SCHEMA, pelican.settings)


def register() -> None:
    pelican_compat.watch()
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.initialized, raise_thresholds, plugin=PLUGIN)
    connect(signals.finalized, restore_thresholds, plugin=PLUGIN)
    connect(signals.finalized, release_build, plugin=PLUGIN)
    connect(signals.article_generator_finalized, trim_after_reading, plugin=PLUGIN)
