"""frozen_urls' patch: ``Content.get_url_setting`` replaced on the class, faster and memoized.

Why: Pelican recomputes ``url`` and ``save_as`` from the URL settings on every access
(copying the metadata and formatting the date each time); templates, feeds, hubs and
checks read them hundreds of thousands of times in a large build (≈ 20 % of a build in
the profile, README of 007c4f3; commits 81bc3a9 and 61039a7). Once reading is over,
each article's and page's values are computed once (:func:`freeze`), and computed
without Pelican's slow steps (below). Objects not frozen (builds without frozen_urls in
the same process) get Pelican's own strings, computed without its slow steps.
Touches: ``Content.get_url_setting`` (replaced on the class, for the process),
``_expand_settings`` and ``url_format`` (read, to know when a subclass differs).
Written against Pelican 4.12.0.

The strings:

Pelican expands ``ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"`` by copying the metadata,
working out the source's relative path and calling ``str.format``, where every
``{date:%Y}`` goes through ``pelican.utils.strftime`` (two regular expressions per
field, for locale and ``%-d`` quirks). Here a setting's template is parsed once, only
the fields it names are looked up, and a date field whose format is made only of the
numeric directives below is formatted from the date's fields, as ``datetime.strftime``
formats them, which is what Pelican's ``strftime`` ends up calling for them (one
candidate each, no ``-`` prefix, nothing else to substitute). Anything else -- another
field, a conversion, a nested format, a subclass that overrides how settings are
expanded -- goes to Pelican's own code, so the result is always Pelican's string.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable
from typing import Any

from pelican.contents import Article, Content, Page
from pelican.utils import SafeDatetime, path_to_url

__all__ = ["expand_url_setting", "freeze", "install_url_memo"]

_ORIGINAL = Content.get_url_setting
# Numeric directives: no locale, no padding flags; each formats the same alone or joined.
_NUMERIC_DATE_FORMAT = re.compile(r"(?:%[YmdHMSjy])+")
_DATE_TYPES = (dt.datetime, SafeDatetime)
# What strftime makes of each (its fields are the local ones, as timetuple() gives them);
# datetime.strftime builds a time tuple and calls the C library for each field (~6 us).
_DIRECTIVES: dict[str, Callable[[dt.datetime], str]] = {
    "Y": lambda d: str(d.year),
    "m": lambda d: f"{d.month:02d}",
    "d": lambda d: f"{d.day:02d}",
    "H": lambda d: f"{d.hour:02d}",
    "M": lambda d: f"{d.minute:02d}",
    "S": lambda d: f"{d.second:02d}",
    "j": lambda d: f"{d.timetuple().tm_yday:03d}",
    "y": lambda d: f"{d.year % 100:02d}",
}
# The fields Pelican's url_format sets itself (other names come from the metadata).
_FIELDS = frozenset({"slug", "date", "lang", "path", "author", "category"})
# A setting's text -> its literal parts and fields, or None when Pelican must expand it.
_Parts = tuple[tuple[str, str | None, str], ...]
_PARSED: dict[str, _Parts | None] = {}


def _parse(template: str) -> _Parts | None:
    try:
        pieces = list(string.Formatter().parse(template))
    except ValueError:
        return None  # Pelican raises its own error for a malformed setting
    parts: list[tuple[str, str | None, str]] = []
    for literal, field, spec, conversion in pieces:
        if field is None:
            parts.append((literal, None, ""))
            continue
        if field not in _FIELDS or conversion is not None or "{" in (spec or ""):
            return None
        parts.append((literal, field, spec or ""))
    return tuple(parts)


def _klass(content: Content) -> str | None:
    """The settings prefix Pelican's ``_expand_settings`` would use; None if unknown."""
    expand = type(content)._expand_settings
    if expand is Article._expand_settings:
        return "draft" if content.status == "draft" else "article"
    if expand is Page._expand_settings:
        return "draft_page" if content.status == "draft" else type(content).__name__
    if expand is Content._expand_settings:
        return type(content).__name__
    return None


def _value(content: Content, field: str) -> Any:
    # As Content.url_format computes each field.
    if field == "slug":
        return getattr(content, "slug", "")
    if field == "date":
        return content.date  # checked to be there by the caller
    if field == "lang":
        return getattr(content, "lang", "en")
    if field == "path":
        return path_to_url(content.metadata.get("path", content.get_relative_source_path()))
    if field == "author":
        return content.author.slug if hasattr(content, "author") else ""
    return content.category.slug if hasattr(content, "category") else ""


def _date_text(value: dt.datetime, spec: str) -> str:
    """``datetime.strftime(value, spec)`` for a spec of numeric directives only."""
    if value.year < 1000:  # C libraries differ in padding such years: let strftime say
        return dt.datetime.strftime(value, spec)
    return "".join(_DIRECTIVES[directive](value) for directive in spec[1::2])


def _formatted(value: Any, spec: str) -> str:
    if spec and type(value) in _DATE_TYPES and _NUMERIC_DATE_FORMAT.fullmatch(spec):
        return _date_text(value, spec)
    return format(value, spec)


def expand_url_setting(content: Content, key: str) -> str:
    """``content.get_url_setting(key)`` as Pelican computes it, the same string."""
    if type(content).url_format is not Content.url_format:
        return _ORIGINAL(content, key)  # type: ignore[no-any-return]  # Pelican is untyped
    override = "override_" + key
    if hasattr(content, override):
        return getattr(content, override)  # type: ignore[no-any-return]
    klass = _klass(content)
    setting = (f"{klass}_{key if content.in_default_lang else 'lang_' + key}").upper()
    template = content.settings.get(setting) if klass else None
    if template is None:
        return _ORIGINAL(content, key)  # type: ignore[no-any-return]
    text = str(template)
    if text not in _PARSED:
        _PARSED[text] = _parse(text)
    parts = _PARSED[text]
    if parts is None or (not hasattr(content, "date") and any(f == "date" for _, f, _ in parts)):
        return _ORIGINAL(content, key)  # type: ignore[no-any-return]
    # url_format reads these slugs whatever the setting names (a first read may log).
    if hasattr(content, "author"):
        content.author.slug  # noqa: B018
    if hasattr(content, "category"):
        content.category.slug  # noqa: B018
    return "".join(
        literal if field is None else literal + _formatted(_value(content, field), spec)
        for literal, field, spec in parts
    )


_CACHE = "_frozen_url_settings"


def _get_url_setting(self: Content, key: str) -> str:
    cache: dict[str, str] | None = self.__dict__.get(_CACHE)
    if cache is None:
        return expand_url_setting(self, key)
    if key not in cache:
        cache[key] = expand_url_setting(self, key)
    return cache[key]


def install_url_memo() -> None:
    """Route Pelican's URL lookups through the memo (idempotent, for the process)."""
    # Only objects that freeze() marked use the memo, so a build without frozen_urls in
    # the same process (tests, `make serve`) computes every value as before
    # (expand_url_setting gives Pelican's own strings, only faster).
    Content.get_url_setting = _get_url_setting


def freeze(content: Any) -> None:
    """From now on ``content``'s URL settings are computed once (articles and pages only: a
    static file's URL may still move when a page attaches it)."""
    if isinstance(content, Article | Page) and _CACHE not in content.__dict__:
        content.__dict__[_CACHE] = {}
