"""Helpers for the theme tests: the built site's pages, parsed, and the Nu Html Checker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

TOOLS = Path(__file__).resolve().parents[2] / ".tools"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_pages(site: Path) -> list[Path]:
    """Every HTML page the build wrote (the search bundle has none)."""
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def missing_tool(reason: str) -> None:
    """Skip locally, but fail under CI, where every tool must be present."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: run `make test-tools`)")
    pytest.skip(f"{reason}; run `make test-tools`")
