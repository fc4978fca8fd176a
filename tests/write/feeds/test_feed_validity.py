"""Every published feed passes the strict checks; ids are stable across rebuilds and moves."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from tests.write.feeds.feed_checks import ATOM, check_all_feeds
from tests.write.feeds.synthetic_sites import ROOT

from build import build

SITE = "https://newsdigest.example.org"

EXPECTED_FEEDS = {
    f"feeds/{name}{suffix}"
    for name in (
        "all",
        "editions",
        "corrections",
        "topics/example-alpha",
        "topics/example-gamma",
    )
    for suffix in (".atom.xml", ".rss.xml", ".json")
}


def test_every_published_feed_of_a_small_site_passes_the_strict_checks(synthetic_site):
    output = synthetic_site()
    feeds = check_all_feeds(output, SITE)
    assert {path.relative_to(output).as_posix() for path in feeds} == EXPECTED_FEEDS


def test_the_real_site_published_passes_the_strict_checks(tmp_path):
    output = tmp_path / "output"
    problems = build(ROOT / "publishconf.py", output)
    assert problems == [], problems
    feeds = check_all_feeds(output, SITE)
    assert {"feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/all.json"} <= {
        path.relative_to(output).as_posix() for path in feeds
    }


def _atom_ids(path: Path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    return [root.findtext(f"{ATOM}id") or ""] + [
        entry.findtext(f"{ATOM}id") or "" for entry in root.findall(f"{ATOM}entry")
    ]


def test_ids_survive_a_rebuild_and_a_move_to_another_domain(synthetic_site):
    first = synthetic_site()
    again = synthetic_site()
    moved = synthetic_site(
        SITEURL="https://moved.example.net", FEED_DOMAIN="https://moved.example.net"
    )
    for name in ("all", "editions", "topics/example-alpha"):
        ids = _atom_ids(first / f"feeds/{name}.atom.xml")
        assert len(ids) == len(set(ids)) > 1
        assert _atom_ids(again / f"feeds/{name}.atom.xml") == ids
        assert _atom_ids(moved / f"feeds/{name}.atom.xml") == ids
    check_all_feeds(moved, "https://moved.example.net")
    assert "https://moved.example.net/2026/" in (moved / "feeds/all.atom.xml").read_text()
