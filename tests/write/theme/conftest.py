"""Fixtures of the theme tests."""

from __future__ import annotations

import shutil

import pytest
from theme_pages import VNU_JAR, missing_tool


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    """The Nu Html Checker's command line (skip locally, fail under CI, when missing)."""
    java = shutil.which("java")
    if java is None:
        missing_tool("the Nu Html Checker needs java (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing_tool(f"the Nu Html Checker is not installed ({VNU_JAR} missing)")
    return [str(java), "-jar", str(VNU_JAR)]
