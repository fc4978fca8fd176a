"""The newsroom plugin's settings: declared once (defaults, checks), read once per build."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from build_state import build_of
from content_errors import SettingsError
from site_settings import (
    Setting,
    SettingsSchema,
    boolean,
    setting_values,
    settings_problems,
    whole_number,
)

__all__ = ["SCHEMA", "NewsroomSettings", "newsroom_settings", "read_newsroom_settings"]

# Google News accepts ISO 639 codes, and these two Chinese variants.
_NEWS_LANGUAGE = re.compile(r"[a-z]{2,3}|zh-cn|zh-tw")
_ABSOLUTE_URL = re.compile(r"https?://[^\s/?#]+(?:/[^\s]*)?")
_NAME = "the publisher's name as text (or leave it unset to use SITENAME)"
_URL = (
    "an absolute http(s) URL such as 'https://news.example.org' (or leave it unset to use SITEURL)"
)
_LANGUAGE = (
    "an ISO 639 language code such as 'en' (or 'zh-cn' / 'zh-tw'); it defaults to DEFAULT_LANG"
)


def _name(value: Any) -> str | None:
    return None if value is None or (isinstance(value, str) and value.strip()) else _NAME


def _url(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and (not value or _ABSOLUTE_URL.fullmatch(value))):
        return None
    return _URL


def _logo(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value and "://" not in value):
        return None
    return (
        "a path on this site such as 'images/logo.png' (the site loads nothing from other origins)"
    )


def _language(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and _NEWS_LANGUAGE.fullmatch(value)):
        return None
    return _LANGUAGE


def _site_url(settings: Mapping[str, Any]) -> str:
    return str(settings.get("SITEURL") or "").rstrip("/")


def _defaults_from_the_site(settings: Mapping[str, Any]) -> Iterator[SettingsError]:
    """The values taken from SITENAME, SITEURL and DEFAULT_LANG must be right too."""
    if settings.get("PUBLISHER_NAME") is None and _name(str(settings.get("SITENAME") or "")):
        yield SettingsError("PUBLISHER_NAME", f"PUBLISHER_NAME = '' must be {_NAME}")
    language = str(settings.get("DEFAULT_LANG") or "en").lower()
    if settings.get("NEWS_SITEMAP_LANGUAGE") is None and _language(language):
        yield SettingsError(
            "NEWS_SITEMAP_LANGUAGE", f"NEWS_SITEMAP_LANGUAGE = {language!r} must be {_LANGUAGE}"
        )
    site_url = _site_url(settings)
    if settings.get("SITEMAPS") is True and not _ABSOLUTE_URL.fullmatch(site_url):
        yield SettingsError(
            "SITEMAPS",
            f"SITEMAPS = True needs an absolute SITEURL (it is {site_url!r}): sitemaps and "
            "robots.txt must give full addresses (set SITEURL, or SITEMAPS = False)",
        )


SCHEMA = SettingsSchema(
    plugin="newsroom",
    settings=(
        Setting(
            "SITEMAPS",
            False,
            boolean,
            "Write sitemap.xml, news-sitemap.xml and robots.txt (publishconf.py turns them on: "
            "they need absolute URLs, which the preview build does not have).",
        ),
        Setting(
            "PUBLISH_FUTURE",
            False,
            boolean,
            "Publish articles dated in the future now, instead of keeping them as drafts.",
        ),
        Setting(
            "PUBLISHER_NAME",
            None,
            _name,
            "The publisher in JSON-LD and the Google News sitemap; None: SITENAME.",
        ),
        Setting("PUBLISHER_URL", None, _url, "The publisher's address; None: SITEURL."),
        Setting(
            "PUBLISHER_LOGO",
            None,
            _logo,
            'A logo for JSON-LD, as a path on the site (e.g. "theme/img/logo.png"); None: none.',
        ),
        Setting(
            "NEWS_SITEMAP_LANGUAGE",
            None,
            _language,
            "<news:language> of the Google News sitemap; None: DEFAULT_LANG.",
        ),
        Setting(
            "CORRECTIONS_PAGE_SIZE",
            50,
            whole_number(0),
            "Entries per page of the corrections log (page 2 at corrections/page/2/); 0: one page.",
        ),
    ),
    # Settings with these prefixes belong to this plugin: a misspelt one is an error.
    prefixes=("PUBLISHER_", "NEWSROOM_", "NEWS_SITEMAP", "SITEMAP", "PUBLISH_", "CORRECTIONS_"),
    extra=(_defaults_from_the_site,),
    unknown_label="newsroom setting",
)


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
    corrections_page_size: int


def _resolve(settings: Mapping[str, Any]) -> NewsroomSettings:
    values = setting_values(SCHEMA, settings)
    site_url = _site_url(settings)
    name = values["PUBLISHER_NAME"] or str(settings.get("SITENAME") or "")
    url = site_url if values["PUBLISHER_URL"] is None else values["PUBLISHER_URL"]
    logo = values["PUBLISHER_LOGO"]
    language = values["NEWS_SITEMAP_LANGUAGE"] or str(settings.get("DEFAULT_LANG") or "en").lower()
    return NewsroomSettings(
        sitemaps=values["SITEMAPS"] and bool(_ABSOLUTE_URL.fullmatch(site_url)),
        publish_future=values["PUBLISH_FUTURE"],
        publisher_name=name.strip(),
        publisher_url=url.rstrip("/"),
        publisher_logo=logo.lstrip("/") if isinstance(logo, str) else None,
        news_language=language if not _language(language) else "en",
        site_url=site_url,
        corrections_page_size=values["CORRECTIONS_PAGE_SIZE"],
    )


def read_newsroom_settings(settings: Mapping[str, Any]) -> NewsroomSettings:
    """Check and return the settings; raise the first :class:`SettingsError` if wrong."""
    problems = settings_problems(SCHEMA, settings)
    if problems:
        raise problems[0]
    return _resolve(settings)


def newsroom_settings(settings: Mapping[str, Any]) -> NewsroomSettings:
    """The build's settings, read once per build; a wrong value (reported when the build
    started) is replaced by its default."""
    return build_of(settings).state("newsroom.settings", lambda: _resolve(settings))
