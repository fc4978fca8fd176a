"""The corrections log (corrections/): every correction and update of the published
articles, newest first, linking to the passage concerned; never a draft's; its pages kept
free of sources; its settings checked; and the article's notes and the footer linking to it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from site_files import CORRECTIONS_LOGGED, CORRECTIONS_SITE, DRAFT_CORRECTION, dated

Build = Callable[..., tuple[Path, list[str]]]
LOG = "corrections/index.html"


def soup_of(output: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")


def target(output: Path, page: str, href: str) -> tuple[Path, str]:
    """The file and fragment a relative link of ``page`` leads to (the preview's links)."""
    parts = urlsplit(urljoin(f"https://example.org/{page}", href))
    path = parts.path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return output / path, parts.fragment


@pytest.fixture
def published(build_site: Build) -> Path:
    output, problems = build_site(CORRECTIONS_SITE, "publishconf.py")
    assert problems == [], problems
    return output


def test_the_log_lists_every_published_correction_newest_first(published: Path) -> None:
    soup = soup_of(published, LOG)
    entries = soup.select("ol.corrections-log > li")
    seen = []
    for entry in entries:
        kind = entry.select_one(".corrections-log-kind").get_text(strip=True)
        text = entry.select_one(".corrections-log-text").get_text(strip=True)
        article = entry.select_one(".corrections-log-where a").get_text(strip=True)
        seen.append((kind, int(article.removeprefix("Example article ")), text))
    assert seen == [(kind, number, text) for kind, number, text, _ in CORRECTIONS_LOGGED]
    moments = [entry.time["datetime"] for entry in entries]
    assert moments[0] == "2026-01-27T09:30:00+01:00"
    assert moments[1:] == [
        "2026-01-26T08:00:00+00:00",
        "2026-01-25T10:00:00+00:00",
        "2026-01-24T10:00:00+00:00",
    ]
    assert soup.h1.get_text(strip=True) == "Corrections and updates"


def test_every_link_of_the_log_leads_to_the_article_and_the_passage(published: Path) -> None:
    soup = soup_of(published, LOG)
    for entry, (_, number, text, anchor) in zip(
        soup.select("ol.corrections-log > li"), CORRECTIONS_LOGGED, strict=True
    ):
        article_link, passage_link = entry.select(".corrections-log-where a")
        page, fragment = target(published, LOG, article_link["href"])
        assert fragment == ""
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert article.h1.get_text(strip=True) == f"Example article {number}"
        passage_page, fragment = target(published, LOG, passage_link["href"])
        assert passage_page == page and fragment == anchor
        assert article.find(id=anchor) is not None, (page, anchor)
        # The note the entry logs is on the page it links to.
        assert text in article.select_one(".article-notes").get_text()


def test_a_draft_correction_appears_nowhere_on_publish(published: Path) -> None:
    for path in published.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json"}:
            assert DRAFT_CORRECTION not in path.read_text(encoding="utf-8"), path
    assert not list(published.rglob("*example-article-4*"))


def test_the_draft_correction_is_left_out_of_the_preview_log(build_site: Build) -> None:
    output, problems = build_site(CORRECTIONS_SITE)
    assert problems == [], problems
    assert DRAFT_CORRECTION not in (output / LOG).read_text(encoding="utf-8")
    assert len(soup_of(output, LOG).select("ol.corrections-log > li")) == len(CORRECTIONS_LOGGED)


def test_each_logged_correction_keeps_its_correction_comment(published: Path) -> None:
    for number, path in (
        (1, "2026/01/23/example-article-1/"),
        (2, "2026/01/24/example-article-2/"),
    ):
        soup = soup_of(published, path + "index.html")
        (script,) = soup.find_all("script", type="application/ld+json")
        news = next(n for n in json.loads(script.string)["@graph"] if n["@type"] == "NewsArticle")
        logged = [
            text for kind, n, text, _ in CORRECTIONS_LOGGED if n == number and kind == "Correction"
        ]
        comments = news["correction"]
        assert {c["@type"] for c in comments} == {"CorrectionComment"}
        assert sorted(c["text"] for c in comments) == sorted(logged)
        assert all(c["datePublished"] for c in comments)
    soup = soup_of(published, "2026/01/24/example-article-3/index.html")
    (script,) = soup.find_all("script", type="application/ld+json")
    assert "CorrectionComment" not in script.string  # an update is not a correction


def test_an_article_with_a_note_links_to_the_log_and_to_its_section(published: Path) -> None:
    page = "2026/01/23/example-article-1/index.html"
    soup = soup_of(published, page)
    notice = soup.select_one(".newsroom-corrections")
    log_link = notice.select_one(".newsroom-log-link a")
    assert log_link.get_text(strip=True) == "All corrections"
    assert target(published, page, log_link["href"]) == (published / LOG, "")
    section_link = notice.select_one("li a")
    assert section_link["href"] == "#the-figures" and soup.find(id="the-figures") is not None
    updated = soup_of(published, "2026/01/24/example-article-3/index.html")
    link = updated.select_one(".newsroom-updates .newsroom-log-link a")
    assert link.get_text(strip=True) == "All corrections and updates"
    plain = soup_of(published, "2026/01/23/example-article-1/index.html")
    assert len(plain.select(".newsroom-log-link")) == 1


def test_every_page_footer_links_to_the_log(published: Path) -> None:
    for path in (
        "index.html",
        "archives/index.html",
        LOG,
        "2026/01/24/example-article-2/index.html",
    ):
        links = soup_of(published, path).select(".site-footer a")
        (log,) = [a for a in links if a.get_text(strip=True) == "Corrections"]
        assert target(published, path, log["href"]) == (published / LOG, ""), path
    current = [a for a in soup_of(published, LOG).select(".site-footer a") if a.get("aria-current")]
    assert [a.get_text(strip=True) for a in current] == ["Corrections"]


def test_a_site_without_corrections_still_has_its_log(build_site: Build) -> None:
    output, problems = build_site({"articles/a.md": dated(1, "2026-01-25T10:00:00+00:00")})
    assert problems == [], problems
    soup = soup_of(output, LOG)
    assert "No corrections or updates yet." in soup.get_text()
    assert soup.select("ol.corrections-log") == []


def test_a_long_log_is_paginated(build_site: Build) -> None:
    output, problems = build_site(CORRECTIONS_SITE, CORRECTIONS_PAGE_SIZE=3)
    assert problems == [], problems
    first, second = soup_of(output, LOG), soup_of(output, "corrections/page/2/index.html")
    assert len(first.select("ol.corrections-log > li")) == 3
    assert len(second.select("ol.corrections-log > li")) == 1
    assert target(output, LOG, first.select_one("a[rel=next]")["href"])[0] == (
        output / "corrections/page/2/index.html"
    )
    assert target(output, "corrections/page/2/", second.select_one("a[rel=prev]")["href"])[0] == (
        output / LOG
    )
    assert "page 2" in second.title.get_text()
    assert not (output / "corrections/page/3").exists()


@pytest.mark.parametrize(
    ("overrides", "said"),
    [
        ({"CORRECTIONS_PAGE_SIZE": -1}, "CORRECTIONS_PAGE_SIZE"),
        ({"CORRECTIONS_PAGESIZE": 10}, "CORRECTIONS_PAGESIZE"),
    ],
)
def test_a_wrong_page_size_setting_fails_the_build(
    build_site: Build, overrides: dict[str, object], said: str
) -> None:
    _, problems = build_site(CORRECTIONS_SITE, **overrides)
    assert any(said in problem for problem in problems), problems


def test_a_source_written_over_the_log_is_refused(build_site: Build) -> None:
    files = {
        **CORRECTIONS_SITE,
        "pages/over.md": "---\ntitle: Example page\nsave_as: corrections/index.html\n"
        "url: corrections/\n---\n\nSynthetic text.\n",
    }
    _, problems = build_site(files)
    assert any(
        "content/pages/over.md" in p and "corrections/index.html" in p and "corrections log" in p
        for p in problems
    ), problems


def test_a_note_naming_an_unknown_section_fails_with_file_and_line(build_site: Build) -> None:
    files = {
        "articles/bad.md": "---\ntitle: Example article 5\ndate: 2026-01-25\n"
        "corrections:\n  - {date: 2026-01-26, note: Synthetic fix., section: the-figure}\n"
        "---\n\n## The figures\n\nSynthetic figures.\n"
    }
    _, problems = build_site(files)
    assert any(
        p.startswith("error: content/articles/bad.md:4:")
        and "'section' 'the-figure'" in p
        and "did you mean 'the-figures'?" in p
        for p in problems
    ), problems
