"""Days in the site's time zone, and topic groups within a day (plain data, no build)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from editions import build_editions, group_by_topic
from editions.grouping import OTHER_NEWS

ALPHA = SimpleNamespace(slug="example-alpha", title="Example topic Alpha", url="topics/a/")
GAMMA = SimpleNamespace(slug="example-gamma", title="Example topic Gamma", url="topics/g/")
DELTA = SimpleNamespace(slug="example-delta", title="Example topic Delta", url="topics/d/")


def _article(number: int, when: datetime, *topics: SimpleNamespace, **extra: object):
    return SimpleNamespace(
        title=f"Example article {number}",
        slug=f"example-article-{number}",
        date=when,
        topics=list(topics),
        **extra,
    )


def _titles(articles) -> list[str]:
    return [article.title for article in articles]


def test_the_busiest_topic_leads_and_each_article_is_shown_in_full_once():
    noon = datetime(2026, 1, 24, 12, tzinfo=UTC)
    newest = _article(3, noon + timedelta(hours=2), GAMMA, ALPHA)
    middle = _article(2, noon + timedelta(hours=1), ALPHA)
    oldest = _article(1, noon, DELTA, GAMMA)
    untopical = _article(4, noon - timedelta(hours=1))
    groups = group_by_topic([newest, middle, oldest, untopical])
    # Gamma and Alpha have two articles each; Gamma is met first (the newest article's first).
    assert [group.title for group in groups] == [
        "Example topic Gamma",
        "Example topic Alpha",
        "Example topic Delta",
        OTHER_NEWS,
    ]
    gamma, alpha, delta, other = groups
    assert _titles(gamma.articles) == ["Example article 3", "Example article 1"]
    assert gamma.also == ()
    assert _titles(alpha.articles) == ["Example article 2"]
    assert _titles(alpha.also) == ["Example article 3"]
    assert delta.articles == () and _titles(delta.also) == ["Example article 1"]
    assert other.topic is None and _titles(other.articles) == ["Example article 4"]


def test_articles_without_topics_make_a_single_group():
    lone = _article(1, datetime(2026, 1, 24, tzinfo=UTC))
    del lone.topics  # a site without a topic plugin: the attribute is absent
    (group,) = group_by_topic([lone])
    assert group.title == OTHER_NEWS and group.articles == (lone,)


def test_days_are_cut_in_the_site_time_zone_and_editions_link_to_their_neighbours():
    new_york = ZoneInfo("America/New_York")
    late_evening = datetime(2026, 1, 24, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    articles = [
        _article(1, datetime(2026, 1, 23, 9, tzinfo=UTC), ALPHA),
        _article(2, late_evening, ALPHA),  # 04:30 UTC on the 25th, the 24th in New York
        _article(3, datetime(2026, 1, 26, 3, tzinfo=UTC)),  # still the 25th in New York
    ]
    in_utc = build_editions(articles, UTC)
    assert [edition.date for edition in in_utc] == [
        date(2026, 1, 26),
        date(2026, 1, 25),
        date(2026, 1, 23),
    ]
    editions = build_editions(articles, new_york)
    assert [edition.date for edition in editions] == [
        date(2026, 1, 25),
        date(2026, 1, 24),
        date(2026, 1, 23),
    ]
    newest, middle, oldest = editions
    assert newest.newer is None and newest.older is middle
    assert middle.newer is newest and middle.older is oldest and oldest.older is None
    assert newest.url == "editions/2026/01/25/"
    assert newest.save_as == "editions/2026/01/25/index.html"
    assert middle.title == "Edition of Saturday 24 January 2026"
    assert middle.local_time(articles[1]) == "23:30 EST"


def test_published_is_the_first_article_and_updated_the_latest_change():
    first = datetime(2026, 1, 24, 8, tzinfo=UTC)
    articles = [
        _article(1, first, ALPHA, modified=first + timedelta(days=3)),
        _article(2, first + timedelta(hours=5), GAMMA, modified=None),
    ]
    (edition,) = build_editions(articles, UTC)
    assert edition.published == first
    assert edition.updated == first + timedelta(days=3)
    assert _titles(edition.articles) == ["Example article 2", "Example article 1"]
    assert edition.topics == [GAMMA, ALPHA]


def test_a_date_without_a_time_shows_no_time():
    (edition,) = build_editions([_article(1, datetime(2026, 1, 24, tzinfo=UTC))], UTC)
    assert edition.local_time(edition.articles[0]) == ""
