"""Markdown → HTML fixture files for the reader (heading ids, sanitiser, extensions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markdown_it.utils import read_fixture_file

from markdown_reader.renderer import build_parser, render

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def parser() -> Any:
    return build_parser({})


def _cases(name: str) -> list[Any]:
    return [
        pytest.param(md, html, id=f"{name}:{line}-{title}")
        for line, title, md, html in read_fixture_file(FIXTURES / name)
    ]


@pytest.mark.parametrize(("markdown", "expected"), _cases("heading_ids.md") + _cases("sanitise.md"))
def test_fixture(parser: Any, markdown: str, expected: str) -> None:
    assert render(parser, markdown).html == expected
