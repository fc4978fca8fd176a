"""A damaged or foreign cache (CACHE_PATH) gives the same site as a build from nothing.

The cache only saves time: content_cache's entries and stat index, the stored template
bytecode, parallel_write's page keys and the search index's shards and digests are each
checked when read, and one that cannot be used is made again.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from build import build

ROOT = Path(__file__).resolve().parents[2]


def _article(number: int, body: str) -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: 2026-01-{number % 28 + 1:02d}\n"
        f"tags: [example-tag-{number % 3}]\n---\n\n{body}\n"
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _each_file(cache: Path, change: Callable[[Path], None]) -> int:
    files = sorted(p for p in cache.rglob("*") if p.is_file())
    for path in files:
        change(path)
    return len(files)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00Example garbage\xff" * 8)


def _foreign(path: Path) -> None:
    # Well-formed, but of another version of the cache's formats.
    if path.suffix == ".json":
        path.write_text(json.dumps({"format": 999, "pages": {}, "files": {}}), encoding="utf-8")
    else:
        path.write_bytes(pickle.dumps({"version": 999, "fingerprint": "x", "pages": {}}))


def _replace_by_file(folder: Path) -> None:
    shutil.rmtree(folder)
    folder.write_text("Example: not a folder", encoding="utf-8")


def _folders_become_files(cache: Path) -> int:
    folders = [cache / "search", *(p for p in cache.glob("content-*/*") if p.is_dir())]
    for folder in folders:
        _replace_by_file(folder)
    return len(folders)


DAMAGE: dict[str, Callable[[Path], int]] = {
    "every-file-truncated": lambda cache: _each_file(cache, _truncate),
    "every-file-garbage": lambda cache: _each_file(cache, _garbage),
    "every-file-empty": lambda cache: _each_file(cache, lambda p: p.write_bytes(b"")),
    "every-file-another-version": lambda cache: _each_file(cache, _foreign),
    "cache-folders-are-files": _folders_become_files,
    "fingerprinted-folder-is-a-file": lambda cache: [
        _replace_by_file(folder) for folder in cache.glob("content-*")
    ].__len__(),
    "cache-path-is-a-file": lambda cache: [_replace_by_file(cache)].__len__(),
}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "content"
    (folder / "articles").mkdir(parents=True)
    for number in range(1, 71):
        (folder / f"articles/a{number}.md").write_text(
            _article(number, f"Synthetic body {number}."), encoding="utf-8"
        )
    return folder


@pytest.fixture(scope="module")
def from_nothing(content: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    scratch = tmp_path_factory.mktemp("from-nothing")
    overrides = {"PATH": str(content), "CACHE_PATH": str(scratch / "cache")}
    assert build(ROOT / "pelicanconf.py", scratch / "output", overrides=overrides) == []
    return _files(scratch / "output")


def _build(content: Path, tmp_path: Path, output: str) -> list[str]:
    overrides = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    return build(ROOT / "pelicanconf.py", tmp_path / output, overrides=overrides)


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_cache_gives_the_site_a_build_from_nothing_gives(
    content: Path, tmp_path: Path, from_nothing: dict[str, bytes], damage: str
) -> None:
    assert _build(content, tmp_path, "output") == []
    assert DAMAGE[damage](tmp_path / "cache") > 0, "something was damaged"
    # With the last output (its pages reused from the damaged keys) and without.
    assert _build(content, tmp_path, "output") == []
    assert _files(tmp_path / "output") == from_nothing
    assert _build(content, tmp_path, "another-output") == []
    assert _files(tmp_path / "another-output") == from_nothing
    if damage != "cache-path-is-a-file":
        # And the cache works again: a third build from it is the same site.
        assert _build(content, tmp_path, "output") == []
        assert _files(tmp_path / "output") == from_nothing


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_cache_gives_the_site_a_build_from_nothing_gives(
    content: Path, tmp_path: Path, from_nothing: dict[str, bytes]
) -> None:
    assert _build(content, tmp_path, "output") == []
    cache = tmp_path / "cache"
    _each_file(cache, lambda path: path.chmod(0))
    try:
        assert _build(content, tmp_path, "another-output") == []
    finally:
        _each_file(cache, lambda path: path.chmod(0o644))
    assert _files(tmp_path / "another-output") == from_nothing
