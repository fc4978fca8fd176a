"""One recogniser at a time: title, `.`, input, `.`, expected Markdown, `.` (markdown-it style)."""

from __future__ import annotations

import pytest
from import_fixtures_paths import FIXTURES
from markdown_it.utils import read_fixture_file

from news_import.html_page import parse_html
from news_import.markdown_writer import render
from news_import.model import Article
from news_import.plain_text import parse_plain_text

TEXT_CASES = read_fixture_file(FIXTURES / "plain-text-recognisers.txt")
HTML_CASES = read_fixture_file(FIXTURES / "html-recognisers.txt")


def _render(article: Article) -> str:
    article.title = article.title or "Example"
    article.date = "2026-01-25"
    return render(article, draft=False)


@pytest.mark.parametrize(
    ("line", "title", "text", "expected"), TEXT_CASES, ids=[case[1] for case in TEXT_CASES]
)
def test_plain_text_recogniser(line: int, title: str, text: str, expected: str) -> None:
    _, article = parse_plain_text(text)
    assert _render(article) == expected


@pytest.mark.parametrize(
    ("line", "title", "html", "expected"), HTML_CASES, ids=[case[1] for case in HTML_CASES]
)
def test_html_recogniser(line: int, title: str, html: str, expected: str) -> None:
    article = parse_html(f"<html><body>{html}</body></html>", "case.html")
    assert _render(article) == expected
