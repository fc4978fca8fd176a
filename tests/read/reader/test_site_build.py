"""A tiny real site through Pelican with our reader: intrasite links, ids, errors."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

FIRST = """\
---
title: Example article 1
date: 2026-01-24
tags: [example]
---

See [the second article]({filename}second.md#a-later-section), the
[example tag]({tag}example) and ![a chart]({static}/images/chart.png).

## Background
"""

SECOND = """\
Title: Example article 2
Date: 2026-01-25 10:00
Tags: example

## A later section

Back to [the first]({filename}/articles/first.md).
"""


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_intrasite_links_resolve(build_site):
    output, problems = build_site(
        {
            "articles/first.md": FIRST,
            "articles/second.md": SECOND,
            "images/chart.png": b"\x89PNG\r\n\x1a\n",
        }
    )
    assert problems == []
    first = _soup(output / "2026/01/24/example-article-1/index.html")
    hrefs = [a["href"] for a in first.select(".article-body a:not(.heading-anchor)")]
    assert hrefs[0].endswith("2026/01/25/example-article-2/#a-later-section")
    assert hrefs[1].endswith("tags/example/")
    assert first.select_one(".article-body img")["src"].endswith("images/chart.png")
    assert (output / "images/chart.png").exists()
    second = _soup(output / "2026/01/25/example-article-2/index.html")
    assert second.select_one(".article-body a:not(.heading-anchor)")["href"].endswith(
        "2026/01/24/example-article-1/"
    )
    assert second.select_one("h2")["id"] == "a-later-section"


def test_a_bad_file_fails_the_build_naming_it_and_keeps_the_last_output(build_site):
    output, problems = build_site({"articles/second.md": SECOND.replace("{filename}", "/x")})
    assert problems == []
    marker = output / "index.html"
    before = marker.read_text(encoding="utf-8")
    _, problems = build_site({"articles/broken.md": "---\ntitle: Example\ndate: [oops\n---\n"})
    assert any("articles/broken.md:3: invalid YAML" in problem for problem in problems), problems
    assert marker.read_text(encoding="utf-8") == before


def test_the_seed_article_has_its_seven_section_headings(built_site):
    page = next((built_site / "2026/01/25").glob("*/index.html"))
    ids = [h["id"] for h in _soup(page).select(".article-body h2[id]")]
    assert ids[:7] == [
        "reopening-of-rafah-crossing",
        "israel-seeks-controls-at-border",
        "abbas-rejects-displacement-of-palestinians",
        "hamas-turkiye-talks-in-istanbul",
        "un-criticism-of-israel",
        "new-gaza-plan-and-humanitarian-concerns",
        "continued-violence-despite-truce",
    ]
