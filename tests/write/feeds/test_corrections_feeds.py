"""The corrections log's feeds: every published correction and update, newest first, dated
when it was made, with stable ids; valid like every feed; advertised on the log's page."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from tests.write.feeds.feed_checks import ATOM, check_all_feeds
from tests.write.feeds.synthetic_sites import CORPUS, SYNTHETIC_PLUGINS, article

SITE = "https://newsdigest.example.org"
DRAFT_NOTE = "A draft-only synthetic correction."

# The feed corpus, with notes: two articles with corrections (one naming a section, one
# with two dated alike), one with an update, and a draft with a correction.
NOTED = {
    **CORPUS,
    "articles/one.md": article(
        1,
        "2026-01-23T09:00:00+00:00",
        topics=["example-alpha"],
        extra="corrections:\n  - {date: 2026-01-24T10:00:00+00:00, note: Fixes a synthetic"
        " figure., section: the-figures}",
        body="A synthetic lead.\n\n## The figures\n\nSynthetic figures.",
    ),
    "articles/four.md": article(
        4,
        "2026-01-25T07:15:00+00:00",
        topics=["example-gamma"],
        extra="corrections:\n"
        "  - {date: 2026-01-26T10:00:00+00:00, note: Fixes a synthetic name.}\n"
        "  - {date: 2026-01-26T10:00:00+00:00, note: Fixes a synthetic place.}\n"
        "updates:\n  - {date: 2026-01-27T10:00:00+00:00, note: Adds a synthetic reaction.}",
    ),
    "articles/five.md": article(
        5,
        "2026-01-25T09:00:00+00:00",
        extra="status: draft\ncorrections:\n"
        f"  - {{date: 2026-01-28T08:00:00+00:00, note: {DRAFT_NOTE}}}",
    ),
}
# Newest first: (title, link).
EXPECTED = [
    ("Update: Example article 4", f"{SITE}/2026/01/25/example-article-4/#newsroom-updates"),
    ("Correction: Example article 4", f"{SITE}/2026/01/25/example-article-4/#newsroom-corrections"),
    ("Correction: Example article 4", f"{SITE}/2026/01/25/example-article-4/#newsroom-corrections"),
    ("Correction: Example article 1", f"{SITE}/2026/01/23/example-article-1/#the-figures"),
]


def _atom(output: Path) -> ElementTree.Element:
    return ElementTree.parse(output / "feeds/corrections.atom.xml").getroot()


def test_the_log_feeds_list_every_published_note_newest_first_and_validate(synthetic_site):
    output = synthetic_site(NOTED)
    checked = check_all_feeds(output, SITE)  # jing's Atom schema, feedparser, JSON Feed schema
    names = {path.relative_to(output).as_posix() for path in checked}
    assert {
        "feeds/corrections.atom.xml",
        "feeds/corrections.rss.xml",
        "feeds/corrections.json",
    } <= names
    entries = _atom(output).findall(f"{ATOM}entry")
    assert [
        (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href")) for e in entries
    ] == EXPECTED
    # The item's date is the note's, not the article's.
    assert [e.findtext(f"{ATOM}published") for e in entries] == [
        "2026-01-27T10:00:00+00:00",
        "2026-01-26T10:00:00+00:00",
        "2026-01-26T10:00:00+00:00",
        "2026-01-24T10:00:00+00:00",
    ]
    assert _atom(output).findtext(f"{ATOM}updated") == "2026-01-27T10:00:00+00:00"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    same_second = "tag:newsdigest.example.org,2026:correction/2026-01-25/example-article-4/"
    assert ids[1:3] == [
        f"{same_second}2026-01-26T10:00:00Z",
        f"{same_second}2026-01-26T10:00:00Z/2",
    ]
    rss = ElementTree.parse(output / "feeds/corrections.rss.xml").getroot()
    assert [item.findtext("guid") for item in rss.iter("item")] == ids
    newest = next(rss.iter("item"))
    assert newest.findtext("pubDate") == "Tue, 27 Jan 2026 10:00:00 +0000"
    feed = json.loads((output / "feeds/corrections.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in feed["items"]] == ids
    assert feed["home_page_url"] == f"{SITE}/corrections/"
    assert "Fixes a synthetic figure." in feed["items"][3]["content_html"]
    for path in output.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json"}:
            assert DRAFT_NOTE not in path.read_text(encoding="utf-8"), path


def test_the_log_feed_ids_survive_a_rebuild_and_a_move(synthetic_site):
    first = synthetic_site(NOTED)
    moved = synthetic_site(
        NOTED, SITEURL="https://moved.example.net", FEED_DOMAIN="https://moved.example.net"
    )

    def ids(output: Path) -> list[str]:
        return [e.findtext(f"{ATOM}id") or "" for e in _atom(output).iter(f"{ATOM}entry")]

    assert ids(first) == ids(moved) and len(set(ids(first))) == len(EXPECTED)


def test_the_log_page_advertises_its_feeds(synthetic_site):
    output = synthetic_site(NOTED)
    soup = BeautifulSoup(
        (output / "corrections/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    advertised = {
        link["href"]
        for link in soup.find_all("link", rel="alternate")
        if "corrections" in link["href"]
    }
    paths = {f"feeds/corrections{suffix}" for suffix in (".atom.xml", ".rss.xml", ".json")}
    assert advertised == {f"{SITE}/{path}" for path in paths}
    visible = {a["href"] for a in soup.select(".corrections-intro a")}
    assert visible == advertised
    # Other pages advertise the site's feeds, not the log's.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "feeds/corrections" not in home


def test_a_site_without_the_newsroom_plugin_has_no_log_nor_its_feeds(synthetic_site):
    plugins = [p for p in SYNTHETIC_PLUGINS if p != "newsroom"]
    output = synthetic_site(NOTED, PLUGINS=plugins)
    assert not (output / "corrections").exists()
    assert not list((output / "feeds").glob("corrections*"))
    assert "corrections/" not in (output / "index.html").read_text(encoding="utf-8")
