"""Future-dated articles wait for their time unless the editor asks; the newsroom settings
are checked when the build starts, naming the setting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from site_files import dated
from tests.stage_plugins import LINK_PLUGINS

from content_errors import SettingsError
from newsroom.settings import read_newsroom_settings

Build = Callable[..., tuple[Path, list[str]]]
BUILD_DATE = dt.datetime(2026, 1, 26, 12, 0, tzinfo=dt.UTC)
FUTURE = {
    "articles/2026-01-25-example-article-1.md": dated(1, "2026-01-25T10:00:00+00:00"),
    "articles/2026-01-27-example-article-2.md": dated(2, "2026-01-27T09:00:00+00:00"),
}
FUTURE_PAGE = "2026/01/27/example-article-2/index.html"


def test_a_future_article_is_held_until_its_time(build_site: Build) -> None:
    # With feeds: a held article is in none.
    output, problems = build_site(FUTURE, BUILD_DATE=BUILD_DATE, plugins=[*LINK_PLUGINS, "feeds"])
    assert problems == []
    assert (output / "2026/01/25/example-article-1/index.html").is_file()
    assert not (output / FUTURE_PAGE).exists()
    assert "Example article 2" not in (output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Example article 2" not in (output / "index.html").read_text(encoding="utf-8")


def test_publish_future_setting_publishes_it_now(build_site: Build) -> None:
    output, problems = build_site(FUTURE, BUILD_DATE=BUILD_DATE, PUBLISH_FUTURE=True)
    assert problems == []
    assert (output / FUTURE_PAGE).is_file()


def test_publish_future_in_front_matter_publishes_that_article(build_site: Build) -> None:
    files = dict(FUTURE)
    files["articles/2026-01-27-example-article-2.md"] = dated(
        2, "2026-01-27T09:00:00+00:00"
    ).replace("---\n\n", "publish_future: true\n---\n\n", 1)
    output, problems = build_site(files, BUILD_DATE=BUILD_DATE)
    assert problems == []
    assert (output / FUTURE_PAGE).is_file()


def test_publish_future_as_a_header_line(build_site: Build) -> None:
    article = "Title: Example article 2\nDate: 2026-01-27 09:00\nPublish_future: True\n\nText.\n"
    output, problems = build_site({"articles/a.md": article}, BUILD_DATE=BUILD_DATE)
    assert problems == []
    assert (output / FUTURE_PAGE).is_file()


def test_an_article_at_the_build_time_is_published(build_site: Build) -> None:
    output, problems = build_site(FUTURE, BUILD_DATE=dt.datetime(2026, 1, 27, 9, tzinfo=dt.UTC))
    assert problems == []
    assert (output / FUTURE_PAGE).is_file()


def test_defaults() -> None:
    site = read_newsroom_settings({"SITENAME": "Example site", "SITEURL": "", "DEFAULT_LANG": "en"})
    assert (site.sitemaps, site.publish_future) == (False, False)
    assert site.publisher_name == "Example site"
    assert site.news_language == "en"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"PUBLISHER_NAMES": "x"},
            "unknown newsroom setting PUBLISHER_NAMES (did you mean PUBLISHER_NAME?)",
        ),
        ({"SITEMAP": True}, "unknown newsroom setting SITEMAP (did you mean SITEMAPS?)"),
        ({"SITEMAPS": "yes"}, "SITEMAPS = 'yes' must be True or False"),
        ({"PUBLISH_FUTURE": 1}, "PUBLISH_FUTURE = 1 must be True or False"),
        ({"SITEMAPS": True, "SITEURL": ""}, "SITEMAPS = True needs an absolute SITEURL"),
        ({"PUBLISHER_NAME": ""}, "PUBLISHER_NAME = '' must be the publisher's name"),
        (
            {"PUBLISHER_URL": "news.example.org"},
            "PUBLISHER_URL = 'news.example.org' must be an absolute",
        ),
        (
            {"PUBLISHER_LOGO": "https://cdn.example.org/l.png"},
            "PUBLISHER_LOGO = 'https://cdn.example.org/l.png' must be a path on this site",
        ),
        (
            {"NEWS_SITEMAP_LANGUAGE": "English"},
            "NEWS_SITEMAP_LANGUAGE = 'English' must be an ISO 639",
        ),
    ],
)
def test_bad_settings_are_named(settings: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        read_newsroom_settings({"SITENAME": "Example site", **settings})
    # Every settings message names the settings file, then the key.
    assert str(caught.value).startswith("pelicanconf: " + message), str(caught.value)
    assert caught.value.key in message


def test_a_bad_setting_fails_the_build(build_site: Build) -> None:
    _, problems = build_site(FUTURE, PUBLISHER_NAMES="Example")
    assert any("unknown newsroom setting PUBLISHER_NAMES" in p for p in problems), problems


def test_an_undated_draft_with_updates_builds(build_site: Build) -> None:
    draft = (
        "---\ntitle: Example article 5\nstatus: draft\n"
        "updates:\n  - {date: 2026-01-26, note: Adds a synthetic figure.}\n---\n\nText.\n"
    )
    _, problems = build_site(
        {**FUTURE, "articles/example-article-5.md": draft}, BUILD_DATE=BUILD_DATE
    )
    assert problems == []


def test_update_dates_follow_the_article_time_zone(build_site: Build) -> None:
    article = (
        "---\ntitle: Example article 6\ndate: 2026-01-25T08:00:00+01:00\ntimezone: Europe/Berlin\n"
        "updates:\n  - {date: 2026-01-25T18:30, note: Adds a synthetic figure.}\n---\n\nText.\n"
    )
    output, problems = build_site({"articles/example-article-6.md": article}, BUILD_DATE=BUILD_DATE)
    assert problems == []
    html = (output / "2026/01/25/example-article-6/index.html").read_text(encoding="utf-8")
    assert (
        'Updated <time datetime="2026-01-25T18:30:00+01:00">25 Jan 2026, 18:30 CET</time>' in html
    )


def test_a_held_article_is_in_no_sitemap(build_site: Build) -> None:
    output, problems = build_site(
        FUTURE, settings="publishconf.py", SITEURL="https://news.example.org", BUILD_DATE=BUILD_DATE
    )
    assert problems == []
    for name in ("sitemap.xml", "news-sitemap.xml"):
        text = (output / name).read_text(encoding="utf-8")
        assert "example-article-1/" in text
        assert "example-article-2" not in text


def test_pelican_header_lines_work_too(build_site: Build) -> None:
    article = (
        "Title: Example article 7\nDate: 2026-01-25 10:00\nDateline: EXAMPLE CITY\n"
        "Authors: Example Writer, Example Editor\nSource: Example Agency\n\nText.\n"
    )
    output, problems = build_site({"articles/example-article-7.md": article}, BUILD_DATE=BUILD_DATE)
    assert problems == []
    html = (output / "2026/01/25/example-article-7/index.html").read_text(encoding="utf-8")
    assert 'By <span class="byline-author">Example Writer</span> and' in html
    assert 'with <span class="byline-source">Example Agency</span>' in html
    assert '"dateline": "EXAMPLE CITY"' in html
