"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each topic, the daily editions
and the corrections log.

Feeds are written from templates in ``templates/feeds/``; every page advertises the
feeds that apply to it through ``templates/feeds/head_links.html``.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from feeds.catalogue import Feed, FeedCatalogue, plan_feeds
from feeds.generator import FeedsGenerator, plan_feeds_of
from feeds.settings import SCHEMA
from plugin_use import connect
from site_settings import report_problems

__all__ = ["SCHEMA", "Feed", "FeedCatalogue", "FeedsGenerator", "plan_feeds", "register"]

PLUGIN = "feeds"


def check_settings(pelican: Any) -> None:
    # Every wrong setting reported before anything is read, each naming the setting.
    report_problems(SCHEMA, pelican.settings)


def add_generator(pelican: Any) -> type[FeedsGenerator]:
    return FeedsGenerator


def register() -> None:
    connect(signals.initialized, check_settings, plugin=PLUGIN)
    connect(signals.get_generators, add_generator, plugin=PLUGIN)
    connect(signals.all_generators_finalized, plan_feeds_of, plugin=PLUGIN)
