"""Parse the articles in a pool of worker processes, then build the site as usual.

Reading (Markdown parsing, our extensions' rules, sanitising) is a third of a large
build and each file is independent, so when the article generator is about to read its
first file, every article is parsed in forked workers (one per core by default); Pelican
then reads them in its own order and gets each parsed result instead of parsing again.
The workers are forks of the build, so they use the very parser the build configured
(every ``configure_markdown`` rule included). Results are taken in order as Pelican asks
for them, so the build turns the first files into articles while the workers parse the
rest. A file whose parsing logged anything or raised, or whose result cannot be sent
back, is simply parsed again in the build process, where its messages are reported as
usual.

The reader's ``read`` is replaced through :mod:`pelican_compat.worker_reads`; on a
Pelican version it was not written for, articles are read in one process.

Settings: ``PARALLEL_READ_WORKERS`` (default: the number of cores; 0 or 1 turns it off)
and ``PARALLEL_READ_MIN_FILES`` (default 64: smaller sites are read in one process).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

import pelican_compat
from parallel_read.prefetch import prefetch_articles, stop_workers
from parallel_read.settings import SCHEMA
from plugin_use import connect
from site_settings import report_problems

__all__ = ["SCHEMA", "register"]

PLUGIN = "parallel_read"


def check_settings(pelican: Any) -> None:
    report_problems(SCHEMA, pelican.settings)


def register() -> None:
    pelican_compat.watch()
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.article_generator_preread, prefetch_articles, plugin=PLUGIN)
    connect(signals.article_generator_finalized, stop_workers, plugin=PLUGIN)
