"""The swap of a finished build into place keeps the replaced output until the next build,
which removes it (in a process of its own) while it works."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import build as build_module
from build import Sweeper

BuildSite = Callable[..., tuple[Path, list[str]]]


def _article(number: int, text: str) -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: 2026-02-0{number}T09:00:00+00:00\n"
        f"summary: Synthetic summary {number}.\n---\n\n{text}\n"
    )


def _siblings(output: Path) -> list[str]:
    return sorted(path.name for path in output.parent.iterdir() if path.name.startswith("output"))


def _page(output: Path) -> str:
    return (output / "2026" / "02" / "01" / "example-article-1" / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_replaced_output_stays_until_the_next_build_removes_it(
    build_site: BuildSite, tmp_path: Path
) -> None:
    output, problems = build_site({"articles/a.md": _article(1, "Synthetic text one.")})
    assert problems == []
    assert _siblings(output) == ["output"]
    build_site({"articles/a.md": _article(1, "Synthetic text two.")})
    assert _siblings(output) == ["output", "output.previous"]
    assert "Synthetic text one." in _page(output.with_name("output.previous"))
    assert "Synthetic text two." in _page(output)
    output, problems = build_site({"articles/a.md": _article(1, "Synthetic text three.")})
    assert problems == []
    # The first build's output is gone (no trash folder left), the second's is the previous.
    assert _siblings(output) == ["output", "output.previous"]
    assert "Synthetic text two." in _page(output.with_name("output.previous"))
    assert "Synthetic text three." in _page(output)


def test_a_failed_build_removes_the_previous_output_and_keeps_the_output(
    build_site: BuildSite,
) -> None:
    build_site({"articles/a.md": _article(1, "Synthetic text one.")})
    output, problems = build_site({"articles/a.md": _article(1, "Synthetic text two.")})
    assert problems == []
    broken = "---\ntitle: [Example unclosed\n---\nSynthetic text.\n"
    output, problems = build_site({"articles/b.md": broken})
    assert problems
    assert _siblings(output) == ["output"]
    assert "Synthetic text two." in _page(output)


def test_without_rm_the_build_removes_the_previous_output_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "output"
    previous = tmp_path / "output.previous"
    (previous / "a" / "b").mkdir(parents=True)
    (previous / "a" / "b" / "index.html").write_text("<p>Example</p>", encoding="utf-8")

    def no_rm(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        raise FileNotFoundError("rm")

    monkeypatch.setattr(build_module.subprocess, "Popen", no_rm)
    sweeper = Sweeper(output)
    assert not previous.exists()  # set aside at once: the swap finds its place free
    sweeper.finish()
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_nothing_to_remove_is_fine(tmp_path: Path) -> None:
    Sweeper(tmp_path / "output").finish()
    assert list(tmp_path.iterdir()) == []
