"""The parser a site that lists news_blocks builds, and the env the reader gives it."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import news_blocks
from markdown_reader import build_parser

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = "content/articles/example.md"
# The fixtures' bodies start on line 5 of their (imagined) file, after a front matter.
LINE_OFFSET = 4


@functools.cache
def news_parser() -> Any:
    news_blocks.register()
    return build_parser({"PLUGINS": ["markdown_reader", "news_blocks"], "THEME": str(ROOT)})


def env() -> dict[str, Any]:
    return {"source_path": SOURCE, "line_offset": LINE_OFFSET}
