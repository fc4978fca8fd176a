"""frozen_urls' patch: ``URLWrapper._slug`` written, each name slugified once per build.

Touches: ``URLWrapper._slug`` (written, where Pelican's ``slug`` property keeps what it
computed) and ``URLWrapper.slug`` (compared, to leave subclasses alone). Written
against Pelican 4.12.0. Gain (commit de5e695, cProfile of the N = 5,000 build after
parsing): slugify 1.17 s -> 0.06 s, ≈ 3 % of a full build (31.9 s).

Why:

Pelican's readers make a new ``Tag``, ``Author`` and ``Category`` object for every article
that names one, and each object slugifies its name on its first use (grouping articles by
tag, expanding a URL setting): the same few names were slugified some 25,000 times for
5,000 articles (≈ 5 % of the build after parsing). :func:`share_slugs` gives a new object
the slug an earlier object of its class with the same name was given in the same build
(under the same settings object: slugify is a pure function of the name and settings).

Only a non-empty slug is shared: an object whose name gives none is left to Pelican, which
logs "Unable to generate valid slug" at the same moment as without this plugin.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pelican.urlwrappers import URLWrapper
from pelican.utils import slugify

import pelican_compat
from build_state import build_of
from plugin_use import uses_plugin

__all__ = ["share_slugs"]


class _SlugBook:
    """The slugs given under one settings object (one build), by wrapper class and name."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.enabled = uses_plugin(settings, "frozen_urls") and pelican_compat.enabled(settings)
        self.slugs: dict[tuple[type, str], str] = {}
        self._arguments: dict[type, tuple[Any, Any, Any]] = {}

    def arguments(self, kind: type) -> tuple[Any, Any, Any]:
        """What ``URLWrapper.slug`` passes to slugify besides the name, as it reads them."""
        if kind not in self._arguments:
            settings = self.settings
            class_key = f"{kind.__name__.upper()}_REGEX_SUBSTITUTIONS"
            self._arguments[kind] = (
                settings.get(class_key, settings.get("SLUG_REGEX_SUBSTITUTIONS", [])),
                settings.get("SLUGIFY_PRESERVE_CASE", False),
                settings.get("SLUGIFY_USE_UNICODE", False),
            )
        return self._arguments[kind]


def _book_for(settings: Any) -> _SlugBook:
    # One book a build (build_state): slug settings do not change during a build.
    return build_of(settings).state("frozen_urls.slugs", lambda: _SlugBook(settings))


def _wrappers(content: Any) -> Iterable[Any]:
    values = content.__dict__
    for name in ("author", "category"):
        value = values.get(name)
        if value is not None:
            yield value
    for name in ("authors", "tags"):
        many = values.get(name)
        if isinstance(many, list):
            yield from many


def share_slugs(content: Any) -> None:
    """``content_object_init`` receiver: give the content's tags, authors and category a slug."""
    for wrapper in _wrappers(content):
        # Only objects of Pelican's own classes whose slug is still to come from their name.
        if (
            not isinstance(wrapper, URLWrapper)
            or wrapper._slug is not None
            or type(wrapper).slug is not URLWrapper.slug
            or not isinstance(wrapper.name, str)
        ):
            continue
        book = _book_for(wrapper.settings)
        if not book.enabled:
            return  # a build without frozen_urls in the same process (tests, make serve)
        kind = type(wrapper)
        slug = book.slugs.get((kind, wrapper.name))
        if slug is None:
            regex_subs, preserve_case, use_unicode = book.arguments(kind)
            slug = slugify(
                wrapper.name,
                regex_subs=regex_subs,
                preserve_case=preserve_case,
                use_unicode=use_unicode,
            )
            if not slug:
                continue  # Pelican slugifies it again, and says so, when it is first used
            book.slugs[(kind, wrapper.name)] = slug
        wrapper._slug = slug
