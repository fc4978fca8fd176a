"""Theme behaviour on tiny synthetic sites: paginated archives and the search index step."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from theme_pages import parse

from search_index import SearchIndexError, build_search_index

BuildSite = Callable[..., tuple[Path, list[str]]]


def _article(number: int, day: int) -> str:
    return (
        f"---\ntitle: Example article {number}\n"
        f"date: 2026-03-{day:02d}T{8 + number:02d}:00:00+00:00\n"
        f"summary: Synthetic summary {number}.\n---\n\nSynthetic body {number}.\n"
    )


def test_archives_are_paginated_and_grouped_by_day(build_site: BuildSite) -> None:
    files = {f"articles/example-{n}.md": _article(n, day) for n, day in [(1, 1), (2, 1), (3, 2)]}
    output, problems = build_site(
        files, PAGINATED_TEMPLATES={"index": None, "tag": None, "archives": 2}
    )
    assert problems == []
    first = parse(output / "archives" / "index.html")
    days = [h2.get_text(strip=True) for h2 in first.select("main .archive-day h2")]
    assert days == ["Monday 2 March 2026", "Sunday 1 March 2026"]
    assert [a.get_text() for a in first.select(".archive-list a")] == [
        "Example article 3",
        "Example article 2",
    ]
    assert first.select_one(".pagination a[rel=next]")["href"] == "../archives/page/2/"
    second = parse(output / "archives" / "page" / "2" / "index.html")
    assert [a.get_text() for a in second.select(".archive-list a")] == ["Example article 1"]
    assert second.select_one(".pagination a[rel=prev]") is not None
    assert "page 2" in second.title.get_text()


def test_home_is_paginated_with_newer_and_older_links(build_site: BuildSite) -> None:
    files = {f"articles/example-{n}.md": _article(n, n) for n in range(1, 4)}
    output, problems = build_site(files, DEFAULT_PAGINATION=2)
    assert problems == []
    home = parse(output / "index.html")
    assert [a.get_text() for a in home.select(".teaser-title a")] == [
        "Example article 3",
        "Example article 2",
    ]
    older = home.select_one(".pagination a[rel=next]")["href"]
    page_two = parse(output / older.removeprefix("./") / "index.html")
    assert [a.get_text() for a in page_two.select(".teaser-title a")] == ["Example article 1"]
    assert page_two.select_one("section.latest h2").get_text() == "Older articles"
    assert page_two.find("meta", attrs={"name": "description"})["content"].endswith("page 2.")
    assert page_two.title.get_text() != home.title.get_text()


def test_every_built_site_gets_a_search_index(build_site: BuildSite) -> None:
    output, problems = build_site({"articles/example-1.md": _article(1, 1)})
    assert problems == []
    shards = json.loads((output / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards == {"shards": ["2026-q1/"]}
    assert (output / "pagefind" / "2026-q1" / "pagefind.js").is_file()


def test_a_failed_index_is_an_error_naming_pagefind(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no built site"):
        build_search_index(tmp_path / "missing")  # more in tests/write/search/


def _topic_article(number: int, day: int, heading: str, text: str, point: str) -> str:
    return (
        f"---\ntitle: Example article {number}\n"
        f"date: 2026-03-{day:02d}T09:00:00+00:00\n"
        f"key_points:\n  - {point}\n---\n\nSynthetic lead {number}.\n\n## {heading}\n\n{text}\n"
    )


def test_home_digest_groups_the_latest_developments_by_topic(build_site: BuildSite) -> None:
    files = {
        "topics/example-alpha.md": "---\ntitle: Example alpha\nphrases: [alphaword]\n---\nAlpha.\n",
        "topics/example-beta.md": "---\ntitle: Example beta\nphrases: [betaword]\n---\nBeta.\n",
        "topics/example-gamma.md": "---\ntitle: Example gamma\nphrases: [gammaword]\n---\nNone.\n",
        "articles/example-1.md": _topic_article(
            1, 1, "Alpha one", "An alphaword.", "Alphaword one."
        ),
        "articles/example-2.md": _topic_article(2, 2, "Beta two", "A betaword.", "Betaword two."),
        "articles/example-3.md": _topic_article(
            3, 3, "Alpha three", "An alphaword.", "Alphaword 3."
        ),
    }
    output, problems = build_site(files)
    assert problems == []
    home = parse(output / "index.html")
    topics = home.select("section.digest .digest-topic")
    # newest development first; a topic with no article is left out
    assert [t.h3.get_text(strip=True) for t in topics] == ["Example alpha", "Example beta"]
    alpha = topics[0]
    assert alpha.h3.a["href"] == "./topics/example-alpha/"
    assert [li.get_text(strip=True) for li in alpha.select(".digest-points li")] == [
        "Alphaword 3.",
        "Alphaword one.",
    ]
    articles = alpha.select(".digest-links > li > a")
    assert [a.get_text() for a in articles] == ["Example article 3", "Example article 1"]
    sections = [a["href"] for a in alpha.select(".digest-sections a")]
    assert sections == [
        "./2026/03/03/example-article-3/#alpha-three",
        "./2026/03/01/example-article-1/#alpha-one",
    ]
    # the digest is on the first page only; the latest articles follow it
    assert home.select_one("section.digest ~ section.latest") is not None
    # settings say how much it shows
    output, problems = build_site(files, DIGEST_TOPICS=1, DIGEST_KEY_POINTS=1, DIGEST_ARTICLES=1)
    assert problems == []
    home = parse(output / "index.html")
    assert len(home.select(".digest-topic")) == 1
    assert len(home.select(".digest-points li")) == 1
    assert len(home.select(".digest-links > li")) == 1


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_search_index_is_the_same_on_every_build(build_site: BuildSite, tmp_path: Path) -> None:
    """Reproducible builds: the index, topics included, does not change between builds."""
    files = {
        "topics/example-alpha.md": "---\ntitle: Example alpha\nphrases: [alphaword]\n---\nA.\n",
        "topics/example-beta.md": "---\ntitle: Example beta\nphrases: [betaword]\n---\nB.\n",
        "topics/example-gamma.md": "---\ntitle: Example gamma\nphrases: [gammaword]\n---\nC.\n",
        "articles/example-1.md": _topic_article(
            1, 1, "Alpha beta gamma", "alphaword betaword gammaword", "Alphaword."
        ),
    }
    output, problems = build_site(files)
    assert problems == []
    first = _tree_digest(output / "pagefind")
    output, problems = build_site(files)
    assert problems == []
    assert _tree_digest(output / "pagefind") == first
    page = parse(output / "2026" / "03" / "01" / "example-article-1" / "index.html")
    topics = page.select_one("[data-pagefind-meta=topics]")
    assert json.loads(topics.get_text()) == ["Example alpha", "Example beta", "Example gamma"]
