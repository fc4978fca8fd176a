"""Two different sites built one after another in one process never see each other's
state or settings (make serve and the tests build many sites in one process)."""

from __future__ import annotations

import copy
import datetime as dt
import gc
from pathlib import Path
from typing import Any

import pytest
from pelican import Pelican, signals
from pelican.settings import read_settings
from pelicanconf import PLUGINS

from build import build
from build_state import build_of

ROOT = Path(__file__).resolve().parents[2]
BUILD_DATE = dt.datetime(2026, 1, 26, 12, 0, tzinfo=dt.UTC)
FILES = {
    "articles/example-1.md": (
        "---\ntitle: Example article 1\ndate: 2026-01-25T10:00:00+00:00\n---\n\n"
        "Text about the example bridge.\n"
    ),
    # Dated after the build: held as a draft unless PUBLISH_FUTURE is on.
    "articles/example-2.md": (
        "---\ntitle: Example article 2\ndate: 2026-01-27T09:00:00+00:00\n---\n\n"
        "More text about the example bridge.\n"
    ),
    "topics/example-bridge.md": "---\ntitle: Example bridge\nphrases: [example bridge]\n---\n",
}
FUTURE_PAGE = "2026/01/27/example-article-2/index.html"


def _site(
    base: Path, name: str, files: dict[str, str] = FILES, **overrides: Any
) -> tuple[Path, list[str]]:
    content = base / name / "content"
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    output = base / name / "output"
    settings = {
        "PATH": str(content),
        "CACHE_PATH": str(base / name / "cache"),
        "BUILD_DATE": BUILD_DATE,
        **overrides,
    }
    problems = build(ROOT / "pelicanconf.py", output, overrides=settings)
    return output, problems


def test_a_site_without_a_plugin_after_one_with_it(tmp_path: Path) -> None:
    with_topics, problems = _site(tmp_path, "a")
    assert problems == []
    assert (with_topics / "topics/example-bridge/index.html").is_file()
    # The same files, without topic_hubs (nor feeds, which list topic feeds): no receiver
    # of the first build acts for the second, no topic of the first is seen again.
    without = [name for name in PLUGINS if name not in {"topic_hubs", "feeds"}]
    articles = {path: text for path, text in FILES.items() if path.startswith("articles/")}
    plain, problems = _site(tmp_path, "b", articles, PLUGINS=without)
    assert problems == []
    assert not (plain / "topics").exists()
    assert "Example bridge" not in (plain / "2026/01/25/example-article-1/index.html").read_text(
        encoding="utf-8"
    )
    # And back: the plugin's state is made afresh for a third site.
    again, problems = _site(tmp_path, "c")
    assert problems == []
    assert (again / "topics/example-bridge/index.html").is_file()


def test_a_site_with_one_setting_after_one_with_another(tmp_path: Path) -> None:
    published, problems = _site(tmp_path, "a", PUBLISH_FUTURE=True, GC_THRESHOLD=(5000, 20, 30))
    assert problems == []
    assert (published / FUTURE_PAGE).is_file()
    seen: list[tuple[int, int, int]] = []

    def look(generators: object) -> None:
        seen.append(gc.get_threshold())

    with signals.all_generators_finalized.connected_to(look):
        held, problems = _site(tmp_path, "b")
    assert problems == []
    # The newsroom settings the first build read once are not the second build's.
    assert not (held / FUTURE_PAGE).exists()
    # Nor the collector's thresholds it chose.
    assert seen == [(100_000, 50, 100)]


def test_a_wrong_setting_of_one_site_is_not_reported_for_the_next(tmp_path: Path) -> None:
    _, problems = _site(tmp_path, "a", TOPICS_RELATED_LIMT=3, PARALLEL_READ_WORKERS="four")
    assert problems == [
        "error: pelicanconf: unknown setting TOPICS_RELATED_LIMT "
        "(did you mean TOPICS_RELATED_LIMIT?)",
        "error: pelicanconf: PARALLEL_READ_WORKERS = 'four' must be None or a whole number "
        "of at least 0",
    ]
    assert _site(tmp_path, "b")[1] == []


def _snapshot(settings: dict[str, Any]) -> dict[str, Any]:
    copied = {}
    for key, value in settings.items():
        try:
            copied[key] = copy.deepcopy(value)
        except Exception:  # a function or a module: compared by identity
            copied[key] = value
    return copied


@pytest.mark.parametrize("runs", [2])
def test_no_plugin_writes_into_the_settings(tmp_path: Path, runs: int) -> None:
    for run in range(runs):
        site = tmp_path / str(run)
        (site / "content").mkdir(parents=True)
        for relative, text in FILES.items():
            path = site / "content" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        settings = read_settings(
            str(ROOT / "pelicanconf.py"),
            override={
                "PATH": str(site / "content"),
                "OUTPUT_PATH": str(site / "output"),
                "CACHE_PATH": str(site / "cache"),
                "BUILD_DATE": BUILD_DATE,
            },
        )
        pelican = Pelican(settings)
        # Pelican itself writes PLUGINS (the loaded plugins' names) while it is made.
        before = _snapshot(settings)
        pelican.run()
        assert settings.keys() == before.keys(), set(settings) ^ set(before)
        changed = [key for key in settings if settings[key] != before[key]]
        assert changed == []
        # The build's state belongs to this build's settings, not the last one's.
        assert build_of(settings).settings is settings
