"""content_cache's stat index: an unchanged file costs a stat, a changed one is hashed again."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.speed.site_helpers import small_site, tree

from content_cache import store
from content_cache.stat_index import INDEX_NAME, Stamp
from content_cache.store import FOLDER_PREFIX

Build = Callable[..., tuple[Path, list[str]]]
# One process reads everything, so the spies below see every hash and parse.
SERIAL = {"PARALLEL_READ_WORKERS": 0}
ARTICLE = "articles/example-article-{:05d}.md"
HOUR_AGO_NS = time.time_ns() - 3600 * 10**9


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the article files whose bytes the content cache hashes (the live
    article among them)."""
    names: list[str] = []
    file_key = store.file_key

    def spy(source: str) -> str:
        if Path(source).parent.name == "articles":
            names.append(Path(source).name)
        return file_key(source)

    monkeypatch.setattr(store, "file_key", spy)
    return names


def _site(tmp_path: Path, count: int, mtime_ns: int = HOUR_AGO_NS) -> dict[str, str | bytes]:
    """``count`` articles, each ending with a marker an edit of the same size changes."""
    files = small_site(count)
    for n in range(1, count + 1):
        files[ARTICLE.format(n)] = str(files[ARTICLE.format(n)]) + "\n\nExample marker AAAA.\n"
    for name, text in files.items():
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        os.utime(path, ns=(mtime_ns, mtime_ns))
    return files


def _edit_keeping_size_and_time(path: Path) -> None:
    status = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("marker AAAA.", "marker BBBB."), encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size


def _index(cache: Path, name: str = "ArticlesGenerator-Readers") -> Path:
    (folder,) = cache.glob(FOLDER_PREFIX + "*")
    return folder / name / INDEX_NAME


def _articles(files: dict[str, str | bytes]) -> list[str]:
    """The names of the site's article files (small_site's live article among them)."""
    return sorted(Path(name).name for name in files if name.startswith("articles/"))


def _page(output: Path, n: int) -> str:
    (page,) = output.glob(f"*/*/*/example-article-{n}/index.html")
    return page.read_text(encoding="utf-8")


def test_unchanged_files_are_not_read_again(
    build_site: Build, tmp_path: Path, hashed: list[str]
) -> None:
    files = _site(tmp_path, 3)
    cache = str(tmp_path / "cache")
    output, problems = build_site({}, CACHE_PATH=cache, **SERIAL)
    assert problems == []
    assert sorted(hashed) == _articles(files)
    assert {f"example-article-0000{n}.md" for n in (1, 2, 3)} <= set(hashed)
    first = tree(output)
    recorded = json.loads(_index(Path(cache)).read_text(encoding="utf-8"))["files"]
    assert sorted(Path(source).name for source in recorded) == sorted(hashed)

    hashed.clear()
    output, problems = build_site({}, CACHE_PATH=cache, **SERIAL)
    assert problems == []
    assert hashed == []
    assert tree(output) == first


def test_a_file_whose_stat_changed_is_hashed_again(
    build_site: Build, tmp_path: Path, hashed: list[str]
) -> None:
    _site(tmp_path, 3)
    cache = str(tmp_path / "cache")
    assert build_site({}, CACHE_PATH=cache, **SERIAL)[1] == []
    # Article 1: the same bytes, another time. Article 2: other bytes of the same size,
    # the same modification time (the change time and the index's age give it away).
    touched = tmp_path / "content" / ARTICLE.format(1)
    os.utime(touched, ns=(HOUR_AGO_NS + 10**9, HOUR_AGO_NS + 10**9))
    _edit_keeping_size_and_time(tmp_path / "content" / ARTICLE.format(2))
    hashed.clear()
    output, problems = build_site({}, CACHE_PATH=cache, **SERIAL)
    assert problems == []
    assert sorted(hashed) == ["example-article-00001.md", "example-article-00002.md"]
    assert "marker BBBB." in _page(output, 2)
    assert "marker AAAA." in _page(output, 1)


