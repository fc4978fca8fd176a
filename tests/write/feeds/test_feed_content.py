"""What feed entries say: key points and content, escaping, dates, categories, topics."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from jinja2 import Environment, FileSystemLoader
from tests.write.feeds.feed_checks import check_all_feeds
from tests.write.feeds.synthetic_sites import (
    CORPUS,
    ROOT,
    SYNTHETIC_PLUGINS,
    SYNTHETIC_TOPICS,
    article,
)

from feeds import plan_feeds
from feeds.generator import xml_text

SITE = "https://newsdigest.example.org"
# Titles are HTML in Pelican; feeds carry their text, as Pelican's own feeds do.
TRICKY_TITLE = 'Example article 3: tags & "quotes" ]]> end'


def _entries(output: Path, name: str = "all") -> dict[str, feedparser.FeedParserDict]:
    parsed = feedparser.parse((output / f"feeds/{name}.atom.xml").read_bytes())
    assert parsed.bozo == 0
    return {entry.link.rsplit("/", 2)[-2]: entry for entry in parsed.entries}


def _json(output: Path, name: str = "all") -> dict[str, dict]:
    feed = json.loads((output / f"feeds/{name}.json").read_text(encoding="utf-8"))
    return {item["url"].rsplit("/", 2)[-2]: item for item in feed["items"]}


def test_entries_are_newest_first_with_key_points_then_the_body(synthetic_site):
    output = synthetic_site()
    parsed = feedparser.parse((output / "feeds/all.atom.xml").read_bytes())
    assert [entry.title for entry in parsed.entries] == [
        "Example article 4",
        TRICKY_TITLE,
        "Example article 2",
        "Example article 1",
    ]
    content = _entries(output)["example-article-1"].content[0].value
    assert content.index("First point of article one.") < content.index("The body of example")
    assert '<aside class="key-points">' in content
    assert "First point of article one." in _json(output)["example-article-1"]["content_html"]


def test_key_points_already_in_the_body_are_not_repeated(synthetic_site):
    body = "::: key-points\n- Point in the body.\n:::\n\nText."
    files = {"articles/one.md": article(1, "2026-01-23T09:00:00+00:00", body=body)}
    content = _entries(synthetic_site(files))["example-article-1"].content[0].value
    assert content.count("Point in the body.") == 1


def test_links_and_images_in_the_content_are_absolute(synthetic_site):
    output = synthetic_site()
    second = _entries(output)["example-article-2"].content[0].value
    assert f'href="{SITE}/2026/01/23/example-article-1/"' in second
    assert f'href="{SITE}/2026/01/24/example-article-2/#later"' in second
    third = _json(output)[next(k for k in _json(output) if k.startswith("example-article-3"))]
    assert f'src="{SITE}/images/chart.png"' in third["content_html"]
    assert f'href="{SITE}/2026/01/24/x/"' in third["content_html"]


def test_titles_with_markup_characters_are_escaped_not_interpreted(synthetic_site):
    output = synthetic_site()
    atom = feedparser.parse((output / "feeds/all.atom.xml").read_bytes())
    rss = feedparser.parse((output / "feeds/all.rss.xml").read_bytes())
    assert atom.entries[1].title == TRICKY_TITLE
    assert rss.entries[1].title == TRICKY_TITLE
    items = json.loads((output / "feeds/all.json").read_text(encoding="utf-8"))["items"]
    assert items[1]["title"] == TRICKY_TITLE
    assert "]]>" not in (output / "feeds/all.atom.xml").read_text(encoding="utf-8")


def test_xml_text_escapes_markup_and_drops_characters_xml_cannot_hold():
    assert str(xml_text('a < b & "c" ]]> \x0b\x00d')) == "a &lt; b &amp; &#34;c&#34; ]]&gt; d"


def test_updated_follows_modified_while_id_and_published_stay(synthetic_site):
    before = _entries(synthetic_site())["example-article-2"]
    later = dict(CORPUS)
    later["articles/two.md"] = CORPUS["articles/two.md"].replace(
        "modified: 2026-01-26T08:00:00+00:00", "modified: 2026-01-28T09:30:00+01:00"
    )
    after = _entries(synthetic_site(later))["example-article-2"]
    assert before.id == after.id
    assert before.published == after.published == "2026-01-24T10:30:00+02:00"
    assert before.updated == "2026-01-26T08:00:00+00:00"
    assert after.updated == "2026-01-28T09:30:00+01:00"
    items = _json(synthetic_site(later))
    assert items["example-article-2"]["date_modified"] == "2026-01-28T09:30:00+01:00"
    assert items["example-article-1"]["date_modified"] == "2026-01-23T09:00:00+00:00"


def test_categories_are_the_topic_titles(synthetic_site):
    output = synthetic_site()
    entry = _entries(output)["example-article-2"]
    assert [tag.term for tag in entry.tags] == [
        "Example topic Alpha & <Beta>",
        "Example topic Gamma",
    ]
    rss = feedparser.parse((output / "feeds/all.rss.xml").read_bytes())
    assert [tag.term for tag in rss.entries[2].tags] == [
        "Example topic Alpha & <Beta>",
        "Example topic Gamma",
    ]
    assert _json(output)["example-article-4"]["tags"] == ["Example topic Gamma"]


def test_each_topic_feed_holds_only_its_articles(synthetic_site):
    output = synthetic_site()
    alpha = feedparser.parse((output / "feeds/topics/example-alpha.atom.xml").read_bytes())
    assert alpha.feed.title == "newsdigest: Example topic Alpha & <Beta>"
    assert alpha.feed.link == f"{SITE}/topics/example-alpha/"
    assert [e.title for e in alpha.entries] == ["Example article 2", "Example article 1"]
    gamma = _json(output, "topics/example-gamma")
    assert sorted(gamma) == ["example-article-2", "example-article-4"]


def test_without_topics_only_the_site_editions_and_corrections_feeds_are_written(synthetic_site):
    plugins = [p for p in SYNTHETIC_PLUGINS if p != "synthetic_topics"]
    output = synthetic_site(PLUGINS=plugins)
    assert not (output / "feeds/topics").exists()
    assert sorted(p.name for p in (output / "feeds").iterdir()) == [
        "all.atom.xml",
        "all.json",
        "all.rss.xml",
        "corrections.atom.xml",
        "corrections.json",
        "corrections.rss.xml",
        "editions.atom.xml",
        "editions.json",
        "editions.rss.xml",
    ]
    assert all(not entry.get("tags") for entry in _entries(output).values())


def test_a_topic_without_articles_still_has_valid_empty_feeds(synthetic_site):
    topics = {**SYNTHETIC_TOPICS, "example-empty": "Example topic Empty"}
    output = synthetic_site(SYNTHETIC_TOPICS=topics)
    empty = feedparser.parse((output / "feeds/topics/example-empty.atom.xml").read_bytes())
    assert empty.bozo == 0 and empty.entries == []
    # Its date is the site's latest change, not the build time: rebuilds stay identical.
    assert empty.feed.updated == "2026-01-26T08:00:00+00:00"
    assert _json(output, "topics/example-empty") == {}
    check_all_feeds(output, SITE)


def test_feeds_max_items_keeps_the_newest(synthetic_site):
    output = synthetic_site(FEEDS_MAX_ITEMS=2)
    titles = [e.title for e in feedparser.parse(output / "feeds/all.rss.xml").entries]
    assert titles == ["Example article 4", TRICKY_TITLE]


def test_the_preview_build_links_from_the_site_root(synthetic_site):
    output = synthetic_site(settings="pelicanconf.py")
    entry = _entries(output)["example-article-1"]
    assert entry.link == "/2026/01/23/example-article-1/"
    assert entry.id == "tag:newsdigest.example.org,2026:article/2026-01-23/example-article-1"


def test_every_page_advertises_the_site_feeds(synthetic_site):
    output = synthetic_site()
    for page in ("index.html", "2026/01/23/example-article-1/index.html", "archives/index.html"):
        html = (output / page).read_text(encoding="utf-8")
        for suffix, media_type in (
            ("all.atom.xml", "application/atom+xml"),
            ("all.rss.xml", "application/rss+xml"),
            ("all.json", "application/feed+json"),
        ):
            assert f'type="{media_type}"' in html
            assert f'href="{SITE}/feeds/{suffix}"' in html
        assert "editions.atom.xml" not in html


@pytest.fixture
def head_links():
    env = Environment(loader=FileSystemLoader(ROOT / "templates"), trim_blocks=True)
    return env.get_template("feeds/head_links.html")


class _Topic:
    slug = "example-alpha"
    title = "Example topic Alpha & <Beta>"
    url = "topics/example-alpha/"


def test_a_topic_page_advertises_its_topic_feeds_too(head_links):
    feeds = plan_feeds("Example site", "", [_Topic()], has_editions=True)
    html = head_links.render(feeds=feeds, SITEURL="..", topic=_Topic())
    # The site's three, the topic's three and the OPML list of every topic's feeds.
    assert html.count('rel="alternate"') == 7
    assert 'type="text/x-opml" title="Example site: topic feeds (OPML)"' in html
    assert 'href="../feeds/topics.opml"' in html
    assert 'href="../feeds/topics/example-alpha.atom.xml"' in html
    assert 'href="../feeds/topics/example-alpha.json"' in html
    assert 'title="Example site: Example topic Alpha &amp; &lt;Beta&gt; (RSS)"' in html
    assert "editions" not in html
    edition_page = head_links.render(feeds=feeds, SITEURL="..", edition=object())
    assert 'href="../feeds/editions.rss.xml"' in edition_page
    assert head_links.render(feeds=None, SITEURL="").strip() == ""


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"FEED_ID_AUTHORITY": "https://example.org"}, "FEED_ID_AUTHORITY = 'https://example.org'"),
        ({"FEED_ID_AUTHORITY": "example.org"}, "'<domain or email you own>,<year or date>'"),
        ({"FEEDS_MAX_ITEM": 3}, "unknown setting FEEDS_MAX_ITEM (did you mean FEEDS_MAX_ITEMS?)"),
        ({"FEEDS_MAX_ITEMS": 0}, "FEEDS_MAX_ITEMS = 0 must be a whole number of at least 1"),
        (
            {"FEED_ID_AUTHORTY": "x"},
            "unknown setting FEED_ID_AUTHORTY (did you mean FEED_ID_AUTHORITY?)",
        ),
        ({"FEED_ALL_ATOM": "feeds/all.atom.xml"}, "set FEED_ALL_ATOM = None"),
    ],
)
def test_a_wrong_setting_fails_the_build_naming_it(build_problems, override, message):
    problems = build_problems(**override)
    assert any(message in problem for problem in problems), problems


def test_the_example_article_helper_is_synthetic():
    assert "Example article 9" in article(9, "2026-01-01")
