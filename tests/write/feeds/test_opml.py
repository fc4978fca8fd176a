"""feeds/topics.opml: valid OPML 2.0 listing every topic's feeds, each URL a file of the site,
advertised on /topics/, on topic hubs and in every page's feed links."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from tests.write.feeds.feed_checks import check_all_feeds
from tests.write.feeds.synthetic_sites import (
    CORPUS,
    SYNTHETIC_PLUGINS,
    SYNTHETIC_TOPICS,
    article,
)

from feeds import plan_feeds
from feeds.catalogue import opml_path, plan_opml

SITE = "https://newsdigest.example.org"
OPML = "feeds/topics.opml"
BUILD_DATE = dt.datetime(2026, 1, 27, 6, 30, tzinfo=dt.UTC)
SUFFIXES = {"Atom": ".atom.xml", "RSS": ".rss.xml", "JSON Feed": ".json"}


def _opml(output: Path) -> ElementTree.Element:
    root = ElementTree.parse(output / OPML).getroot()  # well-formed, or this raises
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert [child.tag for child in root] == ["head", "body"]
    return root


def _in_site(output: Path, url: str, base: str) -> Path:
    """The file of ``output`` that ``url`` (as the OPML file gives it) names."""
    absolute = urljoin(f"{base}/{OPML}", url)
    assert absolute.startswith(base + "/"), f"{url!r} is not on the site"
    path = urlsplit(absolute).path.removeprefix(urlsplit(base).path).lstrip("/")
    target = output / path
    return target / "index.html" if path.endswith("/") or not path else target


def _check_outlines(
    output: Path, root: ElementTree.Element, base: str, *, pages: bool = True
) -> dict[str, list]:
    """Every group is a format, every outline a feed whose URLs are files of the site
    (``pages``: its htmlUrl too; the synthetic topics have no pages); returns format
    label -> [(text, xmlUrl, htmlUrl)]."""
    body = root.find("body")
    assert body is not None
    groups: dict[str, list] = {}
    for group in body:
        assert group.tag == "outline" and group.get("text") in SUFFIXES, group.attrib
        feeds = []
        for outline in group:
            assert outline.tag == "outline" and len(outline) == 0
            assert outline.get("type") == "rss"
            text, xml_url, html_url = (outline.get(k) for k in ("text", "xmlUrl", "htmlUrl"))
            assert text and outline.get("title") == text
            assert xml_url and xml_url.endswith(SUFFIXES[group.get("text", "")])
            assert _in_site(output, xml_url, base).is_file(), xml_url
            assert html_url
            assert not pages or _in_site(output, html_url, base).is_file(), html_url
            feeds.append((text, xml_url, html_url))
        groups[group.get("text", "")] = feeds
    assert list(groups) == list(SUFFIXES)
    return groups


def test_the_published_opml_is_valid_opml_2_listing_every_topics_feeds(synthetic_site):
    output = synthetic_site(BUILD_DATE=BUILD_DATE)
    root = _opml(output)
    head = root.find("head")
    assert head is not None
    assert head.findtext("title") == "newsdigest: topic feeds"
    # RFC 822, from the build's date (never the clock).
    assert parsedate_to_datetime(head.findtext("dateCreated") or "") == BUILD_DATE
    assert head.findtext("ownerName") == "newsdigest editors"
    assert head.findtext("docs") == "http://opml.org/spec2.opml"
    groups = _check_outlines(output, root, SITE, pages=False)
    for label, suffix in SUFFIXES.items():
        assert groups[label] == [
            (
                title,
                f"{SITE}/feeds/topics/{slug}{suffix}",
                f"{SITE}/topics/{slug}/",
            )
            for slug, title in SYNTHETIC_TOPICS.items()
        ]
    # The title with markup characters is escaped, not interpreted.
    assert 'text="Example topic Alpha &amp; &lt;Beta&gt;"' in (output / OPML).read_text()
    # It is not a feed: the feed checks leave it alone, and every feed still passes them.
    assert OPML not in {p.relative_to(output).as_posix() for p in check_all_feeds(output, SITE)}


def test_without_a_build_date_the_opml_is_dated_by_the_newest_article_and_rebuilds_alike(
    synthetic_site,
):
    first = synthetic_site()
    head = _opml(first).find("head")
    assert head is not None
    # Example article 2's modified date is the newest change of the synthetic corpus.
    assert parsedate_to_datetime(head.findtext("dateCreated") or "") == dt.datetime(
        2026, 1, 26, 8, 0, tzinfo=dt.UTC
    )
    assert (synthetic_site() / OPML).read_bytes() == (first / OPML).read_bytes()


def test_the_preview_opml_links_relative_to_itself(synthetic_site):
    output = synthetic_site(settings="pelicanconf.py")
    # Resolved against wherever the file is served from (here: an unrelated host and path).
    base = "http://127.0.0.1:8000/preview"
    groups = _check_outlines(output, _opml(output), base, pages=False)
    assert groups["Atom"][0][1:] == (
        "../feeds/topics/example-alpha.atom.xml",
        "../topics/example-alpha/",
    )


def test_without_topics_there_is_no_opml_and_no_link_to_it(synthetic_site):
    plugins = [p for p in SYNTHETIC_PLUGINS if p != "synthetic_topics"]
    output = synthetic_site(PLUGINS=plugins)
    assert not (output / OPML).exists()
    assert "text/x-opml" not in (output / "index.html").read_text(encoding="utf-8")


def test_the_real_topics_are_all_listed_and_advertised(built_site):
    """The seed's site (topic_hubs, the preview build): every topic of /topics/ is in
    the OPML file, which /topics/, each topic hub and every page advertise."""
    output = built_site
    index = BeautifulSoup((output / "topics/index.html").read_text(encoding="utf-8"), "lxml")
    topics = {
        a.get_text(strip=True): a["href"].rstrip("/").rsplit("/", 1)[-1]
        for a in index.select(".topic-index-entry h2 a")
    }
    assert len(topics) >= 2
    groups = _check_outlines(output, _opml(output), "http://127.0.0.1:8000")
    for label, suffix in SUFFIXES.items():
        listed = {text: xml_url for text, xml_url, _ in groups[label]}
        assert listed == {
            title: f"../feeds/topics/{slug}{suffix}" for title, slug in topics.items()
        }
    visible = index.find("a", string="All topic feeds (OPML)")
    assert visible is not None and visible["href"].endswith("/feeds/topics.opml")
    assert visible["type"] == "text/x-opml"
    hub = BeautifulSoup(
        (output / f"topics/{next(iter(topics.values()))}/index.html").read_text(encoding="utf-8"),
        "lxml",
    )
    follow = hub.select_one("section.topic-feeds")
    assert follow is not None
    assert follow.find("a", string="All topic feeds (OPML)") is not None
    for page in (index, hub, BeautifulSoup((output / "index.html").read_bytes(), "lxml")):
        links = page.select('head link[rel="alternate"][type="text/x-opml"]')
        assert len(links) == 1 and links[0]["href"].endswith("/feeds/topics.opml")
        assert links[0]["title"] == "newsdigest: topic feeds (OPML)"


def test_a_source_saved_as_the_opml_file_is_refused(build_problems):
    """strict_build knows the OPML file from planned_outputs, and names it."""
    files = {
        **CORPUS,
        "articles/five.md": article(5, "2026-01-25T08:00:00+00:00", extra=f"save_as: {OPML}"),
    }
    problems = build_problems(files)
    assert any(
        "content/articles/five.md:4: " in problem
        and "as would the OPML list of topic feeds 'newsdigest: topic feeds'" in problem
        for problem in problems
    ), problems


class _Topic:
    slug = "example-alpha"
    title = "Example topic Alpha & <Beta>"
    url = "topics/example-alpha/"


def test_a_per_language_opml_file_is_one_more_plan():
    """Languages are not built yet; one file per language is one call each (docs/feeds.md)."""
    catalogue = plan_feeds("Example site", "", [_Topic()], has_editions=False)
    (default,) = catalogue.opml
    assert default.path == opml_path() == OPML
    assert default.feeds == (catalogue.topics["example-alpha"],)
    french = plan_opml("Example site", catalogue.topics.values(), "fr")
    assert french.path == "feeds/topics.fr.opml"
    assert french.title == "Example site: topic feeds (fr)"
