"""The newsroom plugin's settings: defaults in one place, checked once when the build starts."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULTS", "NewsroomSettings", "NewsroomSettingsError", "read_newsroom_settings"]

DEFAULTS: dict[str, Any] = {
    # Write sitemap.xml, news-sitemap.xml and robots.txt (publishconf.py turns them on:
    # they need absolute URLs, which the preview build does not have).
    "SITEMAPS": False,
    # Publish articles dated in the future now, instead of keeping them as drafts.
    "PUBLISH_FUTURE": False,
    # The publisher in JSON-LD and the Google News sitemap; None means SITENAME / SITEURL.
    "PUBLISHER_NAME": None,
    "PUBLISHER_URL": None,
    # A logo for JSON-LD, as a path on the site (e.g. "theme/img/logo.png"); None: none.
    "PUBLISHER_LOGO": None,
    # <news:language> of the Google News sitemap; None means DEFAULT_LANG.
    "NEWS_SITEMAP_LANGUAGE": None,
}
# Settings with these prefixes belong to this plugin: a misspelt one is an error.
_OWN_PREFIXES = ("PUBLISHER_", "NEWSROOM_", "NEWS_SITEMAP", "SITEMAP", "PUBLISH_")
# Google News accepts ISO 639 codes, and these two Chinese variants.
_NEWS_LANGUAGE = re.compile(r"[a-z]{2,3}|zh-cn|zh-tw")
_ABSOLUTE_URL = re.compile(r"https?://[^\s/?#]+(?:/[^\s]*)?")


class NewsroomSettingsError(ValueError):
    """A newsroom setting that is unknown, mistyped or conflicting; says which and what to do."""


@dataclass(frozen=True)
class NewsroomSettings:
    """What the newsroom plugin reads from the Pelican settings, defaults applied."""

    sitemaps: bool
    publish_future: bool
    publisher_name: str
    publisher_url: str
    publisher_logo: str | None
    news_language: str
    site_url: str


def read_newsroom_settings(settings: Mapping[str, Any]) -> NewsroomSettings:
    """Validate and return the settings; raise :class:`NewsroomSettingsError` if wrong."""
    _reject_unknown_keys(settings)
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    for key in ("SITEMAPS", "PUBLISH_FUTURE"):
        if not isinstance(values[key], bool):
            raise NewsroomSettingsError(f"{key} = {values[key]!r} must be True or False")
    site_url = str(settings.get("SITEURL") or "").rstrip("/")
    name = values["PUBLISHER_NAME"]
    if name is None:
        name = str(settings.get("SITENAME") or "")
    if not isinstance(name, str) or not name.strip():
        raise NewsroomSettingsError(
            f"PUBLISHER_NAME = {name!r} must be the publisher's name as text "
            "(or leave it unset to use SITENAME)"
        )
    url = values["PUBLISHER_URL"]
    if url is None:
        url = site_url
    if not isinstance(url, str) or (url and not _ABSOLUTE_URL.fullmatch(url)):
        raise NewsroomSettingsError(
            f"PUBLISHER_URL = {url!r} must be an absolute http(s) URL such as "
            "'https://news.example.org' (or leave it unset to use SITEURL)"
        )
    logo = values["PUBLISHER_LOGO"]
    if logo is not None and (not isinstance(logo, str) or not logo or "://" in logo):
        raise NewsroomSettingsError(
            f"PUBLISHER_LOGO = {logo!r} must be a path on this site such as "
            "'images/logo.png' (the site loads nothing from other origins)"
        )
    language = values["NEWS_SITEMAP_LANGUAGE"]
    if language is None:
        language = str(settings.get("DEFAULT_LANG") or "en").lower()
    if not isinstance(language, str) or not _NEWS_LANGUAGE.fullmatch(language):
        raise NewsroomSettingsError(
            f"NEWS_SITEMAP_LANGUAGE = {language!r} must be an ISO 639 language code such as "
            "'en' (or 'zh-cn' / 'zh-tw'); it defaults to DEFAULT_LANG"
        )
    if values["SITEMAPS"] and not _ABSOLUTE_URL.fullmatch(site_url):
        raise NewsroomSettingsError(
            f"SITEMAPS = True needs an absolute SITEURL (it is {site_url!r}): sitemaps and "
            "robots.txt must give full addresses (set SITEURL, or SITEMAPS = False)"
        )
    return NewsroomSettings(
        sitemaps=values["SITEMAPS"],
        publish_future=values["PUBLISH_FUTURE"],
        publisher_name=name.strip(),
        publisher_url=url.rstrip("/"),
        publisher_logo=logo.lstrip("/") if isinstance(logo, str) else None,
        news_language=language,
        site_url=site_url,
    )


def _reject_unknown_keys(settings: Mapping[str, Any]) -> None:
    for key in settings:
        if key in DEFAULTS or not key.startswith(_OWN_PREFIXES):
            continue
        close = difflib.get_close_matches(key, list(DEFAULTS), n=1)
        hint = f"did you mean {close[0]}?" if close else "known: " + ", ".join(sorted(DEFAULTS))
        raise NewsroomSettingsError(f"unknown newsroom setting {key} ({hint})")
