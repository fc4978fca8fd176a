"""The README's "Newsroom fields" example builds, and shows what the README says it shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

README = Path(__file__).resolve().parents[2] / "README.md"
Build = Callable[..., tuple[Path, list[str]]]


def readme_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Newsroom fields", 1)[1]
    match = re.search(r"```markdown\n(.*?)```", section, re.DOTALL)
    assert match, "the README section has a Markdown example"
    return match.group(1)


def test_readme_example_builds_as_documented(build_site: Build) -> None:
    source = readme_example() + "\nThe first paragraph of a synthetic article.\n"
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
