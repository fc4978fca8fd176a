"""The feeds plugin's settings: defaults in one place, checked once when the build starts."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULTS", "FeedSettings", "FeedSettingsError", "read_feed_settings"]

DEFAULTS: dict[str, Any] = {
    # RFC 4151 tagging entity "<domain or email>,<date>": the owner of the ids, not the
    # address the site is served from, so ids survive domain moves and preview builds.
    "FEED_ID_AUTHORITY": "newsdigest.example.org,2026",
    # How many of the newest entries each feed holds.
    "FEEDS_MAX_ITEMS": 50,
}

# Pelican's own feed writers; ours write the same paths, so theirs must stay off.
PELICAN_FEED_SETTINGS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)

_DNS_NAME = (
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
)
_EMAIL = r"[A-Za-z0-9\-._]+@" + _DNS_NAME
_TAG_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
TAGGING_ENTITY = re.compile(rf"(?:{_DNS_NAME}|{_EMAIL}),{_TAG_DATE}")


class FeedSettingsError(ValueError):
    """A feeds setting that is missing, mistyped or conflicting; says which and what to do."""


@dataclass(frozen=True)
class FeedSettings:
    """What the feeds plugin reads from the Pelican settings."""

    id_authority: str
    max_items: int
    site_url: str
    feed_domain: str
    site_name: str
    site_subtitle: str
    author: str
    language: str


def read_feed_settings(settings: Mapping[str, Any]) -> FeedSettings:
    """Validate and return the feed settings; raise :class:`FeedSettingsError` if wrong."""
    _reject_unknown_keys(settings)
    for name in PELICAN_FEED_SETTINGS:
        if settings.get(name):
            raise FeedSettingsError(
                f"{name} = {settings[name]!r}: Pelican's own feeds are replaced by the feeds "
                f"plugin (set {name} = None in your settings)"
            )
    authority = settings.get("FEED_ID_AUTHORITY", DEFAULTS["FEED_ID_AUTHORITY"])
    if not isinstance(authority, str) or not TAGGING_ENTITY.fullmatch(authority):
        raise FeedSettingsError(
            f"FEED_ID_AUTHORITY = {authority!r} is not an RFC 4151 tagging entity "
            "(write '<domain or email you own>,<year or date>', e.g. 'news.example.org,2026'; "
            "keep it unchanged forever, it is part of every entry id)"
        )
    max_items = settings.get("FEEDS_MAX_ITEMS", DEFAULTS["FEEDS_MAX_ITEMS"])
    if not isinstance(max_items, int) or isinstance(max_items, bool) or max_items < 1:
        raise FeedSettingsError(
            f"FEEDS_MAX_ITEMS = {max_items!r} must be a whole number of at least 1"
        )
    site_url = str(settings.get("SITEURL") or "").rstrip("/")
    return FeedSettings(
        id_authority=authority,
        max_items=max_items,
        site_url=site_url,
        feed_domain=str(settings.get("FEED_DOMAIN") or site_url).rstrip("/"),
        site_name=str(settings.get("SITENAME") or ""),
        site_subtitle=str(settings.get("SITESUBTITLE") or ""),
        author=str(settings.get("AUTHOR") or settings.get("SITENAME") or ""),
        language=str(settings.get("DEFAULT_LANG") or "en"),
    )


def _reject_unknown_keys(settings: Mapping[str, Any]) -> None:
    known = set(DEFAULTS)
    for key in settings:
        # FEEDS_* are ours alone; FEED_* are Pelican's too, except the FEED_ID_* family.
        if key.startswith(("FEEDS_", "FEED_ID")) and key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"did you mean {close[0]}?" if close else f"known: {', '.join(sorted(known))}"
            raise FeedSettingsError(f"unknown setting {key} ({hint})")
