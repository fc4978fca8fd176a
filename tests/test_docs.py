"""The README and docs/ hold together: a short README; relative links and anchors that resolve."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
README_MAX_LINES = 400


def _tokens(path: Path) -> list:
    return MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))


def _links(path: Path) -> list[str]:
    """Every link target written in the page (code spans and blocks are not links)."""
    found = []
    for token in _tokens(path):
        for child in token.children or ():
            if child.type == "link_open":
                found.append(str(child.attrGet("href")))
    return found


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    kept = "".join(
        char for char in heading.lower() if char in " -_" or unicodedata.category(char)[0] in "LN"
    )
    return kept.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    tokens = _tokens(path)
    anchors: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            slug = _slug(tokens[index + 1].content)
            candidate, number = slug, 0
            while candidate in anchors:  # GitHub numbers repeated headings: x, x-1, x-2
                number += 1
                candidate = f"{slug}-{number}"
            anchors.add(candidate)
    return anchors


def test_the_readme_stays_short() -> None:
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= README_MAX_LINES, (
        f"README.md has {lines} lines (at most {README_MAX_LINES}): move reference to docs/"
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_reaches_a_file_and_heading(page: Path) -> None:
    broken = []
    for href in _links(page):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # an address on the web: not checked offline
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if not target.exists():
            broken.append(f"{href}: no file {target.relative_to(ROOT)}")
            continue
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".md" and fragment not in _anchors(target):
            broken.append(f"{href}: {target.name} has no heading #{parts.fragment}")
    assert broken == [], f"{page.relative_to(ROOT)}: " + "; ".join(broken)


def test_the_readme_lists_every_docs_page() -> None:
    listed = {(ROOT / href).resolve() for href in _links(README) if href.startswith("docs/")}
    assert DOCS, "docs/ has pages"
    assert [page.name for page in DOCS if page not in listed] == []


def test_the_readme_and_publishing_page_give_the_same_pages_workflow() -> None:
    def workflow(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^( *)```yaml\n(.*?)^\1```", text, re.S | re.M)
        assert match, f"{path.name} shows the GitHub Pages workflow"
        indent = match.group(1)
        return "\n".join(line.removeprefix(indent) for line in match.group(2).splitlines())

    readme, publishing = workflow(README), workflow(ROOT / "docs" / "publishing.md")
    assert readme == publishing
    assert "actions/upload-pages-artifact" in readme
    assert re.search(r"path: output/?$", readme, re.M)
    assert "make publish" in readme


def test_the_slug_rule_matches_github() -> None:
    assert _slug("Content-Security-Policy and headers for hosts") == (
        "content-security-policy-and-headers-for-hosts"
    )
    assert _slug("1. Write an article") == "1-write-an-article"
    assert _slug("Feeds and editions") == "feeds-and-editions"
