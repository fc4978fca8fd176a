"""Fixtures for building tiny real sites with the project's own settings and plugins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from build import build

ROOT = Path(__file__).resolve().parent.parent
SEED_SITE = ROOT / "tests" / "fixtures" / "seed_site" / "content"


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., tuple[Path, list[str]]]:
    """Write ``files`` (path under content/ -> text) and build them with pelicanconf.py.

    Returns the output folder and the list of problems the build reported (empty on
    success). Extra settings can be given as keyword arguments.
    """

    def _build(
        files: dict[str, str | bytes], settings: str = "pelicanconf.py", **overrides: object
    ) -> tuple[Path, list[str]]:
        content = tmp_path / "content"
        for name, text in files.items():
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        content.mkdir(exist_ok=True)
        output = tmp_path / "output"
        problems = build(ROOT / settings, output, overrides={"PATH": str(content), **overrides})
        return output, problems

    return _build


@pytest.fixture
def build_from_nothing(tmp_path: Path) -> Callable[[], Path]:
    """Build the content ``build_site`` wrote last into a folder of its own, from nothing
    (an empty cache, no last output): what a rebuild must equal."""

    def _build() -> Path:
        scratch = tmp_path / "from-nothing"
        problems = build(
            ROOT / "pelicanconf.py",
            scratch / "output",
            overrides={"PATH": str(tmp_path / "content"), "CACHE_PATH": str(scratch / "cache")},
        )
        assert problems == []
        return scratch / "output"

    return _build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site (tests/fixtures/seed_site, a frozen copy of the project's content)
    built once per test session with the project's settings (never into output/)."""
    output = tmp_path_factory.mktemp("site") / "output"
    problems = build(ROOT / "pelicanconf.py", output, overrides={"PATH": str(SEED_SITE)})
    assert problems == [], "the seed's site must build cleanly:\n" + "\n".join(problems)
    return output
