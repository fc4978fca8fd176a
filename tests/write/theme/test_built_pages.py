"""The theme's promises, checked on the real site's built HTML (no browser needed)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from theme_pages import html_pages, parse

SEED_SLUG = "us-says-netanyahu-talks-on-gaza-plan-were-constructive-urges-rafah-reopening"
SEED_PAGE = f"2026/01/25/{SEED_SLUG}/index.html"
URL_ATTRIBUTES = ("href", "src", "action", "srcset", "poster", "data")


def test_every_page_has_a_title_a_description_and_a_language(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert len(pages) >= 6, pages
    for path in pages:
        soup = parse(path)
        name = path.relative_to(built_site)
        assert soup.html is not None and soup.html.get("lang") == "en", name
        assert soup.title is not None and soup.title.get_text(strip=True), f"{name}: no <title>"
        description = soup.find("meta", attrs={"name": "description"})
        assert description is not None, f"{name}: no meta description"
        assert len(description["content"].strip()) >= 20, f"{name}: {description['content']!r}"


def test_titles_and_descriptions_differ_between_pages(built_site: Path) -> None:
    soups = [parse(path) for path in html_pages(built_site)]
    titles = [soup.title.get_text(strip=True) for soup in soups]
    assert len(set(titles)) == len(titles), titles
    descriptions = [soup.find("meta", attrs={"name": "description"})["content"] for soup in soups]
    repeated = {text for text in descriptions if descriptions.count(text) > 1}
    assert not repeated, repeated


def test_every_page_has_landmarks_a_skip_link_and_one_h1(built_site: Path) -> None:
    for path in html_pages(built_site):
        soup = parse(path)
        name = path.relative_to(built_site)
        main = soup.find_all("main")
        assert len(main) == 1 and main[0].get("id") == "main", name
        skip = soup.body.find("a")
        assert skip["href"] == "#main" and "skip-link" in skip["class"], f"{name}: skip link first"
        assert soup.find("header", class_="site-header") is not None, name
        assert soup.find("footer", class_="site-footer") is not None, name
        assert soup.find("nav", attrs={"aria-label": True}) is not None, name
        assert len(soup.find_all("h1")) == 1, f"{name}: exactly one h1"


def test_headings_never_skip_a_level(built_site: Path) -> None:
    for path in html_pages(built_site):
        previous = 0
        for heading in parse(path).find_all(re.compile(r"^h[1-6]$")):
            level = int(heading.name[1])
            assert level <= previous + 1, (
                f"{path.relative_to(built_site)}: <{heading.name}> "
                f"{heading.get_text(strip=True)!r} follows h{previous}"
            )
            previous = level


def test_search_box_on_every_page_degrades_to_a_link(built_site: Path) -> None:
    """Without JavaScript the form stays hidden and a plain link is shown instead."""
    for path in html_pages(built_site):
        soup = parse(path)
        name = path.relative_to(built_site)
        boxes = soup.select("form[role=search] input[type=search]")
        assert boxes, f"{name}: no search box"
        form = boxes[0].find_parent("form")
        assert form.has_attr("hidden"), f"{name}: the search form must wait for JavaScript"
        label = soup.find("label", attrs={"for": boxes[0]["id"]})
        assert label is not None and label.get_text(strip=True), f"{name}: unlabelled search"
        fallback = soup.select_one("[data-search-fallback]")
        assert fallback is not None and not fallback.has_attr("hidden"), name
        assert fallback.find("a") or fallback.name == "a", f"{name}: fallback has no link"


def _same_origin(url: str) -> bool:
    parts = urlsplit(url.strip())
    return (not parts.scheme and not parts.netloc) or parts.scheme in {"mailto", "tel"}


def test_pages_load_nothing_from_other_origins(built_site: Path) -> None:
    for path in html_pages(built_site):
        soup = parse(path)
        name = path.relative_to(built_site)
        for tag in soup.find_all(["link", "script", "img", "iframe", "source", "video", "audio"]):
            if tag.name == "link" and tag.get("rel") not in (["stylesheet"], ["icon"]):
                continue  # alternate/canonical links are addresses, not loads
            for attribute in URL_ATTRIBUTES:
                if tag.has_attr(attribute):
                    assert _same_origin(tag[attribute]), f"{name}: {tag}"
        for script in soup.find_all("script"):
            assert script.has_attr("src") or script.get("type") == "application/ld+json", (
                f"{name}: inline script {script}"
            )
        assert soup.find("style") is None, f"{name}: <style> element"
        styled = soup.find(attrs={"style": True})
        assert styled is None, f"{name}: style attribute on {styled}"


def test_theme_css_loads_nothing_from_other_origins(built_site: Path) -> None:
    for sheet in (built_site / "theme").rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8")):
            assert _same_origin(url) and not url.startswith("data:"), f"{sheet.name}: {url}"
            assert (sheet.parent / url).resolve().is_file(), f"{sheet.name}: {url} missing"


def test_article_page_layout(built_site: Path) -> None:
    soup = parse(built_site / SEED_PAGE)
    article = soup.select_one("main article.article[data-pagefind-body]")
    assert article is not None
    header = article.find("header")
    assert header.h1.get_text(strip=True).startswith("US says Netanyahu talks")
    assert header.select_one(".dateline").get_text(strip=True) == "WASHINGTON"
    published = header.select_one("time[datetime]")
    assert published["datetime"].startswith("2026-01-25")
    assert published["data-pagefind-meta"] == "date"
    anchors = article.select(".article-body h2[id] > a.heading-anchor")
    assert len(anchors) == 7
    assert all(a["href"] == "#" + a.parent["id"] for a in anchors)


def test_seed_summary_is_its_key_points_when_it_has_no_summary(built_site: Path) -> None:
    soup = parse(built_site / SEED_PAGE)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("US said talks with Netanyahu on Gaza peace plan"), description


def test_home_lists_the_latest_articles(built_site: Path) -> None:
    soup = parse(built_site / "index.html")
    latest = soup.select_one("section.latest")
    assert latest.h2.get_text(strip=True) == "Latest articles"
    links = [a["href"] for a in latest.select("article.teaser h3 a")]
    assert any(link.endswith(f"2026/01/25/{SEED_SLUG}/") for link in links), links


def test_not_found_page_links_work_from_any_address(built_site: Path) -> None:
    """A host serves 404.html at the missing address, so its links must be root-relative."""
    soup = parse(built_site / "404.html")
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert soup.find("link", rel="stylesheet")["href"] == "/theme/css/site.css"
    for link in soup.select("main a[href]"):
        assert link["href"].startswith("/"), link


def test_search_page_explains_itself_without_javascript(built_site: Path) -> None:
    soup = parse(built_site / "search" / "index.html")
    fallback = soup.select_one(".search-page [data-search-fallback]")
    assert "needs JavaScript" in fallback.get_text()
    assert fallback.find("a", href=re.compile(r"archives/$"))
    # the page has its own search form; the header's is left out, so ids stay unique
    assert len(soup.select("input[type=search]")) == 1
    assert soup.select_one("[data-search-page]")["data-pagefind-bundle"] == "../pagefind/"


def test_search_index_is_built_with_the_site(built_site: Path) -> None:
    shards = json.loads((built_site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards["shards"], "the index has shards (see tests/write/search/)"
    assert (built_site / "theme" / "js" / "search.js").is_file()
    for shard in shards["shards"]:
        bundle = built_site / "pagefind" / shard
        assert (bundle / "pagefind.js").is_file()
        entry = (bundle / "pagefind-entry.json").read_text(encoding="utf-8")
        assert '"page_count":' in entry.replace(" ", "")
        assert not re.search(r'"page_count":\s*0\b', entry), entry


@pytest.mark.slow
def test_pages_are_valid_html(built_site: Path, vnu_command: list[str]) -> None:
    """The Nu Html Checker finds no error on any page."""
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--skip-non-html", "--format", "gnu", str(built_site)],
        capture_output=True,
        text=True,
        check=False,
    )
    problems = result.stderr.strip() or result.stdout.strip()
    assert result.returncode == 0 and not problems, problems
