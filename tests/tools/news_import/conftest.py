"""Run the importer's command line in-process, writing into a temporary folder."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from news_import.cli import main


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    output_dir: Path

    def written(self) -> list[Path]:
        if not self.output_dir.exists():
            return []
        return sorted(self.output_dir.iterdir())


@pytest.fixture
def run_import(tmp_path: Path) -> Callable[..., Run]:
    """``run_import(src, *args, output_dir=None)`` -> exit code, printed text, written files."""

    def _run(src: str | Path, *args: str, output_dir: Path | None = None) -> Run:
        target = output_dir or tmp_path / "articles"
        out, err = io.StringIO(), io.StringIO()
        code = main([str(src), *args, "--output-dir", str(target)], stdout=out, stderr=err)
        return Run(code, out.getvalue(), err.getvalue(), target)

    return _run
