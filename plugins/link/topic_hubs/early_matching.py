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

from build_state import build_of
from topic_hubs.matching import PhraseIndex, TopicRules, section_texts
from topic_hubs.section_text import shorten_section_text
from topic_hubs.settings import topic_settings
from topic_hubs.topic_files import LoadedTopics, load_topics

__all__ = [
    "WORKER_VERDICTS",
    "BuildTopics",
    "SectionMatches",
    "build_topics",
    "match_as_read",
    "match_in_worker",
    "take_build_topics",
]


@dataclass(frozen=True)
class BuildTopics:
    """A build's topics as loaded from their files, with the rules matched against."""

    loaded: LoadedTopics
    rules: list[TopicRules]
    index: PhraseIndex
    display_root: str


@dataclass(frozen=True)
class SectionMatches:
    """For each section of an article, in order: for each rule of ``index``, a match.

    The verdicts were made from the sections' whole text, which sections no longer hold:
    they are part of what an article holds as read (parallel_write's page keys describe
    them; the index is the topics' rules, described with the topics).
    """

    index: PhraseIndex
    verdicts: tuple[tuple[bool, ...], ...]


# Where the build keeps its topics (build_state): loaded once, when the first article is made.
_BUILD_KEY = "topic_hubs.topics"


def _load_build_topics(settings: Any) -> BuildTopics:
    display_root = os.path.dirname(os.path.abspath(str(settings.get("PATH", "."))))
    loaded = load_topics(topic_settings(settings).folder, display_root, settings)
    rules = [TopicRules.of(topic) for topic in loaded.topics]
    return BuildTopics(loaded, rules, PhraseIndex(rules), display_root)


def build_topics(settings: Any) -> BuildTopics:
    """The topics of the build whose settings these are (loaded once)."""
    return build_of(settings).state(_BUILD_KEY, lambda: _load_build_topics(settings))


def take_build_topics(settings: Any) -> BuildTopics:
    """:func:`build_topics`, forgotten afterwards: linking them happens once."""
    topics = build_topics(settings)
    build_of(settings).drop(_BUILD_KEY)
    return topics


# The metadata key under which a parsing worker leaves its verdicts for the build:
# ``(index.digest, for each section the numbers of the rules it matched)``.
WORKER_VERDICTS = "topic_hubs_worker_verdicts"


def match_in_worker(reader: Any, metadata: dict[str, Any] | None = None) -> None:
    """``parallel_read.parsed_in_worker`` receiver: match the sections on a worker's core.

    The verdicts name the rules they were made with (the index's digest): the build uses
    them only when its own rules are the same (a content cache entry may have been made
    before a topic file changed), and otherwise matches again, as without workers.
    """
    settings = getattr(reader, "settings", None)
    if metadata is None or settings is None:
        return
    sections = metadata.get("sections")
    if not isinstance(sections, list):
        return
    index = build_topics(settings).index
    matched = tuple(
        tuple(number for number, match in enumerate(index.matches(text)) if match)
        for text in section_texts(sections)
    )
    metadata[WORKER_VERDICTS] = (index.digest, matched)


def _worker_verdicts(
    content: Any, index: PhraseIndex, count: int
) -> tuple[tuple[bool, ...], ...] | None:
    """The verdicts a worker left on ``content`` (taken off it), if made with ``index``."""
    given = content.metadata.pop(WORKER_VERDICTS, None)
    if hasattr(content, WORKER_VERDICTS):  # Pelican made the metadata key an attribute too
        delattr(content, WORKER_VERDICTS)
    if not isinstance(given, tuple) or len(given) != 2 or given[0] != index.digest:
        return None
    matched = given[1]
    if not isinstance(matched, tuple) or len(matched) != count:
        return None
    return index.section_verdicts_of(matched)


def match_as_read(content: Any) -> None:
    """``content_object_init`` receiver: match an article's sections, then shorten them."""
    if not isinstance(content, Article):
        return
    topics = build_topics(content.settings)
    sections = getattr(content, "sections", None) or []
    index = topics.index
    verdicts = _worker_verdicts(content, index, len(sections))
    if verdicts is None:
        verdicts = tuple(index.shared(index.matches(text)) for text in section_texts(sections))
    content.section_matches = SectionMatches(index, verdicts)
    for section, matches in zip(sections, verdicts, strict=True):
        # Hubs show the excerpt of a section a topic matched, or of the lead (for a topic
        # the front matter names): another section's text is never shown again.
        if True not in matches and section.get("id") is not None:
            section["text"] = ""
        else:
            shorten_section_text(section)
