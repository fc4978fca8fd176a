"""The published 404 page: a host serves it at any missing address, so it names no address
of its own (no canonical link, no og:url) and asks search engines not to index it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from site_files import FULL

ROOT = Path(__file__).resolve().parents[3]
SITE = "https://news.example.org"
Build = Callable[..., tuple[Path, list[str]]]


def _head(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_published_404_page_has_no_address_and_is_not_indexed(build_site: Build) -> None:
    files = {
        "pages/404.md": (ROOT / "tests/fixtures/seed_site/content/pages/404.md").read_text(
            encoding="utf-8"
        ),
        "articles/2026-01-25-example-article-1.md": FULL,
    }
    output, problems = build_site(files, settings="publishconf.py", SITEURL=SITE)
    assert problems == []
    not_found = _head(output / "404.html")
    assert not_found.select_one("article.not-found") is not None
    assert not_found.select('link[rel="canonical"]') == []
    assert not_found.select('meta[property="og:url"]') == []
    robots = not_found.select('meta[name="robots"]')
    assert [tag["content"] for tag in robots] == ["noindex"]
    # Every other page keeps its canonical address and stays indexable.
    article = _head(output / "2026/01/25/example-article-1/index.html")
    canonical = article.select_one('link[rel="canonical"]')
    assert canonical is not None
    assert canonical["href"] == f"{SITE}/2026/01/25/example-article-1/"
    assert article.select_one('meta[property="og:url"]') is not None
    assert article.select('meta[name="robots"]') == []
    home = _head(output / "index.html")
    assert home.select_one('link[rel="canonical"]')["href"] == f"{SITE}/"
    assert home.select('meta[name="robots"]') == []


def test_preview_404_page_is_not_indexed_either(built_site: Path) -> None:
    not_found = _head(built_site / "404.html")
    assert [tag["content"] for tag in not_found.select('meta[name="robots"]')] == ["noindex"]
    assert not_found.select('link[rel="canonical"]') == []
