"""Nothing unpublished leaves the machine (issue 17).

A small site holds a published article and four that are not published -- a draft, a
draft with a ``save_as`` of its own, a hidden article and an article dated after the
build (embargoed) -- each with a marker word of its own in its headline, summary, body,
tag and topic; and a draft page with a ``save_as`` of its own and a marker word.
``make publish`` (publishconf.py) must write none of them anywhere: every output file is
searched for the markers, Pagefind's gzipped index, fragments and metadata decompressed
first. The preview (pelicanconf.py) writes them under drafts/,
marked (banner, noindex, no "Published" line) and listed nowhere else.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from blinker import signal

from build import build

ROOT = Path(__file__).resolve().parents[2]
SEED_PAGES = ROOT / "tests" / "fixtures" / "seed_site" / "content" / "pages"
BUILD_DATE = dt.datetime(2026, 1, 26, 12, 0, tzinfo=dt.UTC)

# Marker words Pagefind's English stemmer keeps as they are (no suffix it strips), so the
# index holds them verbatim.
PUBLISHED_MARK = "glimmerstov"
DRAFT_MARK = "zorbalix"
DRAFT_SAVE_AS_MARK = "plinkwomb"
HIDDEN_MARK = "quillzank"
EMBARGO_MARK = "vexmorb"
DRAFT_PAGE_MARK = "dwimbrox"
UNPUBLISHED = {
    "articles/example-draft.md": DRAFT_MARK,
    "articles/example-draft-save-as.md": DRAFT_SAVE_AS_MARK,
    "articles/example-hidden.md": HIDDEN_MARK,
    "articles/example-embargoed.md": EMBARGO_MARK,
    "pages/example-draft-page.md": DRAFT_PAGE_MARK,
}


def _article(number: int, mark: str, date: str, *, status: str = "", extra: str = "") -> str:
    return (
        f"---\ntitle: Example article {number} {mark}\ndate: {date}\n"
        + (f"status: {status}\n" if status else "")
        + f"summary: A synthetic summary {mark}.\ntags: [example, example {mark}]\n"
        + f"topics: [example-topic]\n{extra}---\n\n"
        + f"A synthetic first paragraph {mark} about the example topic.\n\n"
        + f"## Example section {mark}\n\nMore synthetic text {mark}.\n"
    )


FILES = {
    "topics/example-topic.md": (
        "---\ntitle: Example topic\nphrases: [example topic]\n---\nA synthetic topic.\n"
    ),
    "articles/example-published.md": _article(1, PUBLISHED_MARK, "2026-01-25T10:00:00+00:00"),
    "articles/example-draft.md": _article(
        2, DRAFT_MARK, "2026-01-25T11:00:00+00:00", status="draft"
    ),
    "articles/example-draft-save-as.md": _article(
        3,
        DRAFT_SAVE_AS_MARK,
        "2026-01-25T12:00:00+00:00",
        status="draft",
        extra="save_as: example-draft.html\nurl: example-draft.html\n",
    ),
    "articles/example-hidden.md": _article(
        4, HIDDEN_MARK, "2026-01-24T09:00:00+00:00", status="hidden"
    ),
    # Dated after BUILD_DATE, in the same quarter (the same search shard) as the others.
    "articles/example-embargoed.md": _article(5, EMBARGO_MARK, "2026-02-20T09:00:00+00:00"),
    # A page's own save_as wins over DRAFT_PAGE_SAVE_AS in Pelican: strict_build places it.
    "pages/example-draft-page.md": (
        f"---\ntitle: Example page {DRAFT_PAGE_MARK}\nstatus: draft\n"
        "save_as: example-draft-page.html\nurl: example-draft-page.html\n---\n\n"
        f"A synthetic page {DRAFT_PAGE_MARK}.\n"
    ),
    "pages/404.md": (SEED_PAGES / "404.md").read_text(encoding="utf-8"),
    "pages/search.md": (SEED_PAGES / "search.md").read_text(encoding="utf-8"),
}


@dataclass(frozen=True)
class Site:
    output: Path
    problems: list[str]
    tally: Any


def _build(
    folder: Path, settings: str, files: dict[str, str] | None = None, **overrides: object
) -> Site:
    content = folder / "content"
    for name, text in (FILES if files is None else files).items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    tallies: list[Any] = []
    with signal("newsdigest.sources_tallied").connected_to(tallies.append):
        problems = build(
            ROOT / settings,
            folder / "output",
            overrides={
                "PATH": str(content),
                "CACHE_PATH": str(folder / "cache"),
                "BUILD_DATE": BUILD_DATE,
                **overrides,
            },
        )
    return Site(folder / "output", problems, tallies[-1] if tallies else None)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(
        tmp_path_factory.mktemp("publish"), "publishconf.py", SITEURL="https://news.example.org"
    )


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("preview"), "pelicanconf.py")


def _readable(data: bytes) -> bytes:
    # Pagefind gzips its index, fragments and metadata: search what they hold.
    while data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.lower()


def _files(site: Path) -> Iterator[tuple[str, bytes]]:
    """Every file of the site (text or binary, under pagefind/ too), decompressed."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            yield path.relative_to(site).as_posix(), _readable(path.read_bytes())


