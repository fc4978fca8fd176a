"""PhraseIndex: every rule's verdict in one pass over a section's words, the same verdicts as
matching each rule's phrases one by one."""

from __future__ import annotations

import random
import re
import sys

import pytest

from topic_hubs.matching import PhraseIndex, TopicRules, _is_word_character, _words, normalise
from topic_hubs.model import Topic

# Phrases of every shape: one word, several, punctuation inside, at the ends, or only
# punctuation; digits, underscores, letters outside ASCII, a modifier-letter apostrophe
# (a word character, turned into a plain apostrophe by normalise), overlapping phrases.
PHRASES = [
    "UN",
    "UNRWA",
    "UN’s",
    "unʼs",
    "Rafah",
    "Rafah crossing",
    "crossing",
    "U.N.",
    "#ceasefire",
    "phase-2",
    "phase 2",
    "snake_case",
    "Éire",
    "straße",
    "東京",
    "...",
    "a",
    "aid",
    "said",
    "the un",
    "ﬁre",
]
WORDS = [
    "un",
    "UN",
    "un's",
    "UN’s",
    "unʼs",
    "unrwa",
    "sunt",
    "rafah",
    "Rafah",
    "crossing",
    "crossings",
    "u.n.",
    "U.N.",
    "#ceasefire",
    "ceasefire",
    "phase-2",
    "phase",
    "2",
    "snake_case",
    "snake",
    "case",
    "Éire",
    "EIRE",
    "STRASSE",
    "straße",
    "東京",
    "東京都",
    "...",
    "…",
    "a",
    "aid",
    "said",
    "the",
    "fire",
    "ﬁre",
    "_",
    "-",
    "—",
    ",",
    "\n",
    "  ",
    "\u00a0",
]


def _topics(chooser: random.Random) -> list[Topic]:
    topics = []
    for number in range(6):
        include = tuple(chooser.sample(PHRASES, chooser.randrange(0, 5)))
        exclude = tuple(chooser.sample(PHRASES, chooser.randrange(0, 2)))
        topics.append(
            Topic(
                f"topic-{number}",
                f"Example topic {number}",
                "x.md",
                phrases=include,
                exclude_phrases=exclude,
            )
        )
    return topics


def _text(chooser: random.Random) -> str:
    pieces = [chooser.choice(WORDS) for _ in range(chooser.randrange(0, 14))]
    separators = [chooser.choice(["", " ", " ", "\n", ", ", "-"]) for _ in pieces]
    return "".join(piece + sep for piece, sep in zip(pieces, separators, strict=True))


@pytest.mark.parametrize("seed", range(40))
def test_same_verdicts_as_each_rule_on_its_own(seed: int) -> None:
    chooser = random.Random(seed)
    rules = [TopicRules.of(topic) for topic in _topics(chooser)]
    index = PhraseIndex(rules)
    for _ in range(300):
        text = normalise(_text(chooser))
        assert index.matches(text) == [rule.matches_normalised(text) for rule in rules], text


def test_a_sections_words_are_its_runs_of_word_characters() -> None:
    # The index relies on Python's \w being _is_word_character for every character.
    word = re.compile(r"\w")
    assert all(
        (word.match(chr(code)) is not None) == _is_word_character(chr(code))
        for code in range(sys.maxunicode + 1)
    )
    assert _words("the un, unrwa\tand sunt-un_x 2") == {
        "the",
        "un",
        "unrwa",
        "and",
        "sunt",
        "un_x",
        "2",
    }
    assert _words("l’onu et l'onu — 東京都") == {"l", "onu", "et", "東京都"}


def test_no_rules_and_rules_without_phrases() -> None:
    assert PhraseIndex([]).matches("the un said") == []
    bare = TopicRules.of(Topic("bare", "Bare", "x.md"))
    assert PhraseIndex([bare]).matches("the un said") == [False]


def test_ascii_text_is_normalised_as_any_other_text() -> None:
    """normalise takes a shortcut for ASCII text (its own NFKC form, nothing to fold but case)."""
    import unicodedata

    from topic_hubs.matching import _APOSTROPHES

    def every_step(text: str) -> str:
        folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
        return " ".join(folded.split())

    every_ascii = "".join(chr(code) for code in range(128))
    samples = [every_ascii, *(f"{c}Example  TEXT{c}\t{c}" for c in every_ascii), ""]
    for text in samples:
        assert text.isascii() and normalise(text) == every_step(text)
    assert normalise("UN’s STRASSE ß") == every_step("UN’s STRASSE ß") == "un's strasse ss"
