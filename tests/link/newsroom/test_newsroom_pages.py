"""The newsroom fields on built pages: byline, dateline, Updated line, Sources, Updates and
Corrections notes, JSON-LD, Open Graph; and the feed entry's ``updated`` date."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from site_files import FULL, HOSTILE, PLAIN
from tests.reliability.executable_constructs import html_problems
from tests.stage_plugins import LINK_PLUGINS

Build = Callable[..., tuple[Path, list[str]]]
ARTICLE = "2026/01/25/example-article-1/index.html"
SEED = (
    "2026/01/25/us-says-netanyahu-talks-on-gaza-plan-were-constructive-urges-rafah-reopening/"
    "index.html"
)
ATOM = "{http://www.w3.org/2005/Atom}"


def page(output: Path, path: str = ARTICLE) -> BeautifulSoup:
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")


# The schema.org properties each type has (its own and inherited: Thing, CreativeWork,
# Article, ...), as far as we use them: a misspelt property name fails the tests.
SCHEMA_PROPERTIES = {
    "NewsArticle": {
        "@id",
        "@type",
        "mainEntityOfPage",
        "url",
        "headline",
        "description",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "inLanguage",
        "dateline",
        "articleSection",
        "keywords",
        "isBasedOn",
        "correction",
    },
    "BreadcrumbList": {"@type", "itemListElement"},
    "CollectionPage": {"@id", "@type", "url", "name", "isPartOf", "mainEntity"},
}


def json_ld(soup: BeautifulSoup) -> dict[str, dict[str, Any]]:
    """The JSON-LD of a page, by @type (every script must parse as JSON)."""
    found: dict[str, dict[str, Any]] = {}
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org"
        for node in data["@graph"]:
            assert set(node) <= SCHEMA_PROPERTIES[node["@type"]], node
            found[node["@type"]] = node
    return found


def test_full_article_page(build_site: Build) -> None:
    output, problems = build_site({"articles/2026-01-25-example-article-1.md": FULL})
    assert problems == []
    soup = page(output)
    header = soup.select_one("article header")
    assert header.select_one(".dateline").get_text() == "EXAMPLE CITY"
    assert " ".join(header.select_one(".byline").get_text().split()) == (
        "By Example Writer and Example Editor (Editor), with Example Agency"
    )
    assert header.select_one(".byline a[href='https://example.org/editor']") is not None
    assert "Updated 26 Jan 2026, 14:05 UTC" in " ".join(header.get_text().split())
    notes = soup.select_one("footer.article-notes")
    sources = notes.select_one(".newsroom-sources")
    assert sources.h2.get_text() == "Sources"
    assert sources.a["href"] == "https://example.org/original"
    assert " ".join(sources.li.get_text().split()) == "Example Agency, 25 Jan 2026"
    assert " ".join(notes.select_one(".newsroom-updates li").get_text().split()) == (
        "26 Jan 2026, 14:05 UTC: Adds a synthetic reaction."
    )
    correction = notes.select_one(".newsroom-corrections li")
    assert correction.time["datetime"] == "2026-01-25T18:00:00+00:00"
    assert "misspelt a synthetic name" in correction.get_text()


def test_full_article_structured_data(build_site: Build) -> None:
    output, problems = build_site({"articles/2026-01-25-example-article-1.md": FULL})
    assert problems == []
    soup = page(output)
    nodes = json_ld(soup)
    news = nodes["NewsArticle"]
    assert news["headline"] == "Example article 1"
    assert news["description"] == "A synthetic summary of example article 1."
    assert news["datePublished"] == "2026-01-25T10:00:00+00:00"
    assert news["dateModified"] == "2026-01-26T14:05:00+00:00"
    assert news["dateline"] == "EXAMPLE CITY"
    assert news["author"] == [
        {"@type": "Person", "name": "Example Writer"},
        {
            "@type": "Person",
            "name": "Example Editor",
            "jobTitle": "Editor",
            "url": "https://example.org/editor",
        },
    ]
    assert news["publisher"]["@type"] == "NewsMediaOrganization"
    assert news["publisher"]["name"] == "newsdigest"
    assert news["keywords"] == ["example", "synthetic"]
    assert news["isBasedOn"][0]["url"] == "https://example.org/original"
    assert news["isBasedOn"][0]["publisher"]["name"] == "Example Agency"
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version misspelt a synthetic name.",
            "datePublished": "2026-01-25T18:00:00+00:00",
        }
    ]
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2]
    assert crumbs[-1]["name"] == "Example article 1"
    meta = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert meta["og:type"] == "article"
    assert meta["article:published_time"] == "2026-01-25T10:00:00+00:00"
    assert meta["article:modified_time"] == "2026-01-26T14:05:00+00:00"
    assert meta["og:description"] == "A synthetic summary of example article 1."
    tags = [m["content"] for m in soup.find_all("meta", property="article:tag")]
    assert tags == ["example", "synthetic"]
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    # Canonical URLs only on publish (the preview build has no absolute address).
    assert soup.find("link", rel="canonical") is None


def test_article_without_newsroom_fields(build_site: Build) -> None:
    output, problems = build_site({"articles/2026-01-25-example-article-1.md": PLAIN})
    assert problems == []
    soup = page(output)
    assert soup.select_one(".byline") is None
    assert soup.select_one(".dateline") is None
    assert soup.select_one("footer.article-notes") is None
    assert "Updated" not in soup.select_one("article header").get_text()
    news = json_ld(soup)["NewsArticle"]
    assert news["dateModified"] == news["datePublished"] == "2026-01-25T10:00:00+00:00"
    # No byline: the publisher stands as the author.
    assert news["author"] == [{"@type": "NewsMediaOrganization", "name": "newsdigest"}]
    for key in ("dateline", "correction", "isBasedOn", "articleSection"):
        assert key not in news


def _atom_entry(output: Path) -> dict[str, str]:
    root = ElementTree.parse(output / "feeds" / "all.atom.xml").getroot()
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    return {name: entry.findtext(f"{ATOM}{name}") or "" for name in ("id", "published", "updated")}


def test_updates_move_the_feed_entry_updated_date_only(build_site: Build, tmp_path: Path) -> None:
    with_feeds = [*LINK_PLUGINS, "feeds"]
    before, problems = build_site(
        {"articles/2026-01-25-example-article-1.md": PLAIN}, plugins=with_feeds
    )
    assert problems == []
    first = _atom_entry(before)
    (before.parent / "content" / "articles" / "2026-01-25-example-article-1.md").unlink()
    after, problems = build_site(
        {"articles/2026-01-25-example-article-1.md": FULL}, plugins=with_feeds
    )
    assert problems == []
    second = _atom_entry(after)
    assert second["id"] == first["id"]
    assert second["published"] == first["published"] == "2026-01-25T10:00:00+00:00"
    assert first["updated"] == "2026-01-25T10:00:00+00:00"
    assert second["updated"] == "2026-01-26T14:05:00+00:00"


def test_hostile_metadata_cannot_break_out(build_site: Build) -> None:
    output, problems = build_site({"articles/2026-01-24-hostile.md": HOSTILE})
    assert problems == []
    html = next(output.glob("2026/01/24/*/index.html")).read_text(encoding="utf-8")
    assert html_problems(html) == []
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scripts)
    assert soup.find("img") is None and soup.find(attrs={"onerror": True}) is None
    news = json_ld(soup)["NewsArticle"]
    assert "</script>" in news["correction"][0]["text"]  # kept as text, escaped in JSON
    assert news["isBasedOn"][0]["url"] == "https://example.org/?a=1&b=2"
    assert "a=1\\u0026b=2" in html
    assert "\\u003c/script\\u003e" in html
    byline = soup.select_one(".byline").get_text()
    assert "Example </script> Writer & <i>Co</i>" in byline
    assert "Agency <img src=x onerror=alert(1)>" in byline  # shown as text


def test_malformed_field_fails_the_build_naming_the_file(build_site: Build) -> None:
    bad = FULL.replace("dateline: EXAMPLE CITY", "dateline: [EXAMPLE CITY]")
    _, problems = build_site({"articles/2026-01-25-example-article-1.md": bad})
    assert problems, "a malformed field must fail the build"
    assert any(
        "content/articles/2026-01-25-example-article-1.md:4: 'dateline' must be text" in p
        for p in problems
    ), problems
    assert not any("Traceback" in p for p in problems)


@pytest.mark.parametrize("dateline", ["<b></b>", "<script>x</script>"])
def test_dateline_of_markup_only_fails_the_build_saying_so(
    build_site: Build, dateline: str
) -> None:
    bad = FULL.replace("dateline: EXAMPLE CITY", f'dateline: "{dateline}"')
    _, problems = build_site({"articles/2026-01-25-example-article-1.md": bad})
    expected = (
        "content/articles/2026-01-25-example-article-1.md:4: 'dateline' has no text once its "
        f"markup is removed: {dateline!r} (a dateline is plain text"
    )
    assert any(expected in p for p in problems), problems
    assert not any("is empty" in p for p in problems), problems


def test_seed_article_shows_its_dateline_and_structured_data(built_site: Path) -> None:
    soup = page(built_site, SEED)
    assert soup.select_one("article header .dateline").get_text(strip=True) == "WASHINGTON"
    news = json_ld(soup)["NewsArticle"]
    assert news["dateline"] == "WASHINGTON"
    assert news["headline"].startswith("US says Netanyahu talks on Gaza plan")
    assert news["datePublished"] == "2026-01-25T00:00:00+00:00"
    assert news["dateModified"] == "2026-01-25T00:00:00+00:00"
    # No summary: the description is the key points, as text.
    assert news["description"].startswith("US said talks with Netanyahu on Gaza peace plan")
    assert "<" not in news["description"]
    assert news["articleSection"] and "Rafah crossing" in news["articleSection"]
    assert news["publisher"]["name"] == "newsdigest"
    assert {n["@type"] for n in json_ld(soup).values()} == {"NewsArticle", "BreadcrumbList"}


def test_topic_hub_has_collection_page_json_ld(built_site: Path) -> None:
    soup = page(built_site, "topics/rafah-crossing/index.html")
    nodes = json_ld(soup)
    hub = nodes["CollectionPage"]
    assert hub["name"] == "Rafah crossing"
    assert hub["mainEntity"]["itemListElement"][0]["url"].endswith(SEED.removesuffix("index.html"))
    names = [item["name"] for item in nodes["BreadcrumbList"]["itemListElement"]]
    assert names == ["newsdigest", "Topics", "Rafah crossing"]
    meta = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert meta["og:type"] == "website"
    assert meta["og:title"] == "Rafah crossing"
