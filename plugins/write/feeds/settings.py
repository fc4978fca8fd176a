"""The feeds plugin's settings: declared once (defaults, checks), read once per build."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from content_errors import SettingsError
from site_settings import Setting, SettingsSchema, optional, setting_values, whole_number

__all__ = ["SCHEMA", "FeedSettings", "read_feed_settings"]

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


def _tagging_entity(value: Any) -> str | None:
    if isinstance(value, str) and TAGGING_ENTITY.fullmatch(value):
        return None
    return (
        "an RFC 4151 tagging entity: '<domain or email you own>,<year or date>', e.g. "
        "'news.example.org,2026' (keep it unchanged forever, it is part of every entry id)"
    )


def _hub_url(value: Any) -> str | None:
    """An absolute http(s) URL with a host, nothing that would break out of an attribute."""
    wanted = "an http(s) URL of a WebSub hub, e.g. 'https://pubsubhubbub.appspot.com/'"
    if not isinstance(value, str) or any(c in value for c in string.whitespace + "\"'<>"):
        return wanted
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.fragment:
        return wanted
    return None


def _pelican_feeds_off(settings: Mapping[str, Any]) -> Iterator[SettingsError]:
    for name in PELICAN_FEED_SETTINGS:
        if settings.get(name):
            yield SettingsError(
                name,
                f"{name} = {settings[name]!r}: Pelican's own feeds are replaced by the feeds "
                f"plugin (set {name} = None in your settings)",
            )


SCHEMA = SettingsSchema(
    plugin="feeds",
    settings=(
        Setting(
            "FEED_ID_AUTHORITY",
            "newsdigest.example.org,2026",
            _tagging_entity,
            "RFC 4151 tagging entity '<domain or email>,<date>' that owns the entry ids (not "
            "the address the site is served from, so ids survive domain moves); never change it",
        ),
        Setting(
            "FEEDS_MAX_ITEMS",
            50,
            whole_number(1),
            "How many of the newest entries each feed holds.",
        ),
        Setting(
            "WEBSUB_HUB",
            None,
            optional(_hub_url),
            "The WebSub hub every feed declares (rel=hub); `make publish` tells it which feeds "
            "changed. Unset: no hub, no notification.",
        ),
    ),
    # FEEDS_* and WEBSUB_* are ours alone; FEED_* are Pelican's too, except FEED_ID_*.
    prefixes=("FEEDS_", "FEED_ID", "WEBSUB_"),
    extra=(_pelican_feeds_off,),
)


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
    websub_hub: str | None
    build_date: datetime | None


def read_feed_settings(settings: Mapping[str, Any]) -> FeedSettings:
    """The feed settings, the default wherever a value is wrong (reported at start-up)."""
    values = setting_values(SCHEMA, settings)
    site_url = str(settings.get("SITEURL") or "").rstrip("/")
    return FeedSettings(
        id_authority=values["FEED_ID_AUTHORITY"],
        max_items=values["FEEDS_MAX_ITEMS"],
        site_url=site_url,
        feed_domain=str(settings.get("FEED_DOMAIN") or site_url).rstrip("/"),
        site_name=str(settings.get("SITENAME") or ""),
        site_subtitle=str(settings.get("SITESUBTITLE") or ""),
        author=str(settings.get("AUTHOR") or settings.get("SITENAME") or ""),
        language=str(settings.get("DEFAULT_LANG") or "en"),
        websub_hub=values["WEBSUB_HUB"],
        build_date=_build_date(settings.get("BUILD_DATE")),
    )


def _build_date(value: Any) -> datetime | None:
    # scripts/build.py sets BUILD_DATE from SOURCE_DATE_EPOCH (an aware datetime) or None.
    if isinstance(value, datetime) and value.utcoffset() is not None:
        return value
    return None
