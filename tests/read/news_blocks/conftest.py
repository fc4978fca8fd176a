"""A parser with the news_blocks rules, built once for the session."""

from __future__ import annotations

from typing import Any

import pytest
from tests.read.news_blocks.parsing import news_parser


@pytest.fixture(scope="session")
def parser() -> Any:
    return news_parser()
