"""The project's contract: layout, README's first commands, Makefile set-up once."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_layout():
    for name in [
        "content/articles",
        "templates",
        "plugins",
        "tests",
        "pelicanconf.py",
        "publishconf.py",
        "README.md",
        "Makefile",
        ".ci/run",
        "pyproject.toml",
    ]:
        assert (ROOT / name).exists(), name
    assert "output/" in (ROOT / ".gitignore").read_text().splitlines()


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make html", "make test"]


def test_make_html_does_not_reinstall_when_nothing_changed():
    # The suite runs inside the set-up environment, so its stamp is current.
    plan = subprocess.run(
        ["make", "-n", "html"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "pip install" not in plan
    assert "scripts/build.py" in plan


def _pins(name: str) -> dict[str, str]:
    lines = [
        line.strip()
        for line in (ROOT / name).read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all("==" in line for line in lines), [line for line in lines if "==" not in line]
    return {line.split("==")[0].lower().replace("_", "-"): line for line in lines}


def test_requirements_are_pinned_and_split_by_use():
    runtime = _pins("requirements.txt")
    development = _pins("requirements-dev.txt")
    assert {"pelican", "markdown-it-py", "nh3", "trafilatura", "pagefind"} <= runtime.keys()
    # A site build installs no test or development tool (issue 18).
    assert not {"pytest", "playwright", "mypy", "ruff", "hypothesis"} & runtime.keys()
    assert {"pytest", "playwright", "mypy", "ruff", "hypothesis"} <= development.keys()
    assert not runtime.keys() & development.keys()


def test_the_sites_own_content_builds_cleanly(tmp_path):
    """The project's real content/ builds without a problem. Only that: what the seed's site
    shows is tested on a frozen copy (tests/fixtures/seed_site), so an editor's new topic or
    article never turns `make test` red."""
    from build import build

    problems = build(ROOT / "pelicanconf.py", tmp_path / "output")
    assert problems == [], "\n".join(problems)


def test_the_stage_folders_are_listed_alike_everywhere():
    """pelicanconf.py, scripts/project_paths.py, pyproject.toml (pytest, mypy) and the
    Makefile (make import) name the same stage folders, in pipeline order."""
    import tomllib

    from pelicanconf import PLUGIN_PATHS

    from project_paths import PLUGIN_FOLDERS, STAGES

    assert STAGES == ("core", "read", "link", "write", "speed")
    folders = [f"plugins/{stage}" for stage in STAGES]
    assert [str(f.relative_to(ROOT)) for f in PLUGIN_FOLDERS] == folders
    assert folders == PLUGIN_PATHS
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["pytest"]["ini_options"]["pythonpath"][:6] == [*folders, "tools"]
    assert pyproject["tool"]["mypy"]["mypy_path"] == ":".join([*folders, "tools"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"IMPORT_PATH := {':'.join(['tools', *folders])}" in makefile
    # Every plugin package sits in one stage folder; nothing is left at the top.
    assert sorted(p.name for p in (ROOT / "plugins").iterdir()) == sorted(STAGES)
