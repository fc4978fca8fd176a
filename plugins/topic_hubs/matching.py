"""Decide which sections of an article a topic's rules match.

A rule is a phrase (from ``phrases`` or ``aliases``), matched case-insensitively as
whole words against a section's heading and text; a section that also contains one
of the topic's ``exclude_phrases`` does not match. Typographic apostrophes and any
run of white space count as their plain forms, so "UN’s" and "UN's" are the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from topic_hubs.model import Topic

__all__ = ["TopicRules", "normalise"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(text: str) -> str:
    """Text as rules see it: NFKC, case-folded, plain apostrophes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(text.split())


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = sorted({normalise(phrase) for phrase in phrases if phrase.strip()}, key=len)
    if not alternatives:
        return None
    # Longest first, so that "rafah crossing" is reported rather than "rafah"; the
    # look-arounds make a phrase match only whole words ("UN" never inside "UNRWA").
    body = "|".join(re.escape(phrase) for phrase in reversed(alternatives))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@dataclass(frozen=True)
class TopicRules:
    """A topic's rules, compiled once per build."""

    topic: Topic
    include: re.Pattern[str] | None
    exclude: re.Pattern[str] | None

    @classmethod
    def of(cls, topic: Topic) -> TopicRules:
        return cls(
            topic,
            _pattern([*topic.phrases, *topic.aliases]),
            _pattern(topic.exclude_phrases),
        )

    def matches_text(self, text: str) -> bool:
        """Whether plain ``text`` (a section, a key point) concerns the topic."""
        if self.include is None:
            return False
        text = normalise(text)
        if not self.include.search(text):
            return False
        return not (self.exclude and self.exclude.search(text))

    def matching_sections(self, sections: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """The sections (in reading order) whose heading or text the rules match."""
        return [
            section
            for section in sections
            if self.matches_text(f"{section.get('title') or ''}\n{section.get('text') or ''}")
        ]