def _without_change_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stats as a file system shows an edit made within one timestamp tick: unchanged."""

    def stamp(status: os.stat_result) -> Stamp:
        return (status.st_size, status.st_mtime_ns, 0, status.st_ino)

    monkeypatch.setattr(store, "stamp", stamp)


def test_a_racily_clean_edit_is_seen(
    build_site: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hashed: list[str]
) -> None:
    _without_change_time(monkeypatch)
    # Written just now: the next edit may keep every part of the stat, so the build
    # cannot vouch for the file by its stat.
    _site(tmp_path, 2, mtime_ns=time.time_ns())
    cache = str(tmp_path / "cache")
    output, problems = build_site({}, CACHE_PATH=cache, **SERIAL)
    assert problems == []
    assert "marker AAAA." in _page(output, 2)
    recorded = json.loads(_index(Path(cache)).read_text(encoding="utf-8"))["files"]
    assert recorded == {}

    _edit_keeping_size_and_time(tmp_path / "content" / ARTICLE.format(2))
    hashed.clear()
    output, problems = build_site({}, CACHE_PATH=cache, **SERIAL)
    assert problems == []
    assert "example-article-00002.md" in hashed
    assert "marker BBBB." in _page(output, 2)


def test_an_old_file_with_the_same_stat_is_trusted(
    build_site: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hashed: list[str]
) -> None:
    # The counterpart of the test above: an old file is vouched for by its stat alone
    # (here the edit keeps it whole, which a real file system does not allow).
    _without_change_time(monkeypatch)
    _site(tmp_path, 2)
    cache = str(tmp_path / "cache")
    assert build_site({}, CACHE_PATH=cache, **SERIAL)[1] == []
    _edit_keeping_size_and_time(tmp_path / "content" / ARTICLE.format(2))
    hashed.clear()
    output, problems = build_site({}, CACHE_PATH=cache, **SERIAL)
    assert problems == []
    assert hashed == []
    assert "marker AAAA." in _page(output, 2)


@pytest.mark.parametrize(
    "damage",
    [
        b"\x80 not an index",
        b'["format", 1]',
        b'{"format": 1, "owner": "x", "started_ns": 1, "files": {}}',
        b'{"format": 99, "files": {}}',
    ],
    ids=["bytes", "list", "other-owner", "other-format"],
)
def test_a_damaged_or_foreign_index_is_ignored(
    build_site: Build, tmp_path: Path, hashed: list[str], damage: bytes
) -> None:
    files = _site(tmp_path, 2)
    cache = tmp_path / "cache"
    first, problems = build_site({}, CACHE_PATH=str(cache), **SERIAL)
    assert problems == []
    expected = tree(first)
    _index(cache).write_bytes(damage)
    hashed.clear()
    second, problems = build_site({}, CACHE_PATH=str(cache), **SERIAL)
    assert problems == []
    # Every article hashed again: none vouched for by the ignored index.
    assert sorted(hashed) == _articles(files)
    assert tree(second) == expected
    # Written anew by that build.
    recorded = json.loads(_index(cache).read_text(encoding="utf-8"))["files"]
    assert sorted(Path(source).name for source in recorded) == _articles(files)


def test_a_malformed_record_is_ignored(
    build_site: Build, tmp_path: Path, hashed: list[str]
) -> None:
    _site(tmp_path, 3)
    cache = tmp_path / "cache"
    assert build_site({}, CACHE_PATH=str(cache), **SERIAL)[1] == []
    index = json.loads(_index(cache).read_text(encoding="utf-8"))
    for source, record in index["files"].items():
        if source.endswith("00001.md"):
            index["files"][source] = [str(number) for number in record]
        elif source.endswith("00002.md"):
            # Not an entry's name: a path out of the folder.
            index["files"][source] = [*record[:4], "../" + "0" * 61]
    _index(cache).write_text(json.dumps(index), encoding="utf-8")
    hashed.clear()
    assert build_site({}, CACHE_PATH=str(cache), **SERIAL)[1] == []
    assert sorted(hashed) == ["example-article-00001.md", "example-article-00002.md"]


def test_the_index_is_not_trusted_in_another_fingerprint_folder(
    build_site: Build, tmp_path: Path, hashed: list[str]
) -> None:
    files = _site(tmp_path, 2)
    cache = tmp_path / "cache"
    assert build_site({}, CACHE_PATH=str(cache), **SERIAL)[1] == []
    (first,) = cache.glob(FOLDER_PREFIX + "*")
    other = {"SITENAME": "Example site, other settings", **SERIAL}
    assert build_site({}, CACHE_PATH=str(cache), **other)[1] == []
    (second,) = set(cache.glob(FOLDER_PREFIX + "*")) - {first}
    readers = "ArticlesGenerator-Readers"
    shutil.copyfile(first / readers / INDEX_NAME, second / readers / INDEX_NAME)
    hashed.clear()
    assert build_site({}, CACHE_PATH=str(cache), **other)[1] == []
    assert sorted(hashed) == _articles(files)
    # The folder's own index, written by that build, is trusted.
    hashed.clear()
    assert build_site({}, CACHE_PATH=str(cache), **other)[1] == []
    assert hashed == []
