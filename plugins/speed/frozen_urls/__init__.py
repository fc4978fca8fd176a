"""Compute each article's and page's ``url`` and ``save_as`` once, when they can no longer change.

Pelican recomputes both properties from the URL settings on every access (copying the
metadata and formatting the date each time); templates, feeds, hubs and checks read them
hundreds of thousands of times in a large build. Once the articles and pages generators
have finished reading (in a generator of its own, which Pelican runs after theirs and
before ``all_generators_finalized``), this plugin remembers each value on its first use
for that content object. Objects of builds without this plugin are untouched.

Two more things Pelican computes again and again are computed once here: each tag, author
and category name's slug (``slugs``), and the dated list of each tag page (``listings``,
which also skips that list for category and author pages the settings disable).

Every part touches Pelican internals, so each lives in :mod:`pelican_compat` and all are
off on another Pelican version (``pelican_compat.enabled``).
"""

from __future__ import annotations

from pelican import signals

import pelican_compat
from frozen_urls.freeze import add_freezer, freeze_urls, install
from pelican_compat.listings import use_fast_listings
from pelican_compat.slugs import share_slugs

__all__ = ["register"]


def register() -> None:
    pelican_compat.watch()
    signals.initialized.connect(install)
    signals.get_generators.connect(add_freezer)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.content_object_init.connect(share_slugs)
    signals.article_generator_init.connect(use_fast_listings)
