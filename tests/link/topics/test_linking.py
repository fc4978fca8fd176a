"""Per-section matching, explicit/opt-out precedence, hub data and related coverage, on the
fixture corpus read by the real reader (tests/link/topics/corpus/)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from tests.link.topics.corpus_articles import fake_generator, read_corpus

from topic_hubs import link_topics, related_coverage
from topic_hubs.matching import TopicRules
from topic_hubs.model import Topic


@pytest.fixture
def linked():
    articles = read_corpus()
    generator = fake_generator(list(articles.values()))
    link_topics(generator)
    return articles, generator.context


def _slugs(topics):
    return [topic.slug for topic in topics]


def _ids(sections):
    return [section["id"] for section in sections]


def test_each_article_gets_its_topics_in_order_of_relevance(linked):
    articles, _ = linked
    assert _slugs(articles["Example article 1"].topics) == [
        "example-bridge",  # lead; ties broken by first section, then title
        "example-council",  # lead
        "example-harbour",  # second section
    ]
    # explicit topics come first, even when no section matches them
    assert _slugs(articles["Example article 2"].topics) == ["example-council", "example-bridge"]
    assert _slugs(articles["Example article 3"].topics) == ["example-council"]
    assert _slugs(articles["Example article 4"].topics) == ["example-harbour", "example-council"]
    assert articles["Example article 5"].topics == []  # "councillors" is not "council"


def test_matching_is_per_section_whole_word_case_insensitive_with_exclusions(linked):
    articles, _ = linked
    one = articles["Example article 1"].topic_sections
    assert {slug: _ids(found) for slug, found in one.items()} == {
        "example-bridge": [None],  # the lead: the hub links to the article's top
        "example-council": [None],
        "example-harbour": ["harbour-works"],
    }
    # "The BRIDGE was closed" matches; the explicit topic has no matching section
    two = articles["Example article 2"].topic_sections
    assert {slug: _ids(found) for slug, found in two.items()} == {
        "example-council": [],
        "example-bridge": ["bridge-repairs"],
    }
    # "bridge club" is an exclude phrase of example-bridge: that section does not join
    four = articles["Example article 4"].topic_sections
    assert {slug: _ids(found) for slug, found in four.items()} == {
        "example-harbour": ["harbour"],
        "example-council": ["council-meeting"],
    }


def test_opting_out_drops_a_rule_match_and_aliases_match_like_phrases(linked):
    articles, _ = linked
    three = articles["Example article 3"]
    # "Traffic at the port grew" would match example-harbour; no_topics opts out
    assert "example-harbour" not in three.topic_sections
    assert _ids(three.topic_sections["example-council"]) == ["town-hall-vote"]  # alias


def test_explicit_topics_win_over_opting_out():
    articles = read_corpus()
    two = articles["Example article 2"]
    two.metadata = {**two.metadata, "no_topics": ["example-council", "example-bridge"]}
    link_topics(fake_generator(list(articles.values())))
    assert _slugs(two.topics) == ["example-council"]


def test_the_section_map_lists_each_matched_section_with_its_topics(linked):
    articles, _ = linked
    marked = articles["Example article 1"].section_topics
    assert [(entry.anchor, _slugs(entry.topics)) for entry in marked] == [
        (None, ["example-bridge", "example-council"]),
        ("harbour-works", ["example-harbour"]),
    ]


def test_context_has_topics_sorted_by_title_and_by_slug(linked):
    _, context = linked
    assert [topic.title for topic in context["topics"]] == [
        "Example bridge",
        "Example council",
        "Example harbour",
    ]
    assert context["topics_by_slug"]["example-council"] is context["topics"][1]


def _timeline(topic):
    return [
        (
            day.date.isoformat(),
            [(entry.article.title, [d.url for d in entry.developments]) for entry in day.entries],
        )
        for day in topic.timeline
    ]


def _days(timeline):
    return [(day.date.isoformat(), [e.article.title for e in day.entries]) for day in timeline]


def test_hub_pages_cut_the_timeline_by_articles_even_within_a_day():
    articles = read_corpus()
    generator = fake_generator(list(articles.values()), TOPICS_HUB_PAGE_SIZE=2)
    link_topics(generator)
    council = generator.context["topics_by_slug"]["example-council"]
    first, second = council.hub_pages
    assert (first.number, first.count, second.number, second.count) == (1, 2, 2, 2)
    assert _days(first.timeline) == [
        ("2026-03-03", ["Example article 4"]),
        ("2026-03-02", ["Example article 3"]),
    ]
    assert _days(second.timeline) == [
        ("2026-03-02", ["Example article 2"]),
        ("2026-03-01", ["Example article 1"]),
    ]
    # Pages hold the topic's own timeline objects (not a second timeline), but for the
    # day cut in two.
    assert first.timeline[0] is council.timeline[0]
    assert second.timeline[1] is council.timeline[2]
    assert first.timeline[1].entries[0] is council.timeline[1].entries[0]


def test_hub_timelines_are_newest_first_grouped_by_day_with_section_links(linked):
    _, context = linked
    topics = context["topics_by_slug"]
    assert _timeline(topics["example-council"]) == [
        ("2026-03-03", [("Example article 4", ["2026/03/03/example-4/#council-meeting"])]),
        (
            "2026-03-02",
            [
                ("Example article 3", ["2026/03/02/example-3/#town-hall-vote"]),
                ("Example article 2", ["2026/03/02/example-2/"]),
            ],
        ),
        ("2026-03-01", [("Example article 1", ["2026/03/01/example-1/"])]),
    ]
    assert _timeline(topics["example-bridge"]) == [
        ("2026-03-02", [("Example article 2", ["2026/03/02/example-2/#bridge-repairs"])]),
        ("2026-03-01", [("Example article 1", ["2026/03/01/example-1/"])]),
    ]
    assert _timeline(topics["example-harbour"]) == [
        ("2026-03-03", [("Example article 4", ["2026/03/03/example-4/#harbour"])]),
        ("2026-03-01", [("Example article 1", ["2026/03/01/example-1/#harbour-works"])]),
    ]
    council = topics["example-council"]
    assert [a.title for a in council.articles] == [
        "Example article 4",
        "Example article 3",
        "Example article 2",
        "Example article 1",
    ]
    assert council.developments[1].heading == "Town hall vote"
    assert council.developments[1].excerpt == "The vote at the town hall was delayed."
    # a whole-article development shows the lead as its excerpt
    assert council.developments[2].section is None
    assert council.developments[2].excerpt == "A synthetic lead that names no topic."


def test_sections_on_gives_an_articles_headed_sections_in_a_topic(linked):
    articles, context = linked
    council = context["topics_by_slug"]["example-council"]
    by_title = {article.title: article for article in articles.values()}
    on_three = council.sections_on(by_title["Example article 3"])
    assert [d.url for d in on_three] == ["2026/03/02/example-3/#town-hall-vote"]
    # a whole-article development has no heading; an article not in the topic has none
    assert council.sections_on(by_title["Example article 2"]) == []
    harbour = context["topics_by_slug"]["example-harbour"]
    assert harbour.sections_on(by_title["Example article 3"]) == []


def test_hub_key_points_are_those_that_concern_the_topic(linked):
    _, context = linked
    topics = context["topics_by_slug"]
    assert topics["example-harbour"].key_points == ["The harbour reopened."]
    assert topics["example-council"].key_points == ["A <em>council</em> vote is due."]
    assert topics["example-bridge"].key_points == []


def test_related_topics_are_those_sharing_articles(linked):
    _, context = linked
    council = context["topics_by_slug"]["example-council"]
    assert [(r.topic.slug, r.shared) for r in council.related_topics] == [
        ("example-bridge", 2),
        ("example-harbour", 2),
    ]
    bridge = context["topics_by_slug"]["example-bridge"]
    assert [(r.topic.slug, r.shared) for r in bridge.related_topics] == [
        ("example-council", 2),
        ("example-harbour", 1),
    ]


def test_related_coverage_on_the_corpus(linked):
    articles, _ = linked
    related = articles["Example article 4"].related_coverage
    # article 1 shares two topics (harbour, council) and outranks newer articles sharing one
    assert [(r.article.title, _slugs(r.shared_topics)) for r in related] == [
        ("Example article 1", ["example-harbour", "example-council"]),
        ("Example article 3", ["example-council"]),
        ("Example article 2", ["example-council"]),
    ]
    assert articles["Example article 5"].related_coverage == []


def test_previous_and_next_development_within_each_topic(linked):
    articles, _ = linked
    [council] = articles["Example article 3"].topic_neighbours
    assert council.topic.slug == "example-council"
    assert council.previous.url == "2026/03/02/example-2/"
    assert council.next.url == "2026/03/03/example-4/#council-meeting"
    newest = {n.topic.slug: n for n in articles["Example article 4"].topic_neighbours}
    assert newest["example-harbour"].next is None
    assert newest["example-harbour"].previous.url == "2026/03/01/example-1/#harbour-works"


def _article(title: str, day: int, hour: int = 12) -> SimpleNamespace:
    return SimpleNamespace(title=title, date=dt.datetime(2026, 3, day, hour, tzinfo=dt.UTC))


def test_related_coverage_ranks_by_shared_topics_then_recency_then_title():
    red, blue, green = (Topic(slug, slug.title(), "x.md") for slug in ("red", "blue", "green"))
    reading = _article("Example article 0", 10)
    both_old = _article("Example article 1", 1)
    red_new = _article("Example article 2", 9)
    blue_new_b = _article("Example article 4", 8)
    blue_new_a = _article("Example article 3", 8)
    three = _article("Example article 5", 2)
    unrelated = _article("Example article 6", 11)
    reading.topics = [red, blue, green]
    red.articles = [red_new, reading, three, both_old]
    blue.articles = [reading, blue_new_a, blue_new_b, three, both_old]
    green.articles = [reading, three, unrelated]
    unrelated.topics = [green]
    ranked = related_coverage(reading, limit=10)
    assert [(r.article.title, len(r.shared_topics)) for r in ranked] == [
        ("Example article 5", 3),
        ("Example article 1", 2),
        ("Example article 6", 1),  # newest of those sharing one topic
        ("Example article 2", 1),
        ("Example article 3", 1),  # same time as article 4: by title
        ("Example article 4", 1),
    ]
    assert [r.article.title for r in related_coverage(reading, limit=2)] == [
        "Example article 5",
        "Example article 1",
    ]


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("The UN said", True),
        ("the un’s envoy", True),  # typographic apostrophe, any case
        ("UNRWA said", False),  # whole words only
        ("Rafah\ncrossing", True),  # line breaks count as spaces
        ("the Rafah crossing-point", True),  # a hyphen ends a word
        ("the bridge club met", False),  # exclude phrase
        ("no match at all", False),
    ],
)
def test_phrase_rules(text, matches):
    topic = Topic(
        "example",
        "Example",
        "x.md",
        phrases=("UN", "Rafah crossing", "bridge"),
        exclude_phrases=("bridge club",),
    )
    assert TopicRules.of(topic).matches_text(text) is matches


def test_the_build_wide_ranking_equals_ranking_every_article_one_by_one():
    """RelatedRanking looks only at the head of each group of articles with the same
    topics; on a seeded random archive it must agree with a brute-force ranking."""
    import random

    from topic_hubs.linking import RelatedRanking

    chooser = random.Random(5)
    topics = [Topic(f"t{n}", f"Example topic {n}", "x.md") for n in range(5)]
    articles = []
    for n in range(120):
        article = _article(f"Example article {n}", 1 + n % 20, chooser.randrange(24))
        article.topics = chooser.sample(topics, chooser.randrange(0, 4))
        articles.append(article)
    for topic in topics:
        topic.articles = sorted(
            (a for a in articles if topic in a.topics), key=lambda a: a.date, reverse=True
        )
    ranking = RelatedRanking((article, article.topics) for article in articles)
    for article in articles:
        brute = []
        for other in articles:
            shared = tuple(t for t in article.topics if other in t.articles)
            if other is not article and shared:
                brute.append((-len(shared), -other.date.timestamp(), other.title, other, shared))
        expected = [(other, shared) for *_, other, shared in sorted(brute, key=lambda b: b[:3])]
        # Articles with the same topics share the ranking's candidates (each leaves itself out).
        for limit in (0, 1, 7):
            together = ranking.related_to(article, limit=limit)
            assert [(r.article, r.shared_topics) for r in together] == expected[:limit]
        assert [(r.article, r.shared_topics) for r in related_coverage(article, limit=7)] == (
            expected[:7]
        )


def _problems_of(metadata: dict, *, with_topics: bool = True) -> list[str]:
    from tests.link.topics.corpus_articles import CORPUS

    from topic_hubs.assign import assign_topics
    from topic_hubs.topic_files import load_topics

    loaded = load_topics(str(CORPUS / "topics"), str(CORPUS.parent), {})
    rules = [TopicRules.of(topic) for topic in loaded.topics] if with_topics else []
    article = SimpleNamespace(
        source_path=str(CORPUS / "articles/example-1.md"), metadata=metadata, sections=[]
    )
    errors = assign_topics([article], rules, set(), str(CORPUS.parent))
    return [str(error) for error in errors]


def test_topics_written_as_pelican_header_text_are_split_on_commas():
    from topic_hubs.assign import slug_list

    assert slug_list("example-bridge, example-council") == ["example-bridge", "example-council"]
    assert slug_list(["example-bridge"]) == ["example-bridge"]
    assert slug_list({"a": "b"}) is None


def test_malformed_or_unknown_topics_in_front_matter_are_clear_errors():
    assert _problems_of({"topics": {"a": "b"}}) == [
        "corpus/articles/example-1.md: 'topics' must be a list of topic slugs, not {'a': 'b'} "
        "(write it as 'topics: [rafah-crossing, un-responses]')"
    ]
    assert _problems_of({"no_topics": ["zzz"]}) == [
        "corpus/articles/example-1.md: unknown topic 'zzz' in 'no_topics' "
        "(known topics: example-bridge, example-council, example-harbour)"
    ]
    assert _problems_of({"topics": ["example-bridge"]}, with_topics=False) == [
        "corpus/articles/example-1.md: unknown topic 'example-bridge' in 'topics' "
        "(no topics are defined; add example-bridge.md to the topics folder, content/topics/)"
    ]


def test_articles_listed_in_the_same_topics_share_a_ranking_but_keep_their_own_order():
    from topic_hubs.linking import RelatedRanking

    red, blue = Topic("red", "Red", "x.md"), Topic("blue", "Blue", "x.md")
    published = [_article(f"Example article {n}", 10 - n) for n in range(5)]
    for article in published:
        article.topics = [red, blue]
    ranking = RelatedRanking((article, article.topics) for article in published)
    hidden = _article("Example article 9", 1)  # not ranked: a hidden article or a draft
    hidden.topics = [blue, red]
    first = published[0]
    assert [r.article for r in ranking.related_to(first, limit=3)] == published[1:4]
    assert [r.article for r in ranking.related_to(published[2], limit=3)] == [
        published[0],
        published[1],
        published[3],
    ]
    assert [r.article for r in ranking.related_to(hidden, limit=3)] == published[:3]
    # The shared topics are in each article's own order of its topics.
    assert ranking.related_to(first, limit=1)[0].shared_topics == (red, blue)
    assert ranking.related_to(hidden, limit=1)[0].shared_topics == (blue, red)
    assert ranking.related_to(hidden, limit=0) == []
