"""assign_topics against a plain, rule-by-rule statement of what it promises.

Each article's topics: the explicit ones (front matter ``topics``) in the order written,
then those whose rules match a section (unless opted out with ``no_topics``), most
matching sections first, then the earliest first match, then by title; for each, the
sections it matched in reading order; and the section map. Checked on seeded random
archives, with the verdicts made as articles are read and without them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from topic_hubs.assign import assign_topics
from topic_hubs.early_matching import SectionMatches
from topic_hubs.matching import PhraseIndex, TopicRules, section_texts
from topic_hubs.model import Topic

WORDS = ["alpha", "beta", "gamma", "delta", "harbour", "filler", "example", "words"]


def _topics() -> list[Topic]:
    # Two topics whose titles are equal once case-folded (in the order the titles alone
    # would not give them): ties keep the rules' order.
    return [
        Topic("t-beta", "example topic a", "b.md", phrases=("beta", "gamma delta")),
        Topic("t-alpha", "Example topic A", "a.md", phrases=("alpha",)),
        Topic("t-harbour", "Example harbour", "c.md", phrases=("harbour",), aliases=("delta",)),
        Topic("t-gamma", "Example gamma", "d.md", phrases=("gamma",), exclude_phrases=("beta",)),
        Topic("t-none", "Example unmatched", "e.md", phrases=("absent phrase",)),
    ]


def _expected(
    article: Any, rules: Sequence[TopicRules], explicit: list[str], opted_out: list[str]
) -> tuple[list[str], dict[str, list[int]], list[tuple[int, list[str]]]]:
    sections = article.sections
    texts = section_texts(sections)
    matched: dict[str, list[int]] = {}
    for rule in rules:
        slug = rule.topic.slug
        if slug in opted_out and slug not in explicit:
            continue
        found = [n for n, text in enumerate(texts) if rule.matches_normalised(text)]
        if found or slug in explicit:
            matched[slug] = found
    titles = {rule.topic.slug: rule.topic.title.casefold() for rule in rules}
    by_rule = sorted(
        (slug for slug in matched if slug not in explicit),
        key=lambda slug: (-len(matched[slug]), matched[slug][0], titles[slug]),
    )
    order = [*explicit, *by_rule]
    section_map = [
        (n, [slug for slug in order if n in matched[slug]])
        for n in range(len(sections))
        if any(n in matched[slug] for slug in order)
    ]
    return order, {slug: matched[slug] for slug in order}, section_map


def _archive(seed: int, slugs: list[str]) -> list[tuple[Any, list[str], list[str]]]:
    chooser = random.Random(seed)
    made = []
    for number in range(60):
        sections = [
            {
                "id": None if n == 0 else f"s{n}",
                "title": "" if n == 0 else " ".join(chooser.sample(WORDS, 2)),
                "text": " ".join(chooser.choice(WORDS) for _ in range(chooser.randrange(12))),
            }
            for n in range(chooser.randrange(0, 6))
        ]
        explicit = chooser.sample(slugs, chooser.choice([0, 0, 0, 1, 2]))
        opted_out = chooser.sample(slugs, chooser.choice([0, 0, 0, 1, 2]))
        metadata: dict[str, Any] = {}
        if explicit:
            metadata["topics"] = list(explicit)
        if opted_out:
            metadata["no_topics"] = list(opted_out)
        article = SimpleNamespace(
            metadata=metadata, source_path=f"example-{number}.md", sections=sections
        )
        made.append((article, explicit, opted_out))
    return made


@pytest.mark.parametrize("early", [True, False])
@pytest.mark.parametrize("seed", range(8))
def test_topics_sections_and_section_map_as_promised(
    seed: int, early: bool, tmp_path: Path
) -> None:
    topics = _topics()
    rules = [TopicRules.of(topic) for topic in topics]
    index = PhraseIndex(rules)
    archive = _archive(seed, [topic.slug for topic in topics])
    if early:
        for article, *_ in archive:
            verdicts = tuple(
                index.shared(index.matches(t)) for t in section_texts(article.sections)
            )
            article.section_matches = SectionMatches(index, verdicts)
    articles = [article for article, *_ in archive]
    assert assign_topics(articles, rules, set(), str(tmp_path), index=index) == []
    for article, explicit, opted_out in archive:
        order, sections_of, section_map = _expected(article, rules, explicit, opted_out)
        assert [topic.slug for topic in article.topics] == order
        assert list(article.topic_sections) == order
        for slug, numbers in sections_of.items():
            assert article.topic_sections[slug] == [article.sections[n] for n in numbers]
            assert all(
                got is article.sections[n]
                for got, n in zip(article.topic_sections[slug], numbers, strict=True)
            )
        assert [
            (article.sections.index(entry.section), [topic.slug for topic in entry.topics])
            for entry in article.section_topics
        ] == section_map
        assert not hasattr(article, "section_matches")
