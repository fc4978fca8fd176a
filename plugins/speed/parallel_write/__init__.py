"""Render pages on every core: Pelican's writes are recorded, then rendered by forked workers.

Writing pages (Jinja rendering each article, page, tag page, topic hub, edition…) is about
a third of a build, and the second core idles while it runs. With this plugin the build's
``Writer`` records each page Pelican asks it to write — its template, its final local
context and its file — doing all the bookkeeping then, exactly as Pelican does it: the
shared ``localsiteurl``, written and overridden files (a file written twice still fails),
the "Writing" message and the ``content_written`` signal. When every generator but the
static-file copier has run, the recorded pages are rendered: the build forks workers that
render and write a fixed share each (page ``i`` goes to process ``i % processes``) while
the build renders its own share. A page whose rendering in a worker logged a warning or an
error, or raised, and every page of a worker that died, is rendered again in the build,
so its messages and exceptions reach the build exactly as in a serial build.

Told the output folder the build replaces (``LAST_OUTPUT_PATH``, set by scripts/build.py),
a page whose key — what it is made from: the site digest, its template and place, the
body it shows (``site_state``) — is the last build's is hard-linked to the last build's
file without being rendered (``PAGE_REUSE``, default True), and a page rendered to
exactly the bytes of the last build's file is linked rather than written.

Settings: ``PARALLEL_WRITE_WORKERS`` (default: the number of cores; 0 or 1 writes in one
process, with Pelican's own writer) and ``PARALLEL_WRITE_MIN_PAGES`` (default 64: fewer
pages are rendered in the build process alone). Without ``fork`` it writes in one process.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

import pelican_compat
from parallel_write.attachments import note_attach_links
from parallel_write.settings import SCHEMA
from parallel_write.writer import (
    add_flush_generator,
    choose_writer,
    keep_flush_generator_last,
    note_articles_as_read,
)
from plugin_use import connect
from site_settings import report_problems

__all__ = ["SCHEMA", "register"]

PLUGIN = "parallel_write"


def check_settings(pelican: Any) -> None:
    report_problems(SCHEMA, pelican.settings)


def register() -> None:
    pelican_compat.watch()
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.get_writer, choose_writer, plugin=PLUGIN)
    # Connected as they are (each asks whether the site uses the plugin):
    # keep_flush_generator_last moves add_flush_generator itself to the end of the list.
    signals.get_generators.connect(add_flush_generator)
    signals.initialized.connect(keep_flush_generator_last)
    connect(signals.article_generator_pretaxonomy, note_articles_as_read, plugin=PLUGIN)
    connect(signals.content_object_init, note_attach_links, plugin=PLUGIN)
