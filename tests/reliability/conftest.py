"""Build sites from the bad-input corpus and record the build's "nothing lost" tally."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from blinker import signal
from reliability_corpus import ROOT, Built, copy_inputs

from build import build


@pytest.fixture
def build_corpus(tmp_path: Path) -> Callable[..., Built]:
    """Copy the chosen corpus files (plus generated ones) into a site and build it."""

    def _build(names: Iterable[str], generated: dict[str, str] | None = None) -> Built:
        content = tmp_path / "content"
        copy_inputs(content, names, generated or {})
        tallies: list[Any] = []
        output = tmp_path / "output"
        with signal("newsdigest.sources_tallied").connected_to(tallies.append):
            problems = build(ROOT / "pelicanconf.py", output, overrides={"PATH": str(content)})
        return Built(output, problems, tallies)

    return _build
