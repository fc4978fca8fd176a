"""Match an article's sections against the topics as soon as the article is made.

Matching reads every section's whole text; after it, a section needs only the start that
excerpts show (:mod:`topic_hubs.section_text`), and a section no topic matched (other
than the lead, whose excerpt stands for the whole article) needs none of it. Matching
each article when Pelican makes it (``content_object_init``) lets the rest of the text go
at once, instead of holding every article's whole text until all are read, and in a
parallel build (parallel_read) it runs while the build process waits for the parsing
workers.

The topics are loaded for the first article and kept for the rest of the build;
:func:`topic_hubs.pipeline.link_topics` takes them (and reports their problems) once
every article is read, and uses each article's verdicts when they were made with the
very same rules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pelican.contents import Article

from plugin_use import uses_plugin
from topic_hubs.matching import PhraseIndex, TopicRules, section_texts
from topic_hubs.section_text import shorten_section_texts
from topic_hubs.settings import topic_settings
from topic_hubs.topic_files import LoadedTopics, load_topics

__all__ = ["BuildTopics", "SectionMatches", "build_topics", "match_as_read", "take_build_topics"]


@dataclass(frozen=True)
class BuildTopics:
    """A build's topics as loaded from their files, with the rules matched against."""

    loaded: LoadedTopics
    rules: list[TopicRules]
    index: PhraseIndex
    display_root: str


@dataclass(frozen=True)
class SectionMatches:
    """For each section of an article, in order: for each rule of ``index``, a match."""

    index: PhraseIndex
    verdicts: tuple[tuple[bool, ...], ...]


# The topics of the build in progress, by its settings object (one build at a time).
_current: tuple[Any, BuildTopics] | None = None


def build_topics(settings: Any) -> BuildTopics:
    """The topics of the build whose settings these are (loaded once)."""
    global _current  # noqa: PLW0603  # one build at a time per process
    if _current is not None and _current[0] is settings:
        return _current[1]
    display_root = os.path.dirname(os.path.abspath(str(settings.get("PATH", "."))))
    loaded = load_topics(topic_settings(settings).folder, display_root, settings)
    rules = [TopicRules.of(topic) for topic in loaded.topics]
    topics = BuildTopics(loaded, rules, PhraseIndex(rules), display_root)
    _current = (settings, topics)
    return topics


def take_build_topics(settings: Any) -> BuildTopics:
    """:func:`build_topics`, forgotten afterwards: linking them happens once."""
    global _current  # noqa: PLW0603
    topics = build_topics(settings)
    _current = None
    return topics


def match_as_read(content: Any) -> None:
    """``content_object_init`` receiver: match an article's sections, then shorten them."""
    if not isinstance(content, Article) or not uses_plugin(content.settings, "topic_hubs"):
        return
    sections = getattr(content, "sections", None) or []
    index = build_topics(content.settings).index
    verdicts = tuple(tuple(index.matches(text)) for text in section_texts(sections))
    content.section_matches = SectionMatches(index, verdicts)
    for section, matches in zip(sections, verdicts, strict=True):
        # Hubs show the excerpt of a section a topic matched, or of the lead (for a topic
        # the front matter names): another section's text is never shown again.
        if section.get("id") is not None and not any(matches):
            section["text"] = ""
    shorten_section_texts([content])
