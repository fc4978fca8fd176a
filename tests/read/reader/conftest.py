"""Shared fixtures for the reader tests: a reader built on Pelican's default settings."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pelican.settings import DEFAULT_CONFIG

from markdown_reader import NewsMarkdownReader


@pytest.fixture
def settings(tmp_path: Path) -> dict[str, Any]:
    config = copy.deepcopy(DEFAULT_CONFIG)
    config["PATH"] = str(tmp_path / "content")
    config["TIMEZONE"] = "UTC"
    return config


@pytest.fixture
def read(tmp_path: Path, settings: dict[str, Any]) -> Callable[[str], tuple[str, dict[str, Any]]]:
    """Write ``text`` to content/articles/example.md and read it."""
    reader = NewsMarkdownReader(settings)

    def _read(text: str, name: str = "example.md") -> tuple[str, dict[str, Any]]:
        path = tmp_path / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return reader.read(str(path))

    return _read
