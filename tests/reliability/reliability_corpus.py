"""The bad-input corpus, its table of expected outcomes, and a built site's result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).with_name("corpus")


def expected_outcomes() -> dict[str, dict[str, Any]]:
    """corpus/expected.yaml: corpus file (relative to corpus/) -> its expected outcome."""
    with (CORPUS / "expected.yaml").open(encoding="utf-8") as handle:
        loaded: dict[str, dict[str, Any]] = yaml.safe_load(handle)
    return loaded


@dataclass
class Built:
    output: Path
    problems: list[str]
    tallies: list[Any]

    @property
    def tally(self) -> Any:
        assert len(self.tallies) == 1, "every build that writes reports one tally"
        return self.tallies[0]


def copy_inputs(content: Path, names: Iterable[str], generated: dict[str, str]) -> None:
    """Put corpus files (and generated ones) into a site's content folder."""
    for name in names:
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((CORPUS / name).read_bytes())
    for name, text in generated.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (content / "articles").mkdir(parents=True, exist_ok=True)
