"""Sections keep only the start of their text once topics are assigned: excerpts unchanged."""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from topic_hubs.model import EXCERPT_CHARS, excerpt
from topic_hubs.section_text import (
    _NOT_COLLAPSED,
    CUT_MARK,
    excerpt_source,
    shorten_section_texts,
)

ASCII_PIECES = ["word", "a", "longerword", ",", " ", " " * 30, "\n", "\t", "\r\n", "\x1c", "x."]


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("pieces", [ASCII_PIECES, [*ASCII_PIECES, "—", "\u00a0", "\u3000"]])
def test_the_kept_start_gives_the_same_excerpt(seed: int, pieces: list[str]) -> None:
    chooser = random.Random(seed)
    # Runs of spaces make the collapsed start shorter than the limit: then all is kept.
    for _ in range(200):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randrange(0, 800)))
        limit = chooser.choice([1, 5, 20, EXCERPT_CHARS])
        kept = excerpt_source(text, limit)
        assert excerpt(kept, limit) == excerpt(text, limit), (text, limit)
        assert len(kept) <= max(limit + 1, len(text))
        if excerpt(text, limit).endswith("…"):
            # Cut: what follows the excerpt's characters does not change what is kept.
            assert excerpt_source(text + " more words", limit) == kept
            assert excerpt_source(text + "".join(pieces), limit) == kept


def test_long_texts_are_cut_and_short_ones_kept() -> None:
    article = SimpleNamespace(
        sections=[
            {"id": None, "title": "", "text": "Example lead. " * 100},
            {"id": "s", "title": "Example", "text": "Short example section."},
        ]
    )
    shorten_section_texts([article])
    lead, short = article.sections
    assert lead["text"] == ("Example lead. " * 100)[:EXCERPT_CHARS] + "…"
    assert short["text"] == "Short example section."


def test_hub_excerpts_come_from_the_start_of_long_sections(build_site: Any, tmp_path: Path) -> None:
    words = " ".join(f"word{n}" for n in range(400))
    files = {
        "topics/example-topic.md": "---\ntitle: Example topic\nphrases: [example phrase]\n---\n",
        "articles/example.md": (
            "---\ntitle: Example article 1\ndate: 2026-01-25\n---\n\n"
            f"## Example heading\n\nThe example phrase, then {words}.\n"
        ),
    }
    output, problems = build_site(files)
    assert problems == []
    hub = (output / "topics" / "example-topic" / "index.html").read_text(encoding="utf-8")
    assert excerpt(f"The example phrase, then {words}.") in hub


def _regex_only_excerpt_source(text: str, limit: int) -> str:
    """excerpt_source as it was written before its shortcut for printable ASCII."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if head.isascii() and _NOT_COLLAPSED.search(head) is None and not text[limit:].isspace():
        return head + CUT_MARK
    head = " ".join(text[: 2 * limit].split())
    collapsed = head if len(head) > limit else " ".join(text.split())
    if len(collapsed) <= limit:
        return collapsed
    return collapsed[:limit] + CUT_MARK


@pytest.mark.parametrize("seed", range(10))
def test_the_printable_ascii_shortcut_keeps_what_the_regular_expression_kept(seed: int) -> None:
    # Every ASCII control character (white space or not), DEL, and runs of spaces anywhere,
    # the start included: the kept text is the very same string.
    pieces = [*ASCII_PIECES, " ", "  ", "\x00", "\x07", "\x1b", "\x7f", "word "]
    chooser = random.Random(seed)
    for _ in range(300):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randrange(0, 400)))
        for limit in (1, 5, 20, EXCERPT_CHARS):
            assert excerpt_source(text, limit) == _regex_only_excerpt_source(text, limit), text
