"""Decide which sections of an article a topic's rules match.

A rule is a phrase (from ``phrases`` or ``aliases``), matched case-insensitively as
whole words against a section's heading and text; a section that also contains one
of the topic's ``exclude_phrases`` does not match. Typographic apostrophes and any
run of white space count as their plain forms, so "UN’s" and "UN's" are the same.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from topic_hubs.model import Topic

__all__ = ["TopicRules", "contains_phrase", "normalise", "section_texts"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(text: str) -> str:
    """Text as rules see it: NFKC, case-folded, plain apostrophes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(text.split())


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether normalised ``text`` contains normalised ``phrase`` as whole words
    ("un" in "the un said", not in "unrwa")."""
    # str.find runs in C; a whole-word regex would try every position of every
    # section for every topic, which dominated the build on large archives.
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = start == 0 or not _is_word_character(text[start - 1])
        after = end == len(text) or not _is_word_character(text[end])
        if before and after:
            return True
        start = text.find(phrase, start + 1)
    return False


def _normalised(phrases: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({normalise(phrase) for phrase in phrases if phrase.strip()}))


@dataclass(frozen=True)
class TopicRules:
    """A topic's rules, normalised once per build."""

    topic: Topic
    include: tuple[str, ...]
    exclude: tuple[str, ...]

    @classmethod
    def of(cls, topic: Topic) -> TopicRules:
        return cls(
            topic,
            _normalised([*topic.phrases, *topic.aliases]),
            _normalised(topic.exclude_phrases),
        )

    def matches_text(self, text: str) -> bool:
        """Whether plain ``text`` (a section, a key point) concerns the topic."""
        return self.matches_normalised(normalise(text))

    def matches_normalised(self, text: str) -> bool:
        """Like :meth:`matches_text`, for text already passed through :func:`normalise`."""
        if not any(contains_phrase(text, phrase) for phrase in self.include):
            return False
        return not any(contains_phrase(text, phrase) for phrase in self.exclude)

    def matching_sections(self, sections: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """The sections (in reading order) whose heading or text the rules match."""
        texts = section_texts(sections)
        return [
            section
            for section, text in zip(sections, texts, strict=True)
            if self.matches_normalised(text)
        ]


def section_texts(sections: Sequence[dict[str, Any]]) -> list[str]:
    """Each section's heading and text, normalised once for all the topics' rules."""
    return [normalise(f"{s.get('title') or ''}\n{s.get('text') or ''}") for s in sections]
