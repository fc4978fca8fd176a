"""Remember URL settings per content object once the site's content is final."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pelican_compat
from pelican_compat.url_settings import freeze, install_url_memo
from plugin_use import uses_plugin


def _active(settings: Any) -> bool:
    return uses_plugin(settings, "frozen_urls") and pelican_compat.enabled(settings)


def install(pelican: Any = None) -> None:
    """``initialized`` receiver: route Pelican's URL lookups through the memo (idempotent)."""
    if pelican is None or _active(pelican.settings):
        install_url_memo()


def _contents(generators: Iterable[Any]) -> Iterable[Any]:
    for generator in generators:
        for name in (
            "articles",
            "translations",
            "drafts",
            "drafts_translations",
            "pages",
            "hidden_pages",
            "hidden_translations",
            "draft_pages",
            "draft_translations",
        ):
            yield from getattr(generator, name, None) or ()


def _freeze(contents: Iterable[Any]) -> None:
    for content in contents:
        freeze(content)


def freeze_urls(generators: Iterable[Any]) -> None:
    """``all_generators_finalized`` receiver: from now on each value is computed once."""
    generators = list(generators)
    settings = next((getattr(g, "settings", None) for g in generators), None)
    if not _active(settings):
        return
    _freeze(_contents(generators))


class UrlFreezer:
    """A Pelican generator that only freezes: every article and page read, once reading ends.

    Pelican runs plugin generators' ``generate_context`` after the articles and pages
    generators have read everything (and their ``*_generator_finalized`` receivers have
    run), and ``all_generators_finalized`` after that. Freezing here, rather than in that
    signal's receiver, lets the receivers that run before frozen_urls' own (newsroom's
    JSON-LD, strict_build's checks, whose plugins come first in PLUGINS) use the values
    the pages are then written with, instead of each computing them again.
    """

    def __init__(self, *, context: dict[str, Any], settings: Any, **_: Any) -> None:
        self.context = context
        self.settings = settings

    def generate_context(self) -> None:
        # Pelican records every article and page it read (drafts, hidden and
        # translations too) in generated_content; a failed source is None there.
        _freeze(self.context.get("generated_content", {}).values())


def add_freezer(pelican: Any) -> type[UrlFreezer] | None:
    """``get_generators`` receiver."""
    return UrlFreezer if _active(pelican.settings) else None
