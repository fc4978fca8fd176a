"""Plain Markdown is untouched: every CommonMark example renders as without the plugin."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.read.news_blocks.parsing import ROOT, news_parser

from markdown_reader import build_parser, render

SPEC = ROOT / "tests" / "commonmark_spec" / "commonmark-spec-0.31.2.json"
EXAMPLES = json.loads(SPEC.read_text(encoding="utf-8")) if SPEC.exists() else []


def test_the_spec_is_there() -> None:
    assert len(EXAMPLES) == 652, f"expected the CommonMark 0.31.2 examples at {SPEC}"


def test_every_commonmark_example_renders_as_without_news_blocks() -> None:
    plain: Any = build_parser({})
    ours = news_parser()
    different = [
        example["example"]
        for example in EXAMPLES
        if render(ours, example["markdown"]).html != render(plain, example["markdown"]).html
    ]
    assert different == []


@pytest.mark.parametrize(
    "markdown",
    [
        "::: note\ntext\n:::\n",
        "https://example.org/status/1\n",
        '<blockquote class="quote"><p>x</p></blockquote>\n',
        "See https://x.com/example/status/1 here.\n",
    ],
)
def test_near_misses_render_as_without_news_blocks(markdown: str) -> None:
    assert render(news_parser(), markdown).html == render(build_parser({}), markdown).html
