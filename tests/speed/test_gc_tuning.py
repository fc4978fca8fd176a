"""gc_tuning: the collector's thresholds are raised for a build and restored after it."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from pelican import signals
from pelicanconf import PLUGINS

from gc_tuning.thresholds import DEFAULT_THRESHOLD

ARTICLE = "Title: Example article 1\nDate: 2026-01-25 10:00\n\nBody.\n"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, DEFAULT_THRESHOLD),
        ({"GC_THRESHOLD": (5000, 20, 30)}, (5000, 20, 30)),
        ({"GC_THRESHOLD": None}, None),
    ],
)
def test_thresholds_during_and_after_a_build(
    build_site: Callable[..., tuple[Path, list[str]]],
    overrides: dict[str, object],
    expected: tuple[int, int, int] | None,
) -> None:
    assert "gc_tuning" in PLUGINS
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []

    def look(generators: object) -> None:
        seen.append(gc.get_threshold())

    with signals.all_generators_finalized.connected_to(look):
        _, problems = build_site({"articles/a.md": ARTICLE}, **overrides)
    assert problems == []
    assert seen == [expected or before]
    assert gc.get_threshold() == before


def test_a_finished_build_keeps_no_article_alive(
    build_site: Callable[..., tuple[Path, list[str]]],
) -> None:
    # make serve builds again and again in one process: Pelican's memo caches (content and
    # summary per article) used to keep every build's articles, and all they link to.
    from pelican.contents import Article

    files = {
        f"articles/example-{n}.md": f"Title: Example article {n}\nDate: 2026-01-2{n}\n\nBody.\n"
        for n in range(1, 4)
    }
    # A hub, so that excerpts are made (topic_hubs remembers the last one).
    files["topics/example-topic.md"] = "---\ntitle: Example topic\nphrases: [body]\n---\n"
    for _ in range(2):
        assert build_site(files)[1] == []
        gc.collect()
        assert [item for item in gc.get_objects() if isinstance(item, Article)] == []
