"""The example in docs/newsroom-fields.md builds, and shows what that page says it shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

DOC = Path(__file__).resolve().parents[3] / "docs" / "newsroom-fields.md"
Build = Callable[..., tuple[Path, list[str]]]


def documented_example() -> str:
    match = re.search(r"```markdown\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert match, "docs/newsroom-fields.md has a Markdown example"
    return match.group(1)


def test_the_documented_example_builds_as_documented(build_site: Build) -> None:
    source = documented_example() + "\nThe first paragraph of a synthetic article.\n"
    output, problems = build_site({"articles/2026-01-25-example-article-3.md": source})
    assert problems == []
    soup = BeautifulSoup(
        (output / "2026/01/25/example-article-3/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert " ".join(soup.select_one(".byline").get_text().split()) == (
        "By Example Writer and Example Editor (Editor), with Example Agency"
    )
    assert "Updated 26 Jan 2026, 14:05 UTC" in " ".join(
        soup.select_one("article header").get_text().split()
    )
    assert soup.select_one(".dateline").get_text() == "EXAMPLE CITY"
