"""A synthetic live article built as a small site: the page, its state at two build dates,
its LiveBlogPosting JSON-LD, its own feed (validated), a hub's timeline and valid HTML."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from tests.write.feeds.feed_checks import check_all_feeds

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "live" / "example-live-coverage-1.md"
VNU_JAR = ROOT / "tests" / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITE = "https://newsdigest.example.org"
PAGE = "2026/01/25/example-live-coverage-1/index.html"
TOPIC = """---
title: Example signal
phrases: [example signal]
---
A synthetic topic for the live coverage tests.
"""
DURING = dt.datetime(2026, 1, 25, 15, 0, tzinfo=dt.UTC)
AFTER = dt.datetime(2026, 1, 26, 9, 0, tzinfo=dt.UTC)

BuildSite = Callable[..., tuple[Path, list[str]]]


def _build(build_site: BuildSite, when: dt.datetime, **settings: Any) -> Path:
    files = {
        "articles/example-live-coverage-1.md": FIXTURE.read_text(encoding="utf-8"),
        "topics/example-signal.md": TOPIC,
    }
    output, problems = build_site(files, BUILD_DATE=when, **settings)
    assert problems == [], problems
    return output


def _page(output: Path) -> BeautifulSoup:
    return BeautifulSoup((output / PAGE).read_text(encoding="utf-8"), "html.parser")


def _json_ld(page: BeautifulSoup) -> dict[str, Any]:
    script = page.find("script", type="application/ld+json")
    assert script is not None
    graph = json.loads(script.string or "")["@graph"]
    return next(node for node in graph if node["@type"] == "LiveBlogPosting")


def test_the_page_shows_pinned_then_key_events_then_entries_newest_first(build_site):
    page = _page(_build(build_site, DURING))
    body = page.select_one(".article-body")
    assert body is not None
    entries = body.select("article.live-entry")
    ids = [entry["id"] for entry in entries]
    # The pinned entry first, then every other entry newest first.
    assert ids == [
        "entry-20260125-1030",
        "entry-example-entry-3",
        "entry-20260125-1100",
        "entry-20260125-0900",
    ]
    assert "live-entry-pinned" in entries[0]["class"]
    # The key events list comes after the pinned entry, before the others.
    key_events = body.select_one("nav.live-key-events")
    assert key_events is not None
    order = [tag for tag in body.find_all(["article", "nav"]) if tag.get("id") or tag.name == "nav"]
    assert order.index(key_events) == 1
    links = [a["href"] for a in key_events.select("li a")]
    assert links == ["#entry-example-entry-3", "#entry-20260125-0900"]
    for entry in entries:
        # Each entry links to its own anchor, its time in <time datetime>.
        link = entry.select_one("a.live-entry-time")
        assert link is not None and link["href"] == f"#{entry['id']}"
        time = link.find("time")
        assert time is not None and dt.datetime.fromisoformat(str(time["datetime"]))
    assert "Example point one." in entries[1].get_text()
    assert entries[1].select_one("figure.embedded-post") is not None
    # The intro stays first; the page has no script from content.
    assert body.find("p").get_text().startswith("A plainly synthetic live article")
    assert page.find("script", src=lambda src: src and "live" in src) is None


def test_the_state_is_live_during_coverage_and_ended_after_it(build_site, tmp_path):
    during = _page(_build(build_site, DURING))
    status = during.select_one(".live-status")
    assert status is not None and "live-status-live" in status["class"]
    assert status.select_one(".live-badge").get_text(strip=True) == "Live"
    updated = status.select_one("a time")
    assert updated["datetime"] == "2026-01-25T12:15:00+00:00"
    shutil.rmtree(tmp_path / "output")
    after = _page(_build(build_site, AFTER))
    status = after.select_one(".live-status")
    assert status is not None and "live-status-ended" in status["class"]
    assert status.select_one(".live-badge").get_text(strip=True) == "Coverage ended"


def test_the_anchors_are_the_same_in_every_build(build_site, tmp_path):
    first = [a["id"] for a in _page(_build(build_site, DURING)).select("article.live-entry")]
    shutil.rmtree(tmp_path / "output")
    again = [a["id"] for a in _page(_build(build_site, AFTER)).select("article.live-entry")]
    assert first == again


def test_the_json_ld_is_a_live_blog_posting_with_its_updates(build_site):
    blog = _json_ld(_page(_build(build_site, DURING, SITEURL=SITE)))
    for required in ("headline", "datePublished", "coverageStartTime", "coverageEndTime"):
        assert blog[required], required
    assert blog["coverageStartTime"] == "2026-01-25T08:00:00+00:00"
    assert blog["coverageEndTime"] == "2026-01-25T20:00:00+00:00"
    assert "dateline" not in blog
    updates = blog["liveBlogUpdate"]
    assert [u["datePublished"][11:16] for u in updates] == ["12:15", "11:00", "10:30", "09:00"]
    for update in updates:
        assert update["@type"] == "BlogPosting"
        assert update["headline"] and update["articleBody"]
        assert update["url"].startswith(f"{SITE}/2026/01/25/example-live-coverage-1/#entry-")
    assert updates[3]["headline"] == "Example entry 1: the example signal starts"


def test_the_live_feed_lists_the_entries_and_passes_the_feed_checks(build_site):
    output = _build(build_site, DURING, SITEURL=SITE, FEED_DOMAIN=SITE)
    checked = {path.relative_to(output).as_posix() for path in check_all_feeds(output, SITE)}
    live = "feeds/live/example-live-coverage-1"
    assert {f"{live}.atom.xml", f"{live}.rss.xml", f"{live}.json"} <= checked
    feed = json.loads((output / f"{live}.json").read_text(encoding="utf-8"))
    assert [item["url"].rsplit("#", 1)[1] for item in feed["items"]] == [
        "entry-example-entry-3",
        "entry-20260125-1100",
        "entry-20260125-1030",
        "entry-20260125-0900",
    ]
    assert feed["items"][0]["id"].endswith(
        ":article/2026-01-25/example-live-coverage-1/entry/entry-example-entry-3"
    )
    # Advertised on the article's page, and only there.
    page = _page(output)
    hrefs = [link["href"] for link in page.find_all("link", rel="alternate")]
    assert any(href.endswith(f"{live}.atom.xml") for href in hrefs)
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not any("feeds/live/" in link["href"] for link in home.find_all("link", rel="alternate"))


def test_a_hub_timeline_lists_the_key_events_that_match_its_topic(build_site):
    output = _build(build_site, DURING)
    hub = BeautifulSoup(
        (output / "topics/example-signal/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    links = [a["href"].rsplit("/", 1)[1] for a in hub.select(".topic-development a")]
    # Entry 4 matches the topic too but is no key event; entry 2 does not match.
    assert links == ["#entry-example-entry-3", "#entry-20260125-0900"]


def test_the_live_page_is_valid_html(build_site):
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.skip("the Nu Html Checker is not installed (make test-tools)")
    output = _build(build_site, DURING)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", str(output / PAGE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr or result.stdout
