"""In a real browser: one search finds articles of two index shards (two quarters)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import finish, open_visit, require_chromium, served

from build import build

require_chromium()
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


# A word found in one article only.
OWN_WORD = {1: "quokkaword", 2: "wombatword", 3: "numbatword"}


def _article(number: int, date: str) -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: {date}T09:00:00+00:00\n"
        f"summary: Synthetic summary {number}.\n---\n\n"
        f"Synthetic body {number} mentions the exampleword marker and {OWN_WORD[number]}.\n"
    )


@pytest.fixture(scope="module")
def two_quarter_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Articles in the first and second quarter of 2026 (two shards), served locally."""
    base = tmp_path_factory.mktemp("two-quarters")
    content = base / "content" / "articles"
    content.mkdir(parents=True)
    for number, date in [(1, "2026-02-03"), (2, "2026-05-12"), (3, "2026-05-13")]:
        (content / f"example-{number}.md").write_text(_article(number, date), encoding="utf-8")
    pages = base / "content" / "pages"
    pages.mkdir()
    seed_pages = ROOT / "tests/fixtures/seed_site/content/pages"
    (pages / "search.md").write_bytes((seed_pages / "search.md").read_bytes())
    output = base / "output"
    overrides = {"PATH": str(base / "content"), "CACHE_PATH": str(base / "cache")}
    problems = build(ROOT / "pelicanconf.py", output, overrides=overrides)
    assert problems == [], "\n".join(problems)
    assert (output / "pagefind" / "2026-q1" / "pagefind.js").is_file()
    assert (output / "pagefind" / "2026-q2" / "pagefind.js").is_file()
    with served(output) as url:
        yield url


def test_one_search_finds_articles_in_two_shards(browser: object, two_quarter_site: str) -> None:
    context, visit = open_visit(browser, two_quarter_site, viewport={"width": 1280, "height": 900})
    page = visit.page
    visit.open("search/?q=exampleword")
    page.wait_for_function("() => document.querySelectorAll('.search-result').length === 3")
    titles = page.locator(".search-result-title a").all_inner_texts()
    assert sorted(titles) == ["Example article 1", "Example article 2", "Example article 3"]
    links = page.locator(".search-result-title a").evaluate_all("links => links.map(a => a.href)")
    assert any("/2026/02/03/example-article-1/" in link for link in links), links
    assert re.match(
        r"3 results for “exampleword”", page.locator("[data-search-status]").inner_text()
    )
    # A word of one article only, in the shard merged into the first one loaded (2026-q2).
    page.goto(two_quarter_site + "search/?q=quokkaword")
    page.wait_for_function(
        "() => /1 result for/.test(document.querySelector('[data-search-status]').textContent)"
    )
    assert page.locator(".search-result-title a").all_inner_texts() == ["Example article 1"]
    finish(context, visit)
