"""Decide which sections of an article a topic's rules match.

A rule is a phrase (from ``phrases`` or ``aliases``), matched case-insensitively as
whole words against a section's heading and text; a section that also contains one
of the topic's ``exclude_phrases`` does not match. Typographic apostrophes and any
run of white space count as their plain forms, so "UN’s" and "UN's" are the same.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from topic_hubs.model import Topic

__all__ = ["PhraseIndex", "TopicRules", "contains_phrase", "normalise", "section_texts"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(text: str) -> str:
    """Text as rules see it: NFKC, case-folded, plain apostrophes, single spaces."""
    if text.isascii():
        # ASCII is its own NFKC form and has no typographic apostrophe, and casefold is
        # lower there: two passes over every section of every article saved.
        return " ".join(text.lower().split())
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


# Python's \w is exactly _is_word_character (checked for every code point in the tests).
_WORD_RUN = re.compile(r"\w+")
_ASCII_NON_WORD = str.maketrans(
    {chr(code): " " for code in range(128) if not _is_word_character(chr(code))}
)


def _words(text: str) -> set[str]:
    """The runs of word characters in ``text``, each as long as it goes."""
    if text.isascii():  # the common case, about twice as fast as the regular expression
        return set(text.translate(_ASCII_NON_WORD).split())
    return set(_WORD_RUN.findall(text))


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


class PhraseIndex:
    """Every topic's rules checked against a text in one pass over its words.

    Scanning a section once per phrase (some fifty phrases, most absent) was most of the
    cost of assigning topics. A phrase found as whole words consists of whole runs of
    word characters of the text (the character before and after it is not one, nor are
    the characters between its own words), so a phrase some of whose words are not among
    the text's is not in it; one that is a single word is in it exactly when that word
    is. Only the other phrases whose words are all there are looked for in the text
    itself, with :func:`contains_phrase`: the answers are those of
    :meth:`TopicRules.matches_normalised`, rule by rule.
    """

    def __init__(self, rules: Sequence[TopicRules]) -> None:
        self.rules = tuple(rules)
        # First word -> (phrase, its words, whether it is that one word and nothing else).
        self._by_first_word: dict[str, list[tuple[str, tuple[str, ...], bool]]] = {}
        self._wordless: list[str] = []  # no word characters at all: always looked for
        for phrase in sorted({p for rule in rules for p in (*rule.include, *rule.exclude)}):
            words = tuple(_WORD_RUN.findall(phrase))
            if not words:
                self._wordless.append(phrase)
                continue
            one_word = len(words) == 1 and words[0] == phrase
            self._by_first_word.setdefault(words[0], []).append((phrase, words, one_word))
        self._first_words = frozenset(self._by_first_word)
        # What verdicts depend on: each rule's phrases, in order (a worker's verdicts are
        # used by the build only when made with the same).
        described = repr([(rule.include, rule.exclude) for rule in self.rules])
        self.digest = hashlib.blake2b(described.encode("utf-8"), digest_size=16).hexdigest()
        # One tuple per distinct verdict: most sections match no topic, or one.
        self._shared: dict[tuple[bool, ...], tuple[bool, ...]] = {}
        self._by_numbers: dict[tuple[int, ...], tuple[bool, ...]] = {}
        self._by_sections: dict[tuple[tuple[int, ...], ...], tuple[tuple[bool, ...], ...]] = {}

    def phrases_in(self, text: str) -> set[str]:
        """The phrases (of any rule) that normalised ``text`` contains as whole words."""
        words = _words(text)
        found = {phrase for phrase in self._wordless if contains_phrase(text, phrase)}
        for first in self._first_words.intersection(words):
            for phrase, its_words, one_word in self._by_first_word[first]:
                if one_word or (words.issuperset(its_words) and contains_phrase(text, phrase)):
                    found.add(phrase)
        return found

    def shared(self, verdict: Iterable[bool]) -> tuple[bool, ...]:
        """``verdict`` as a tuple, the same object as every equal one made here."""
        as_tuple = tuple(verdict)
        return self._shared.setdefault(as_tuple, as_tuple)

    def verdicts_of(self, numbers: Iterable[int]) -> tuple[bool, ...]:
        """The verdict (one per rule) that matched exactly the rules numbered ``numbers``."""
        key = tuple(numbers)
        # Once per distinct set: every article read from the content cache or a parsing
        # worker gives its sections' verdicts as numbers.
        verdict = self._by_numbers.get(key)
        if verdict is None:
            wanted = set(key)
            verdict = self.shared(number in wanted for number in range(len(self.rules)))
            self._by_numbers[key] = verdict
        return verdict

    def section_verdicts_of(
        self, matched: tuple[tuple[int, ...], ...]
    ) -> tuple[tuple[bool, ...], ...]:
        """For each section, :meth:`verdicts_of` its ``matched`` numbers (the same tuple
        for every article whose sections matched alike: many do)."""
        try:
            verdicts = self._by_sections.get(matched)
        except TypeError:  # numbers not in tuples: not from a worker of this code
            return tuple(self.verdicts_of(numbers) for numbers in matched)
        if verdicts is None:
            verdicts = tuple(self.verdicts_of(numbers) for numbers in matched)
            self._by_sections[matched] = verdicts
        return verdicts

    def matches(self, text: str) -> list[bool]:
        """For each rule, in order: ``rule.matches_normalised(text)``."""
        found = self.phrases_in(text)
        return [
            not found.isdisjoint(rule.include) and found.isdisjoint(rule.exclude)
            for rule in self.rules
        ]
