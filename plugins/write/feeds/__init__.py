"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each topic and the daily editions.

Feeds are written from templates in ``templates/feeds/``; every page advertises the
feeds that apply to it through ``templates/feeds/head_links.html``.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from feeds.catalogue import Feed, FeedCatalogue, plan_feeds
from feeds.generator import FeedsGenerator, plan_feeds_of
from feeds.settings import FeedSettingsError, read_feed_settings
from plugin_use import uses_plugin

__all__ = ["Feed", "FeedCatalogue", "FeedSettingsError", "FeedsGenerator", "plan_feeds", "register"]


def _enabled(pelican: Any) -> bool:
    # Pelican's signals outlive a build: in a process that builds several sites (tests,
    # make serve), receivers from an earlier build must not act on a site without us.
    return uses_plugin(pelican.settings, __name__)


def check_settings(pelican: Any) -> None:
    # Fail before anything is read when a setting is wrong, naming the setting.
    if _enabled(pelican):
        read_feed_settings(pelican.settings)


def add_generator(pelican: Any) -> type[FeedsGenerator] | None:
    return FeedsGenerator if _enabled(pelican) else None


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(plan_feeds_of)
