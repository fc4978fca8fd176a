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
