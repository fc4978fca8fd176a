"""Daily editions: one page per day with news, the day's articles grouped by topic.

``context["editions"]`` lists them newest first (see :class:`editions.model.Edition`);
the feeds plugin turns them into the editions feed. ``context["editions_by_day"]`` maps
each day (a ``date``) to its edition.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from editions.generator import EditionsGenerator
from editions.grouping import build_editions, group_by_topic
from editions.model import Edition, EditionGroup
from editions.settings import SCHEMA
from plugin_use import connect
from site_settings import report_problems

PLUGIN = "editions"

__all__ = [
    "SCHEMA",
    "Edition",
    "EditionGroup",
    "EditionsGenerator",
    "build_editions",
    "group_by_topic",
    "register",
]


def add_generator(pelican: Any) -> type[EditionsGenerator]:
    return EditionsGenerator


def check_settings(pelican: Any) -> None:
    # The plugin has no settings: an EDITIONS_* key is a typo or a leftover.
    report_problems(SCHEMA, pelican.settings)


def register() -> None:
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.get_generators, add_generator, plugin=PLUGIN)
