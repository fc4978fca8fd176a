"""Pages showing context blocks (one of each kind, in articles and in topic hubs' headers)
are valid HTML: the Nu Html Checker finds no error."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SITE = ROOT / "tests" / "read" / "context_blocks" / "site" / "content"


@pytest.mark.slow
def test_pages_with_context_blocks_are_valid_html(
    build_site: Callable[..., tuple[Path, list[str]]], vnu_command: list[str]
) -> None:
    files: dict[str, str | bytes] = {
        str(path.relative_to(SITE)): path.read_bytes() for path in SITE.rglob("*.md")
    }
    output, problems = build_site(files)
    assert problems == []
    pages = [
        output / "2026/03/02/example-article-1/index.html",
        output / "2026/03/10/example-article-2/index.html",
        output / "topics/example-council/index.html",
        output / "topics/example-crossing/index.html",
    ]
    assert all(b"context-block" in page.read_bytes() for page in pages)
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "gnu", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    problems_found = result.stderr.strip() or result.stdout.strip()
    assert result.returncode == 0 and not problems_found, problems_found
