"""Keep article bodies on disk between reading and rendering.

An article's HTML body is the largest thing a build holds for it (≈ 6.7 KB of the
≈ 19 KB an article costs the build process), and it is needed only twice: when Pelican
reads it for static links right after making the article, and when a page or a feed
prints it. So once Pelican has collected an article's static links, its body goes to a
file of the build's own (unlinked at once, in ``CACHE_PATH``: on the disk, not in a
memory file system such as a tmpfs ``/tmp``), and ``article.content`` /
``get_content(siteurl)`` read it back from there when asked (≈ 5 µs, with the site URL
links resolved as Pelican does). Forked render workers read the same file.

The body is taken out of the article through :mod:`pelican_compat.bodies`; on a Pelican
version it was not written for, bodies stay in memory.

Setting: ``ARTICLE_BODIES_ON_DISK`` (default True; False keeps them in memory).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

import pelican_compat
from article_bodies.settings import SCHEMA
from article_bodies.store import keep_bodies_on_disk
from plugin_use import connect
from site_settings import report_problems

__all__ = ["SCHEMA", "register"]

PLUGIN = "article_bodies"


def check_settings(pelican: Any) -> None:
    report_problems(SCHEMA, pelican.settings)


def register() -> None:
    pelican_compat.watch()
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.article_generator_init, keep_bodies_on_disk, plugin=PLUGIN)
