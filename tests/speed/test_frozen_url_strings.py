"""pelican_compat.url_settings: every URL setting expands to Pelican's own string."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article, Content, Page, Static
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category
from pelican.utils import SafeDatetime

from pelican_compat import url_settings as expand
from pelican_compat.url_settings import expand_url_setting


def PELICAN(content: Content, key: str) -> str:  # noqa: N802  # a constant-like reference
    """Pelican's get_url_setting, written out: Content.get_url_setting may be patched."""
    if hasattr(content, "override_" + key):
        return getattr(content, "override_" + key)  # type: ignore[no-any-return]
    return content._expand_settings(key if content.in_default_lang else f"lang_{key}")  # type: ignore[no-any-return]


# Settings texts: the project's, Pelican's defaults, and shapes the fast path must hand
# back to Pelican (metadata fields, conversions, nested or locale formats, '-' prefixes).
TEMPLATES = [
    "{date:%Y}/{date:%m}/{date:%d}/{slug}/",
    "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html",
    "{slug}.html",
    "{slug}-{lang}.html",
    "pages/{slug}/",
    "{path}",
    "{category}/{author}/{slug}.html",
    "{date:%Y%m%d%H%M%S}-{date:%j}-{date:%y}/",
    "{date:%-d}/{date:%B}/{date:%a}/{slug}",
    "{date:%Y-%m-%d}/{date}/{date:}",
    "{title}/{slug}",
    "{slug!r}/{slug!s}",
    "{{literal}}/{slug:>12}",
    "{date:%%Y}/{date:%q}/{slug}",
    "{missing}",
    "{0}",
    "",
    "{slug",
]
DATES = [
    SafeDatetime(2026, 1, 5, 9, 7, 3, tzinfo=ZoneInfo("UTC")),
    SafeDatetime(2024, 12, 31, 23, 59, tzinfo=ZoneInfo("Europe/Paris")),
    SafeDatetime(5, 2, 3),
    dt.datetime.max.replace(tzinfo=ZoneInfo("UTC")),
    dt.datetime(2026, 3, 4, 5, 6, 7),
]


def _settings(template: str) -> dict[str, Any]:
    settings = {**DEFAULT_CONFIG, "PATH": "/site/content"}
    for prefix in ("ARTICLE", "DRAFT", "PAGE", "DRAFT_PAGE", "STATIC"):
        for key in ("URL", "SAVE_AS", "LANG_URL", "LANG_SAVE_AS"):
            settings[f"{prefix}_{key}"] = template
    return settings


def _content(kind: type[Content], template: str, **metadata: Any) -> Content:
    settings = _settings(template)
    metadata = {"title": "Example article 3", "slug": "example-3", **metadata}
    if "author" in metadata:
        metadata["author"] = Author(metadata["author"], settings)
    if "category" in metadata:
        metadata["category"] = Category(metadata["category"], settings)
    return kind(
        "<p>x</p>",
        metadata,
        settings=settings,
        source_path="/site/content/articles/example 3.md",
    )


def _outcome(compute: Any, content: Content, key: str) -> tuple[str, Any]:
    try:
        return ("value", compute(content, key))
    except Exception as error:  # the same exception type, or both fine
        return ("error", type(error))


CASES = list(
    itertools.product(
        TEMPLATES,
        [Article, Page, Static],
        [{}, {"status": "draft"}, {"lang": "fr"}, {"author": "Example Writer", "category": "News"}],
    )
)


@pytest.mark.parametrize(("template", "kind", "extra"), CASES)
def test_same_string_as_pelican(template: str, kind: type[Content], extra: dict[str, Any]) -> None:
    for date in DATES:
        content = _content(kind, template, date=date, **extra)
        for key in ("url", "save_as"):
            assert _outcome(expand_url_setting, content, key) == _outcome(PELICAN, content, key)


def test_undated_content_and_overrides_are_pelicans() -> None:
    page = _content(Page, "{date:%Y}/{slug}/")
    assert _outcome(expand_url_setting, page, "url") == _outcome(PELICAN, page, "url")
    article = _content(Article, "{slug}/", date=DATES[0], url="elsewhere/", save_as="x.html")
    assert expand_url_setting(article, "url") == "elsewhere/" == PELICAN(article, "url")
    assert expand_url_setting(article, "save_as") == "x.html"


def test_a_subclass_that_expands_its_own_way_is_left_to_it() -> None:
    class Special(Article):  # type: ignore[misc]  # Pelican is untyped
        def _expand_settings(self, key: str) -> str:
            return f"special/{key}"

    special = _content(Special, "{slug}/", date=DATES[0])
    assert expand_url_setting(special, "url") == "special/url"


def test_the_projects_settings_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    article = _content(Article, TEMPLATES[0], date=DATES[0])
    page = _content(Page, "{slug}/")

    def refuse(content: Content, key: str) -> str:
        raise AssertionError("fell back to Pelican")

    monkeypatch.setattr(expand, "_ORIGINAL", refuse)
    assert expand_url_setting(article, "url") == "2026/01/05/example-3/"
    assert expand_url_setting(page, "save_as") == "example-3/"
