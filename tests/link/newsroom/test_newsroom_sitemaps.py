"""sitemap.xml and news-sitemap.xml against the sitemap 0.9 and Google News XSDs; robots.txt;
canonical URLs on publish; nothing of the kind in the preview build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree
from site_files import FULL, dated

from newsroom.sitemaps import NEWS_LIMIT

Build = Callable[..., tuple[Path, list[str]]]
SCHEMAS = Path(__file__).parent / "schemas"
SITE = "https://news.example.org"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def valid(document: Path, schema_name: str) -> etree._ElementTree:
    tree = etree.parse(str(document))
    checker = schema(schema_name)
    assert checker.validate(tree), f"{document.name}: {checker.error_log}"
    return tree


def corpus() -> dict[str, str | bytes]:
    # Newest article on 27 Jan 12:00: articles 2 and 3 are within 48 hours, 4 is not.
    return {
        "articles/2026-01-25-example-article-1.md": FULL,  # 25 Jan 10:00, updated 26 Jan
        "articles/2026-01-27-example-article-2.md": dated(2, "2026-01-27T12:00:00+00:00"),
        "articles/2026-01-25-example-article-3.md": dated(3, "2026-01-25T12:00:00+00:00"),
        "articles/2026-01-25-example-article-4.md": dated(4, "2026-01-25T11:59:00+00:00"),
        "pages/about.md": "---\ntitle: About example\nslug: about\n---\n\nA synthetic page.\n",
    }


def test_publish_writes_valid_sitemaps_and_robots(build_site: Build) -> None:
    output, problems = build_site(corpus(), settings="publishconf.py", SITEURL=SITE)
    assert problems == []
    pages = valid(output / "sitemap.xml", "sitemap.xsd")
    locs = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in pages.getroot().iterfind("s:url", NS)
    }
    assert locs[f"{SITE}/"] == "2026-01-27T12:00:00+00:00"
    assert locs[f"{SITE}/2026/01/25/example-article-1/"] == "2026-01-26T14:05:00+00:00"
    assert f"{SITE}/about/" in locs
    assert f"{SITE}/tags/example/" in locs
    assert f"{SITE}/archives/" in locs
    for article in (2, 3, 4):
        assert any(loc.endswith(f"/example-article-{article}/") for loc in locs)
    assert len(locs) == len(pages.getroot()), "each address once"

    news = valid(output / "news-sitemap.xml", "news-urlset.xsd").getroot()
    entries = [
        (
            url.findtext("s:loc", namespaces=NS),
            url.findtext("n:news/n:title", namespaces=NS),
            url.findtext("n:news/n:publication_date", namespaces=NS),
        )
        for url in news.iterfind("s:url", NS)
    ]
    assert entries == [
        (f"{SITE}/2026/01/27/example-article-2/", "Example article 2", "2026-01-27T12:00:00+00:00"),
        (f"{SITE}/2026/01/25/example-article-3/", "Example article 3", "2026-01-25T12:00:00+00:00"),
    ]
    assert news.findtext("s:url/n:news/n:publication/n:name", namespaces=NS) == "newsdigest"
    assert news.findtext("s:url/n:news/n:publication/n:language", namespaces=NS) == "en"

    robots = (output / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE}/sitemap.xml" in robots
    assert f"Sitemap: {SITE}/news-sitemap.xml" in robots

    soup = BeautifulSoup(
        (output / "2026/01/27/example-article-2/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert soup.find("link", rel="canonical")["href"] == f"{SITE}/2026/01/27/example-article-2/"
    about = BeautifulSoup((output / "about/index.html").read_text(encoding="utf-8"), "html.parser")
    assert about.find("link", rel="canonical")["href"] == f"{SITE}/about/"


def test_the_schemas_reject_a_broken_news_sitemap(build_site: Build) -> None:
    # The check can fail: a misspelt element, or a missing publication date, is rejected.
    output, problems = build_site(corpus(), settings="publishconf.py", SITEURL=SITE)
    assert problems == []
    text = (output / "news-sitemap.xml").read_bytes()
    checker = schema("news-urlset.xsd")
    misspelt = text.replace(b"news:title>", b"news:titel>")
    assert not checker.validate(etree.fromstring(misspelt))
    undated = text.replace(
        b"<news:publication_date>2026-01-27T12:00:00+00:00</news:publication_date>", b""
    )
    assert not checker.validate(etree.fromstring(undated))
    assert not schema("sitemap.xsd").validate(
        etree.fromstring(text.replace(b"<loc>", b"<location>").replace(b"</loc>", b"</location>"))
    )


def test_news_sitemap_holds_at_most_the_limit() -> None:
    import datetime as dt
    from types import SimpleNamespace

    from newsroom.settings import read_newsroom_settings
    from newsroom.sitemaps import news_entries

    start = dt.datetime(2026, 1, 25, tzinfo=dt.UTC)
    articles = [
        SimpleNamespace(
            date=start + dt.timedelta(seconds=n), url=f"a{n}/", title=f"Example article {n}"
        )
        for n in range(NEWS_LIMIT + 5)
    ]
    site = read_newsroom_settings({"SITEURL": SITE, "SITENAME": "newsdigest"})
    entries = news_entries(articles, site)
    assert len(entries) == NEWS_LIMIT
    assert entries[0].title == f"Example article {NEWS_LIMIT + 4}"  # newest first


def test_preview_build_writes_no_sitemaps(build_site: Build) -> None:
    output, problems = build_site(corpus())
    assert problems == []
    for name in ("sitemap.xml", "news-sitemap.xml", "robots.txt"):
        assert not (output / name).exists()
