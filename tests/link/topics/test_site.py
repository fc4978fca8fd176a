"""Tiny real sites with topics: hub pages, the topic index, article cross-links, errors;
and the real site's mission hubs."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tests.stage_plugins import LINK_PLUGINS

from build import build

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(__file__).parent / "corpus"


def _corpus_files() -> dict[str, str]:
    return {
        str(path.relative_to(CORPUS)): path.read_text(encoding="utf-8")
        for path in CORPUS.rglob("*.md")
    }


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus built once with the project's settings, the link stage's plugins
    and feeds (a hub links its topic's feeds)."""
    content = tmp_path_factory.mktemp("topics-site") / "content"
    for name, text in _corpus_files().items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    output = content.parent / "output"
    overrides = {"PATH": str(content), "PLUGINS": [*LINK_PLUGINS, "feeds"]}
    problems = build(ROOT / "pelicanconf.py", output, overrides=overrides)
    assert problems == []
    return output


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _tail(href: str) -> str:
    """``../../2026/03/03/example-article-4/#x`` -> ``2026/03/03/example-article-4/#x``."""
    return href.lstrip("./").replace("../", "")


def test_a_hub_shows_intro_timeline_by_day_and_deep_links(corpus_site):
    hub = _soup(corpus_site / "topics/example-council/index.html")
    assert hub.select_one("main h1").get_text(strip=True) == "Example council"
    assert hub.select_one(".topic-intro").get_text(strip=True) == (
        "A synthetic topic about an example council."
    )
    days = [time["datetime"] for time in hub.select(".topic-timeline h3 time")]
    assert days == ["2026-03-03", "2026-03-02", "2026-03-01"]
    headlines = [a.get_text(strip=True) for a in hub.select(".topic-entry h4 a")]
    assert headlines == [
        "Example article 4",
        "Example article 3",
        "Example article 2",
        "Example article 1",
    ]
    links = [_tail(a["href"]) for a in hub.select(".topic-development > a")]
    assert links == [
        "2026/03/03/example-article-4/#council-meeting",
        "2026/03/02/example-article-3/#town-hall-vote",
        "2026/03/02/example-article-2/",
        "2026/03/01/example-article-1/",
    ]
    headings = [a.get_text(strip=True) for a in hub.select(".topic-development > a")]
    assert headings[:2] == ["Council meeting", "Town hall vote"]
    assert headings[2] == "From the top of the article"
    excerpts = [p.get_text(strip=True) for p in hub.select(".topic-excerpt")]
    assert excerpts[:2] == ["The council met.", "The vote at the town hall was delayed."]


def test_a_hub_lists_key_points_related_topics_and_its_feeds(corpus_site):
    hub = _soup(corpus_site / "topics/example-harbour/index.html")
    points = [li.contents[0].strip() for li in hub.select(".topic-key-points li")]
    assert points == ["The harbour reopened."]
    related = [_tail(a["href"]) for a in hub.select(".topic-related a")]
    assert related == ["topics/example-council/", "topics/example-bridge/"]
    feeds = [_tail(a["href"]) for a in hub.select(".topic-feeds a")]
    assert feeds == [
        "feeds/topics/example-harbour.atom.xml",
        "feeds/topics/example-harbour.rss.xml",
        "feeds/topics/example-harbour.json",
        # every topic's feeds at once (issue 23)
        "feeds/topics.opml",
    ]
    advertised = [_tail(link["href"]) for link in hub.select("head link[rel=alternate]")]
    assert "feeds/topics/example-harbour.atom.xml" in advertised


def test_the_topic_index_lists_every_topic_with_counts_and_latest(corpus_site):
    index = _soup(corpus_site / "topics/index.html")
    entries = index.select(".topic-index-entry")
    assert [entry.select_one("h2 a").get_text(strip=True) for entry in entries] == [
        "Example bridge",
        "Example council",
        "Example harbour",
    ]
    counts = [entry.select_one(".meta").get_text(" ", strip=True) for entry in entries]
    assert [count.split(" ·")[0] for count in counts] == ["2 articles", "4 articles", "2 articles"]
    latest = [_tail(entry.select_one(".topic-latest a")["href"]) for entry in entries]
    assert latest == [
        "2026/03/02/example-article-2/#bridge-repairs",
        "2026/03/03/example-article-4/#council-meeting",
        "2026/03/03/example-article-4/#harbour",
    ]


def test_an_article_page_links_its_topics_sections_related_coverage_and_neighbours(corpus_site):
    page = _soup(corpus_site / "2026/03/03/example-article-4/index.html")
    tags = page.select(".article-topics a[rel=tag]")
    assert [_tail(a["href"]) for a in tags] == [
        "topics/example-harbour/",
        "topics/example-council/",
    ]
    sections = [
        (item.select_one("a")["href"], [a.get_text() for a in item.select("a")[1:]])
        for item in page.select(".section-topics li")
    ]
    assert sections == [
        ("#harbour", ["Example harbour"]),
        ("#council-meeting", ["Example council"]),
    ]
    related = [a.get_text(strip=True) for a in page.select(".related-coverage li > a")]
    assert related == ["Example article 1", "Example article 3", "Example article 2"]
    previous = [_tail(a["href"]) for a in page.select(".topic-neighbours a[rel=prev]")]
    assert previous == [
        "2026/03/01/example-article-1/#harbour-works",
        "2026/03/02/example-article-3/#town-hall-vote",
    ]
    assert page.select(".topic-neighbours a[rel=next]") == []


