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

__all__ = ["Feed", "FeedCatalogue", "FeedSettingsError", "FeedsGenerator", "plan_feeds", "register"]


def check_settings(pelican: Any) -> None:
    # Fail before anything is read when a setting is wrong, naming the setting.
    read_feed_settings(pelican.settings)


def add_generator(pelican: Any) -> type[FeedsGenerator]:
    return FeedsGenerator


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(plan_feeds_of)
