"""Markdown (or pasted embed code) -> HTML fixtures for every news-block syntax and platform.

Each file holds cases in the markdown-it fixture format (title, ``.``, input, ``.``,
expected output, ``.``); ``errors.md`` expects the error message instead of HTML.
"""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it.utils import read_fixture_file
from tests.read.news_blocks.parsing import FIXTURES, env

from content_errors import MarkupError
from markdown_reader import render

RENDERED = ["key_points.md", "posts.md", "pasted_embeds.md", "post_links.md"]


def _cases(*names: str) -> list[Any]:
    return [
        pytest.param(text, expected, id=f"{name}:{line}-{title}")
        for name in names
        for line, title, text, expected in read_fixture_file(FIXTURES / name)
    ]


@pytest.mark.parametrize(("markdown", "expected"), _cases(*RENDERED))
def test_renders(parser: Any, markdown: str, expected: str) -> None:
    assert render(parser, markdown, env()).html == expected


@pytest.mark.parametrize(("markdown", "expected"), _cases("errors.md"))
def test_refuses_with_file_and_line(parser: Any, markdown: str, expected: str) -> None:
    with pytest.raises(MarkupError) as raised:
        render(parser, markdown, env())
    assert str(raised.value) + "\n" == expected


def test_every_platform_has_a_fixture() -> None:
    text = "".join((FIXTURES / name).read_text(encoding="utf-8") for name in RENDERED)
    for platform in ("x", "bluesky", "mastodon", "threads", "instagram", "other"):
        assert f'data-platform="{platform}"' in text