def _holding(site: Path, word: str) -> list[str]:
    needle = word.encode()
    return [name for name, data in _files(site) if needle in data or word in name]


def test_publish_writes_no_unpublished_article_anywhere(published: Site) -> None:
    assert published.problems == []
    for source, mark in UNPUBLISHED.items():
        assert _holding(published.output, mark) == [], f"{source} leaked"
    assert not (published.output / "drafts").exists()
    assert not (published.output / "example-draft.html").exists()
    assert not (published.output / "example-draft-page.html").exists()


def test_the_search_check_sees_into_pagefind(published: Site) -> None:
    # The published article's marker is in the decompressed index and fragment: the
    # search above looked where the words are.
    found = _holding(published.output, PUBLISHED_MARK)
    assert any(name.endswith(".pf_index") for name in found), found
    assert any(name.endswith(".pf_fragment") for name in found), found
    assert {
        "index.html",
        "feeds/all.atom.xml",
        "sitemap.xml",
        "news-sitemap.xml",
        "topics/example-topic/index.html",
        "archives/index.html",
        f"tags/example-{PUBLISHED_MARK}/index.html",
    } <= set(found), found


def test_publish_keeps_hidden_pages_and_counts_what_it_held_back(published: Site) -> None:
    assert (published.output / "404.html").is_file()
    assert (published.output / "search/index.html").is_file()
    assert str(published.tally) == (
        "8 sources read = 1 pages written + 4 drafts (not published)"
        " + 3 hidden (1 not published) + 0 with errors"
    )
    assert published.tally.outcomes["content/articles/example-embargoed.md"] == "draft"
    assert published.tally.outcomes["content/articles/example-hidden.md"] == "hidden"
    assert published.tally.outcomes["content/pages/example-draft-page.md"] == "draft"


PREVIEWS = {
    DRAFT_MARK: (
        "drafts/example-article-2-zorbalix.html",
        "<strong>Draft</strong> — not published",
    ),
    DRAFT_SAVE_AS_MARK: (
        "drafts/example-article-3-plinkwomb.html",
        "<strong>Draft</strong> — not published",
    ),
    HIDDEN_MARK: (
        "drafts/example-article-4-quillzank.html",
        "<strong>Hidden</strong> — not published",
    ),
    EMBARGO_MARK: (
        "drafts/example-article-5-vexmorb.html",
        '<strong>Embargoed until <time datetime="2026-02-20T09:00:00+00:00">'
        "20 Feb 2026, 09:00 UTC</time></strong> — not published",
    ),
}