def test_an_article_without_topics_is_still_published_and_listed(corpus_site):
    page = _soup(corpus_site / "2026/03/03/example-article-5/index.html")
    assert page.select(".article-topics") == [] and page.select(".related-coverage") == []
    archives = (corpus_site / "archives/index.html").read_text(encoding="utf-8")
    assert "Example article 5" in archives


def test_topic_files_are_data_not_output(corpus_site):
    assert list(corpus_site.rglob("*.md")) == []
    assert sorted(p.name for p in (corpus_site / "topics").iterdir()) == [
        "example-bridge",
        "example-council",
        "example-harbour",
        "index.html",
    ]


def test_an_unknown_topic_slug_fails_the_build_naming_the_file_and_the_closest_slug(build_site):
    files = _corpus_files()
    files["articles/example-6.md"] = (
        "---\ntitle: Example article 6\ndate: 2026-03-04\ntopics: [example-bridg]\n---\n\nText.\n"
    )
    _, problems = build_site(files)
    assert problems == [
        "error: content/articles/example-6.md:4: unknown topic 'example-bridg' in 'topics' "
        "(did you mean 'example-bridge'?)"
    ]


def test_a_bad_topic_file_fails_the_build_naming_the_file_and_line(build_site):
    files = _corpus_files()
    files["topics/example-harbour.md"] = "---\ntitle: Example harbour\nphrase: [port]\n---\n"
    _, problems = build_site(files)
    # the article using it is not reported again: the topic file is the one to fix
    assert problems == [
        "error: content/topics/example-harbour.md:3: unknown key 'phrase' (did you mean 'phrases'?)"
    ]


def test_a_topics_setting_with_a_typo_is_reported(build_site):
    _, problems = build_site(_corpus_files(), TOPICS_RELATED_LIMITS=3)
    assert problems == [
        "error: pelicanconf: unknown setting TOPICS_RELATED_LIMITS "
        "(did you mean TOPICS_RELATED_LIMIT?)"
    ]


def test_topic_files_read_as_static_files_are_reported(build_site):
    _, problems = build_site(_corpus_files(), STATIC_PATHS=[""])
    assert any(
        "pelicanconf: STATIC_PATHS includes '.', which holds the topic files (topics/)" in problem
        for problem in problems
    ), problems


SEED = "2026/01/25/us-says-netanyahu-talks-on-gaza-plan-were-constructive-urges-rafah-reopening/"


@pytest.mark.parametrize(
    ("slug", "anchors"),
    [
        (
            "rafah-crossing",
            [
                "reopening-of-rafah-crossing",
                "israel-seeks-controls-at-border",
                "abbas-rejects-displacement-of-palestinians",
                "hamas-turkiye-talks-in-istanbul",
            ],
        ),
        (
            "ceasefire-phase-two",
            ["", "abbas-rejects-displacement-of-palestinians", "hamas-turkiye-talks-in-istanbul"],
        ),
        ("un-responses", ["un-criticism-of-israel", "new-gaza-plan-and-humanitarian-concerns"]),
        ("violence-during-truce", ["continued-violence-despite-truce"]),
    ],
)
def test_the_seed_is_on_its_mission_hubs_deep_linked_to_its_sections(built_site, slug, anchors):
    hub = _soup(built_site / "topics" / slug / "index.html")
    assert [a.get_text(strip=True) for a in hub.select(".topic-entry h4 a")] == [
        "US says Netanyahu talks on Gaza plan were constructive, urges Rafah reopening"
    ]
    links = [_tail(a["href"]) for a in hub.select(".topic-development > a")]
    assert links == [SEED + (f"#{anchor}" if anchor else "") for anchor in anchors]
    seed = _soup(built_site / SEED / "index.html")
    body_ids = {h["id"] for h in seed.select(".article-body h2[id]")}
    assert {anchor for anchor in anchors if anchor} <= body_ids


def test_the_real_site_has_the_topics_the_seed_calls_for(built_site):
    index = _soup(built_site / "topics/index.html")
    assert [_tail(a["href"]) for a in index.select(".topic-index-entry h2 a")] == [
        "topics/ceasefire-phase-two/",
        "topics/gaza-governance-reconstruction/",
        "topics/humanitarian-situation/",
        "topics/rafah-crossing/",
        "topics/un-responses/",
        "topics/violence-during-truce/",
    ]


def test_a_long_hub_is_paginated_newest_first(build_site):
    output, problems = build_site(_corpus_files(), TOPICS_HUB_PAGE_SIZE=2)
    assert problems == []
    first = _soup(output / "topics/example-council/index.html")
    second = _soup(output / "topics/example-council/page/2/index.html")
    assert [a.get_text(strip=True) for a in first.select(".topic-entry h4 a")] == [
        "Example article 4",
        "Example article 3",
    ]
    assert [a.get_text(strip=True) for a in second.select(".topic-entry h4 a")] == [
        "Example article 2",
        "Example article 1",
    ]
    assert _tail(first.select_one(".pagination a[rel=next]")["href"]) == (
        "topics/example-council/page/2/"
    )
    assert _tail(second.select_one(".pagination a[rel=prev]")["href"]) == "topics/example-council/"
    assert second.select(".topic-intro") == [] and first.select(".topic-intro") != []
    assert not (output / "topics/example-bridge/page").exists()  # two articles: one page
