"""Remember URL settings per content object once the site's content is final."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pelican.contents import Article, Content, Page

from frozen_urls.expand import expand_url_setting
from plugin_use import uses_plugin

_CACHE = "_frozen_url_settings"


def _get_url_setting(self: Content, key: str) -> str:
    cache: dict[str, str] | None = self.__dict__.get(_CACHE)
    if cache is None:
        return expand_url_setting(self, key)
    if key not in cache:
        cache[key] = expand_url_setting(self, key)
    return cache[key]


def install(pelican: Any = None) -> None:
    """``initialized`` receiver: route Pelican's URL lookups through the memo (idempotent)."""
    # Only objects that freeze_urls marked use the memo, so a build without this
    # plugin in the same process (tests, `make serve`) computes every value as before
    # (expand_url_setting gives Pelican's own strings, only faster).
    Content.get_url_setting = _get_url_setting


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
        # Articles and pages only: a static file's URL may still move when a page
        # attaches it ({attach} links are resolved while pages are written).
        if isinstance(content, Article | Page) and _CACHE not in content.__dict__:
            content.__dict__[_CACHE] = {}


def freeze_urls(generators: Iterable[Any]) -> None:
    """``all_generators_finalized`` receiver: from now on each value is computed once."""
    generators = list(generators)
    settings = next((getattr(g, "settings", None) for g in generators), None)
    if not uses_plugin(settings, "frozen_urls"):
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
    return UrlFreezer if uses_plugin(pelican.settings, "frozen_urls") else None