@pytest.mark.parametrize("mark", sorted(PREVIEWS))
def test_preview_marks_an_unpublished_article(preview: Site, mark: str) -> None:
    assert preview.problems == []
    page, banner = PREVIEWS[mark]
    html = (preview.output / page).read_text(encoding="utf-8")
    assert banner in html
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Not published: " in html
    assert "Published" not in html
    assert "data-pagefind-body" not in html
    assert "application/ld+json" not in html
    assert "article:published_time" not in html


@pytest.mark.parametrize("mark", sorted(PREVIEWS))
def test_preview_lists_an_unpublished_article_nowhere(preview: Site, mark: str) -> None:
    # Its address holds its marker too (the slug is made from the headline).
    page, _ = PREVIEWS[mark]
    assert _holding(preview.output, mark) == [page]


def test_preview_writes_a_draft_page_where_draft_pages_go(preview: Site) -> None:
    # Not at its own save_as (example-draft-page.html): that is a published address.
    page = f"drafts/pages/example-page-{DRAFT_PAGE_MARK}.html"
    assert _holding(preview.output, DRAFT_PAGE_MARK) == [page]


def test_the_published_article_page_still_claims_publication(preview: Site) -> None:
    html = (preview.output / "2026/01/25/example-article-1-glimmerstov/index.html").read_text(
        encoding="utf-8"
    )
    assert "Published <time" in html
    assert "unpublished-notice" not in html
    assert 'name="robots"' not in html


LINKING = {
    "topics/example-topic.md": FILES["topics/example-topic.md"],
    "articles/example-draft.md": FILES["articles/example-draft.md"],
    "articles/example-linking.md": (
        "---\ntitle: Example article 6\ndate: 2026-01-25T10:00:00+00:00\n---\n\n"
        "See [the other one]({filename}example-draft.md).\n"
    ),
}


def test_publish_fails_on_a_link_to_an_unpublished_article(tmp_path: Path) -> None:
    site = _build(tmp_path, "publishconf.py", files=LINKING, SITEURL="https://news.example.org")
    assert site.problems == [
        "error: content/articles/example-linking.md:6: link to '{filename}example-draft.md':"
        " articles/example-draft.md is not published (a draft, hidden, or dated after the"
        " build), so this build gives it no page to link to (remove the link until that"
        " article is published)"
    ]


def test_the_preview_links_to_the_draft_preview(tmp_path: Path) -> None:
    site = _build(tmp_path, "pelicanconf.py", files=LINKING)
    assert site.problems == []
    html = (site.output / "2026/01/25/example-article-6/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../drafts/example-article-2-zorbalix.html"' in html


def test_without_newsroom_drafts_with_their_own_save_as_are_still_not_published(
    tmp_path: Path,
) -> None:
    # The placement is strict_build's: a site without newsroom in PLUGINS is covered too.
    files = {
        "articles/example-published.md": (
            "---\ntitle: Example article 1\ndate: 2026-01-25\n---\n\nA synthetic paragraph.\n"
        ),
        "articles/example-draft-save-as.md": (
            f"---\ntitle: Example article 3 {DRAFT_SAVE_AS_MARK}\ndate: 2026-01-25\n"
            "status: draft\nsave_as: example-draft.html\nurl: example-draft.html\n---\n\n"
            f"A synthetic paragraph {DRAFT_SAVE_AS_MARK}.\n"
        ),
        "pages/example-draft-page.md": FILES["pages/example-draft-page.md"],
    }
    site = _build(
        tmp_path,
        "publishconf.py",
        files=files,
        SITEURL="https://news.example.org",
        PLUGINS=["markdown_reader", "strict_build"],
    )
    assert site.problems == []
    assert not (site.output / "example-draft.html").exists()
    assert not (site.output / "example-draft-page.html").exists()
    for mark in (DRAFT_SAVE_AS_MARK, DRAFT_PAGE_MARK):
        assert _holding(site.output, mark) == []
    assert site.tally.count("draft") == 2
