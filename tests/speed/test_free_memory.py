"""Freed memory is given back to the system after reading and before pages are rendered."""

from __future__ import annotations

import platform
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.speed.site_helpers import small_site

import free_memory
from gc_tuning import release
from parallel_write import writer


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_glibc_gives_freed_memory_back() -> None:
    assert free_memory.give_back_free_memory() is True


def test_a_build_gives_memory_back_after_reading_and_before_rendering(
    build_site: Callable[..., tuple[Path, list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(release, "give_back_free_memory", lambda: calls.append("read") or True)
    monkeypatch.setattr(writer, "give_back_free_memory", lambda: calls.append("render") or True)
    _, problems = build_site(small_site(4), PARALLEL_WRITE_WORKERS=2, PARALLEL_WRITE_MIN_PAGES=2)
    assert problems == []
    assert calls == ["read", "render"]
