"""Edition pages, the editions index, links to them, and the editions feed, on a tiny site."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup

SITE = "https://newsdigest.example.org"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_one_page_per_day_with_news_grouped_by_topic(synthetic_site):
    output = synthetic_site()
    days = sorted(
        p.relative_to(output).as_posix() for p in output.glob("editions/*/*/*/index.html")
    )
    assert days == [
        "editions/2026/01/23/index.html",
        "editions/2026/01/24/index.html",
        "editions/2026/01/25/index.html",
    ]
    page = _soup(output / "editions/2026/01/24/index.html")
    assert page.h1.get_text() == "Edition of Saturday 24 January 2026"
    groups = page.select(".edition-group")
    assert [g.h2.get_text() for g in groups] == [
        "Example topic Alpha & <Beta>",
        "Example topic Gamma",
        "Other news",
    ]
    assert groups[0].h2.a["href"] == f"{SITE}/topics/example-alpha/"
    assert [a.get_text() for a in groups[0].select("h3 a")] == ["Example article 2"]
    assert groups[1].select("h3") == []
    also = groups[1].select_one(".edition-also a")
    assert also["href"] == "#article-example-article-2" and page.find(
        id="article-example-article-2"
    )
    assert groups[2].select_one("h3 a").get_text() == 'Example article 3: tags & "quotes" ]]> end'
    assert groups[0].select_one(".edition-summary em").get_text() == "emphasis"
    assert groups[0].select_one("time").get_text() == "08:30 UTC"


def test_an_edition_shows_each_article_with_its_key_points(synthetic_site):
    page = _soup(synthetic_site() / "editions/2026/01/23/index.html")
    article = page.select_one(".edition-article")
    assert article.h3.a["href"] == f"{SITE}/2026/01/23/example-article-1/"
    assert [li.get_text() for li in article.select(".edition-key-points li")] == [
        "First point of article one.",
        "Second point.",
    ]


def test_editions_link_to_each_other_and_to_the_index(synthetic_site):
    output = synthetic_site()
    middle = _soup(output / "editions/2026/01/24/index.html").select_one(".edition-nav")
    assert middle.select_one("a[rel=prev]")["href"] == f"{SITE}/editions/2026/01/23/"
    assert middle.select_one("a[rel=next]")["href"] == f"{SITE}/editions/2026/01/25/"
    index = _soup(output / "editions/index.html")
    assert [a["href"] for a in index.select(".edition-list a")] == [
        f"{SITE}/editions/2026/01/25/",
        f"{SITE}/editions/2026/01/24/",
        f"{SITE}/editions/2026/01/23/",
    ]
    assert "2 articles: Example topic Alpha & <Beta>, Example topic Gamma" in index.get_text()


def test_the_home_page_and_the_archives_link_to_the_editions(synthetic_site):
    output = synthetic_site()
    for page in ("index.html", "archives/index.html"):
        links = _soup(output / page).select(".editions-link a")
        assert [a["href"] for a in links] == [
            f"{SITE}/editions/2026/01/25/",
            f"{SITE}/editions/",
        ], page


def test_each_day_of_the_archives_links_to_its_edition(synthetic_site):
    output = synthetic_site()
    days = _soup(output / "archives/index.html").select("section.archive-day")
    assert [day.h2["id"] for day in days] == ["day-2026-01-25", "day-2026-01-24", "day-2026-01-23"]
    for day in days:
        link = day.select_one(".archive-edition a")
        assert link["href"] == f"{SITE}/editions/{day.h2['id'][4:].replace('-', '/')}/"


def test_edition_pages_advertise_the_editions_feeds(synthetic_site):
    output = synthetic_site()
    for page in ("editions/2026/01/24/index.html", "editions/index.html"):
        hrefs = [link["href"] for link in _soup(output / page).select("link[rel=alternate]")]
        assert f"{SITE}/feeds/editions.atom.xml" in hrefs
        assert f"{SITE}/feeds/editions.rss.xml" in hrefs
        assert f"{SITE}/feeds/editions.json" in hrefs
        assert f"{SITE}/feeds/all.atom.xml" in hrefs


def test_the_editions_feed_has_one_entry_per_day_holding_its_digest(synthetic_site):
    output = synthetic_site()
    atom = feedparser.parse((output / "feeds/editions.atom.xml").read_bytes())
    assert atom.bozo == 0
    assert [entry.id for entry in atom.entries] == [
        "tag:newsdigest.example.org,2026:edition/2026-01-25",
        "tag:newsdigest.example.org,2026:edition/2026-01-24",
        "tag:newsdigest.example.org,2026:edition/2026-01-23",
    ]
    day = atom.entries[1]
    assert day.title == "Edition of Saturday 24 January 2026"
    assert day.link == f"{SITE}/editions/2026/01/24/"
    assert day.published == "2026-01-24T10:30:00+02:00"  # the day's first article
    assert day.updated == "2026-01-26T08:00:00+00:00"  # its latest change
    digest = BeautifulSoup(day.content[0].value, "html.parser")
    assert [h.get_text() for h in digest.select("h3")] == [
        "Example article 2",
        'Example article 3: tags & "quotes" ]]> end',
    ]
    assert digest.select_one(".edition-also a")["href"] == (
        f"{SITE}/editions/2026/01/24/#article-example-article-2"
    )
    assert [tag.term for tag in day.tags] == ["Example topic Alpha & <Beta>", "Example topic Gamma"]
    first = json.loads((output / "feeds/editions.json").read_text(encoding="utf-8"))["items"][2]
    assert "First point of article one." in first["content_html"]
    rss = feedparser.parse((output / "feeds/editions.rss.xml").read_bytes())
    assert [entry.id for entry in rss.entries] == [entry.id for entry in atom.entries]


def test_a_site_without_articles_has_no_editions(synthetic_site):
    output = synthetic_site({})
    assert not (output / "editions").exists()
    assert not (output / "feeds/editions.atom.xml").exists()
    assert ".editions-link" not in (output / "index.html").read_text(encoding="utf-8")
    assert (output / "feeds/all.atom.xml").exists()
