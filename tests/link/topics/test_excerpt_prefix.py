"""Hub excerpts: collapsing only the start of a long section gives the same excerpt."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import pytest

from topic_hubs.model import Development, excerpt


def _reference(text: str, limit: int) -> str:
    """The excerpt as first written: the whole text's spaces collapsed, then cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.–—-") + "…"


@pytest.mark.parametrize("seed", range(20))
def test_same_excerpt_as_collapsing_the_whole_text(seed: int) -> None:
    chooser = random.Random(seed)
    pieces = ["word", "a", "longerword", ",", "—", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "x."]
    for _ in range(200):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randrange(0, 400)))
        limit = chooser.choice([1, 5, 20, 220])
        assert excerpt(text, limit) == _reference(text, limit), (text, limit)


def test_a_development_computes_its_excerpt_once() -> None:
    section = {"id": "s", "title": "Example", "text": "Example text " * 40}
    # The excerpt made last is remembered by the article's build (its settings), not by
    # the module: another build never sees it.
    article = SimpleNamespace(settings={"PLUGINS": ["topic_hubs"]})
    development = Development(article, section, dt.datetime(2026, 1, 25, tzinfo=dt.UTC))
    first = development.excerpt
    section["text"] = "changed"
    assert development.excerpt is first
    assert first == _reference("Example text " * 40, 220)
