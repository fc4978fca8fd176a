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


def test_requirements_are_pinned():
    lines = [
        line
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines
    assert all("==" in line for line in lines), [line for line in lines if "==" not in line]
