"""Sections are matched against the topics once, as each article is read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pelican import signals
from tests.stage_plugins import LINK_PLUGINS

from topic_hubs.matching import PhraseIndex

Build = Callable[..., tuple[Path, list[str]]]
TOPIC = "---\ntitle: Example topic\nphrases: [example phrase]\n---\n"
WORDS = " ".join(f"filler{n}" for n in range(300))


def _article(number: int) -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: 2026-01-{number:02d}\n---\n\n"
        f"Lead of example article {number}. {WORDS}\n\n"
        f"## Example heading {number}\n\nThe example phrase comes last: {WORDS} example phrase.\n"
    )


@pytest.fixture
def matched_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the build looks topics up in."""
    texts: list[str] = []
    matches = PhraseIndex.matches

    def spy(self: PhraseIndex, text: str) -> list[bool]:
        texts.append(text)
        return matches(self, text)

    monkeypatch.setattr(PhraseIndex, "matches", spy)
    return texts


def test_each_section_is_matched_once_with_its_whole_text(
    build_site: Build, matched_texts: list[str]
) -> None:
    files = {"topics/example-topic.md": TOPIC}
    files.update({f"articles/example-{n}.md": _article(n) for n in (1, 2, 3)})
    when_read: list[int] = []

    def every_article_read(generator: Any) -> None:
        when_read.append(len(matched_texts))

    signals.article_generator_finalized.connect(every_article_read)
    try:
        output, problems = build_site(files, PARALLEL_READ_WORKERS=0)
    finally:
        signals.article_generator_finalized.disconnect(every_article_read)
    assert problems == []
    # Two sections an article, each looked up once, as it was read (none when linked);
    # the phrase at the very end of the section was found: matched before shortened.
    assert when_read == [6]
    assert len(matched_texts) == 6
    hub = (output / "topics" / "example-topic" / "index.html").read_text(encoding="utf-8")
    for number in (1, 2, 3):
        assert f"example-heading-{number}" in hub


def test_parsing_workers_match_and_the_build_checks_their_rules(
    build_site: Build, matched_texts: list[str], tmp_path: Path
) -> None:
    files = {"topics/example-topic.md": TOPIC}
    files.update({f"articles/example-{n}.md": _article(n) for n in (1, 2, 3)})
    # The speed layer's parsing workers (and its content cache) match the sections.
    parallel = {
        "plugins": [*LINK_PLUGINS, "content_cache", "parallel_read"],
        "PARALLEL_READ_WORKERS": 2,
        "PARALLEL_READ_MIN_FILES": 2,
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    output, problems = build_site(files, **parallel)
    assert problems == []
    # Matched in the workers (their lookups happen in their own processes), not here.
    assert matched_texts == []
    hub = (output / "topics" / "example-topic" / "index.html").read_text(encoding="utf-8")
    assert all(f"example-heading-{n}" in hub for n in (1, 2, 3))
    # Other rules: the cached results carry verdicts made with the old ones, so the build
    # matches again (all six sections), and the hub follows the new rule.
    files = {
        "topics/example-topic.md": TOPIC.replace("example phrase", "lead of example article 2")
    }
    output, problems = build_site(files, **parallel)
    assert problems == []
    assert len(matched_texts) == 6
    hub = (output / "topics" / "example-topic" / "index.html").read_text(encoding="utf-8")
    assert "example-article-2/" in hub
    assert "example-article-1/" not in hub and "example-heading-2" not in hub


def test_a_bad_topic_file_is_reported_once(build_site: Build) -> None:
    files = {
        "topics/example-topic.md": TOPIC,
        "topics/broken.md": "---\ntitle: [unclosed\n---\n",
        "articles/example-1.md": _article(1),
    }
    _, problems = build_site(files)
    assert sum("broken.md" in problem for problem in problems) == 1, problems


def test_assigning_without_early_verdicts_matches_the_same(tmp_path: Path) -> None:
    # Articles made without the signal (a plugin's own, a test's) are matched when linked.
    from types import SimpleNamespace

    from topic_hubs.assign import assign_topics
    from topic_hubs.early_matching import SectionMatches
    from topic_hubs.matching import TopicRules
    from topic_hubs.model import Topic

    topic = Topic(slug="example-topic", title="Example topic", source_path="t.md")
    topic.phrases = ("example phrase",)
    rules = [TopicRules.of(topic)]
    sections = [{"id": "a", "title": "A", "text": "The example phrase."}]
    plain: Any = SimpleNamespace(metadata={}, source_path="x.md", sections=sections)
    index = PhraseIndex(rules)
    early: Any = SimpleNamespace(
        metadata={},
        source_path="y.md",
        sections=list(sections),
        section_matches=SectionMatches(index, ((True,),)),
    )
    assert assign_topics([plain, early], rules, set(), str(tmp_path), index=index) == []
    assert [t.slug for t in plain.topics] == [t.slug for t in early.topics] == ["example-topic"]


def test_sections_keep_only_the_text_hubs_can_show(build_site: Build) -> None:
    seen: list[Any] = []

    def keep(generator: Any) -> None:
        seen.extend(generator.articles)

    files = {
        "topics/example-topic.md": TOPIC,
        "articles/example-1.md": _article(1)
        + f"\n## Example unmatched section\n\nNothing to see here. {WORDS}\n",
    }
    signals.article_generator_finalized.connect(keep)
    try:
        _, problems = build_site(files)
    finally:
        signals.article_generator_finalized.disconnect(keep)
    assert problems == []
    (article,) = seen
    lead, matched, unmatched = article.sections
    assert lead["id"] is None and lead["text"].startswith("Lead of example article 1.")
    assert matched["text"].startswith("The example phrase comes last:")
    assert len(lead["text"]) == len(matched["text"]) == 221  # 220 characters and a mark
    assert unmatched["title"] == "Example unmatched section"
    assert unmatched["text"] == ""
