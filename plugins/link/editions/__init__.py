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
from plugin_use import uses_plugin

__all__ = [
    "Edition",
    "EditionGroup",
    "EditionsGenerator",
    "build_editions",
    "group_by_topic",
    "register",
]


def add_generator(pelican: Any) -> type[EditionsGenerator] | None:
    # Pelican's signals outlive a build: in a process that builds several sites (tests,
    # make serve), a receiver from an earlier build must not act on a site without us.
    return EditionsGenerator if uses_plugin(pelican.settings, __name__) else None


def register() -> None:
    signals.get_generators.connect(add_generator)
