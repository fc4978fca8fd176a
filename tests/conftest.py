"""Fixtures for building tiny real sites with the project's settings and chosen plugins.

A test site enables only the plugins it tests and what they need. The ``site_plugins``
fixture says which: by default the project's features without the speed layer (what
``FAST_BUILD = False`` builds); a stage's folder or a test module narrows it by defining
its own ``site_plugins`` fixture (lists in tests/stage_plugins.py), and tests/speed/ adds
the speed layer. One build can choose for itself: ``build_site(files, plugins=[...])``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from tests.stage_plugins import FEATURES

from build import build

ROOT = Path(__file__).resolve().parent.parent
SEED_SITE = ROOT / "tests" / "fixtures" / "seed_site" / "content"


@pytest.fixture
def site_plugins() -> Sequence[str]:
    """The plugins ``build_site`` builds with: the features, without the speed layer."""
    return FEATURES


@pytest.fixture
def build_site(
    tmp_path: Path, site_plugins: Sequence[str]
) -> Callable[..., tuple[Path, list[str]]]:
    """Write ``files`` (path under content/ -> text) and build them with pelicanconf.py.

    Returns the output folder and the list of problems the build reported (empty on
    success). ``plugins`` replaces ``site_plugins`` for this build; other settings can be
    given as keyword arguments (``PLUGINS=`` too, as ``plugins=`` does).
    """

    def _build(
        files: dict[str, str | bytes],
        settings: str = "pelicanconf.py",
        *,
        plugins: Sequence[str] | None = None,
        **overrides: object,
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
        chosen = list(plugins if plugins is not None else site_plugins)
        problems = build(
            ROOT / settings,
            output,
            overrides={"PATH": str(content), "PLUGINS": chosen, **overrides},
        )
        return output, problems

    return _build


@pytest.fixture
def build_from_nothing(tmp_path: Path, site_plugins: Sequence[str]) -> Callable[[], Path]:
    """Build the content ``build_site`` wrote last into a folder of its own, from nothing
    (an empty cache, no last output), with the same plugins: what a rebuild must equal."""

    def _build() -> Path:
        scratch = tmp_path / "from-nothing"
        problems = build(
            ROOT / "pelicanconf.py",
            scratch / "output",
            overrides={
                "PATH": str(tmp_path / "content"),
                "CACHE_PATH": str(scratch / "cache"),
                "PLUGINS": list(site_plugins),
            },
        )
        assert problems == []
        return scratch / "output"

    return _build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site (tests/fixtures/seed_site, a frozen copy of the project's content)
    built once per test session with the project's settings as they are (never into
    output/)."""
    output = tmp_path_factory.mktemp("site") / "output"
    problems = build(ROOT / "pelicanconf.py", output, overrides={"PATH": str(SEED_SITE)})
    assert problems == [], "the seed's site must build cleanly:\n" + "\n".join(problems)
    return output
