"""scripts/build.py as `make html` runs it: reproducible, all problems at once, atomic."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from reliability_corpus import copy_inputs, expected_outcomes

from build import ProblemCollector, build
from project_paths import PLUGIN_FOLDERS

ROOT = Path(__file__).resolve().parents[2]
EPOCH = 1769328000  # 2026-01-25T08:00:00Z


def _run_build(
    output: Path, *, settings: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts/build.py"), "-o", str(output)]
    if settings is not None:
        command += ["-s", str(settings)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, **env},
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_two_builds_of_the_same_tree_are_byte_identical(tmp_path):
    # Separate processes with different hash seeds: set order cannot leak into output.
    first = _run_build(tmp_path / "one", PYTHONHASHSEED="1", SOURCE_DATE_EPOCH=str(EPOCH))
    second = _run_build(tmp_path / "two", PYTHONHASHSEED="2", SOURCE_DATE_EPOCH=str(EPOCH))
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert different == []
    stamps = {p.stat().st_mtime for p in (tmp_path / "one").rglob("*")}
    assert stamps == {EPOCH}, "every file carries SOURCE_DATE_EPOCH as its time"
    assert "sources read = " in first.stdout


def _settings_for(tmp_path: Path) -> Path:
    """A settings file: the project's, with content from ``tmp_path/content``."""
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from pelicanconf import *  # noqa: F403\nPATH = {str(tmp_path / 'content')!r}\n"
        f"THEME = {str(ROOT)!r}\nPLUGIN_PATHS = {[str(folder) for folder in PLUGIN_FOLDERS]!r}\n",
        encoding="utf-8",
    )
    return settings


def test_a_site_of_many_articles_builds_byte_identical_across_processes(tmp_path):
    # Tags, drafts, hidden pages, duplicates of dates: where dict or set order would show.
    safe = [name for name, row in expected_outcomes().items() if row["outcome"] != "error"]
    copy_inputs(tmp_path / "content", [n for n in safe if n.startswith("articles/")], {})
    settings = _settings_for(tmp_path)
    first = _run_build(tmp_path / "one", settings=settings, PYTHONHASHSEED="3")
    second = _run_build(tmp_path / "two", settings=settings, PYTHONHASHSEED="4")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert len(one) > 30
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


BROKEN = "---\ntitle: Example article 1\ndate: [2026-01-25\n---\n\nBody.\n"
LINKING = "---\ntitle: Example article 2\ndate: 2026-01-25\n---\n\nSee [x]({filename}gone.md).\n"


def test_a_failing_build_lists_every_problem_once_and_keeps_the_last_output(tmp_path):
    content = tmp_path / "content/articles"
    content.mkdir(parents=True)
    (content / "broken.md").write_text(BROKEN, encoding="utf-8")
    (content / "linking.md").write_text(LINKING, encoding="utf-8")
    settings = _settings_for(tmp_path)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the last good build", encoding="utf-8")
    result = _run_build(output, settings=settings)
    assert result.returncode == 1
    listing = result.stderr.split("Build failed:", 1)[1]
    assert listing.count("content/articles/broken.md:3: invalid YAML front matter") == 1
    assert listing.count("content/articles/linking.md:6: link to '{filename}gone.md'") == 1
    assert "Could not process" not in listing and "Unable to find" not in listing  # echoes
    assert (
        "2 files in content/ = 2 sources + 0 topic files + 0 static files + 0 template pages"
        " + 0 ignored.\n2 sources read = 0 pages written + 0 drafts + 0 hidden + 2 with errors."
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert (output / "index.html").read_text(encoding="utf-8") == "the last good build"


def test_a_malformed_source_date_epoch_is_reported_not_raised(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    problems = build(ROOT / "pelicanconf.py", tmp_path / "output")
    assert problems == [
        "error: SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds since 1970"
        " (set it with: export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct))"
    ]
    assert not (tmp_path / "output").exists()


def _collected(*records: tuple[str, str]) -> list[str]:
    collector = ProblemCollector()
    for name, message in records:
        collector.handle(logging.LogRecord(name, logging.WARNING, "", 0, message, None, None))
    collector.drop_echoes()
    return collector.problems


FOLDED = "Other resources were not found and their urls not replaced"


def test_pelicans_folded_unable_to_find_line_is_an_echo_of_our_link_errors():
    # Past five broken links Pelican says only this, naming nothing (its LimitFilter).
    ours = "content/articles/a.rst:8: link to '{filename}x.md': there is no file content/x.md"
    assert _collected(("strict_build.site_checks", ours), ("pelican.contents", FOLDED)) == [
        f"warning: {ours}"
    ]
    assert _collected(("pelican.contents", FOLDED)) == [f"warning: {FOLDED}"]
