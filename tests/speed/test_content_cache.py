"""content_cache: a rebuild parses only what changed and gives the very same site."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pelicanconf import PLUGINS
from tests.speed.site_helpers import LIVE, small_site, tree

from content_cache.fingerprint import fingerprint, stable_repr
from content_cache.stat_index import INDEX_NAME
from content_cache.store import ABANDONED_WRITE_SECONDS, FOLDER_PREFIX
from markdown_reader.reader import NewsMarkdownReader

Build = Callable[..., tuple[Path, list[str]]]
# small_site's live article: cached like any other (its state, live or ended, is worked out
# from the build's date when the article is made, not when the file is parsed).
LIVE_TITLE = "Example live coverage 1"
# One process reads everything, so the spy below sees every parse.
SERIAL = {"PARALLEL_READ_WORKERS": 0}


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the Markdown reader parses (in this process)."""
    names: list[str] = []
    read = NewsMarkdownReader.read

    def spy(self: Any, source_path: str) -> Any:
        names.append(Path(source_path).name)
        return read(self, source_path)

    monkeypatch.setattr(NewsMarkdownReader, "read", spy)
    return names


def _edit(files: dict[str, str | bytes], name: str) -> None:
    text = str(files[name])
    head, _, rest = text.partition("\n## ")
    files[name] = f"{head}\n\nAn edited paragraph of example article 3.\n\n## {rest}"


def test_a_rebuild_parses_the_edited_file_only_and_equals_a_full_build(
    build_site: Build, tmp_path: Path, parsed: list[str]
) -> None:
    assert "content_cache" in PLUGINS
    files = small_site(5)
    cache = tmp_path / "cache"
    _, problems = build_site(files, CACHE_PATH=str(cache), **SERIAL)
    assert problems == []
    assert len([name for name in parsed if name.startswith("example-article")]) == 5

    parsed.clear()
    _edit(files, "articles/example-article-00003.md")
    output, problems = build_site(files, CACHE_PATH=str(cache), **SERIAL)
    assert problems == []
    assert [name for name in parsed if name.startswith("example-article")] == [
        "example-article-00003.md"
    ]
    assert LIVE.name not in parsed  # the live article comes from the cache too
    rebuilt = tmp_path / "rebuilt"
    shutil.copytree(output, rebuilt)
    (page,) = rebuilt.glob("*/*/*/example-article-3/index.html")
    assert "An edited paragraph of example article 3." in page.read_text(encoding="utf-8")

    parsed.clear()
    output, problems = build_site(files, CACHE_PATH=str(tmp_path / "fresh-cache"), **SERIAL)
    assert problems == []
    assert len([name for name in parsed if name.startswith("example-article")]) == 5
    first, second = tree(rebuilt), tree(output)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_a_file_with_a_problem_is_parsed_and_reported_by_every_build(
    build_site: Build, tmp_path: Path, parsed: list[str]
) -> None:
    files = small_site(2)
    # A key-points block with nothing in it: the reader logs it (file and line).
    files["articles/broken.md"] = (
        "---\ntitle: Example article with an empty box\ndate: 2024-03-01\n---\n\n"
        "::: key-points\n:::\n\nBody of the example article.\n"
    )
    cache = str(tmp_path / "cache")
    _, first = build_site(files, CACHE_PATH=cache, **SERIAL)
    assert any("broken.md" in problem for problem in first), first
    parsed.clear()
    _, second = build_site(files, CACHE_PATH=cache, **SERIAL)
    assert "broken.md" in parsed
    assert [name for name in parsed if name.startswith("example-article")] == []
    assert second == first


def _cache_entries(cache: Path) -> list[str]:
    """The titles of the articles the cache holds (an entry file each)."""
    (folder,) = cache.glob(FOLDER_PREFIX + "*")
    titles = []
    for entry in (folder / "ArticlesGenerator-Readers").iterdir():
        if entry.name == INDEX_NAME:  # which entry each file has (test_content_cache_index)
            continue
        _, metadata = pickle.loads(entry.read_bytes())
        titles.append(str(metadata["title"]))
    return sorted(titles)


def test_the_cache_holds_only_the_files_the_last_build_read(
    build_site: Build, tmp_path: Path
) -> None:
    files = small_site(3)
    cache = tmp_path / "cache"
    assert build_site(files, CACHE_PATH=str(cache), **SERIAL)[1] == []
    assert len(_cache_entries(cache)) == len(
        [name for name in files if name.startswith("articles/")]
    )
    (tmp_path / "content" / "articles" / "example-article-00002.md").unlink()
    del files["articles/example-article-00002.md"]
    assert build_site(files, CACHE_PATH=str(cache), **SERIAL)[1] == []
    # Entries only (no temporary file left), for the two articles left and the live one.
    assert _cache_entries(cache) == ["Example article 1", "Example article 3", LIVE_TITLE]


def test_an_edited_file_gets_a_new_entry_and_the_old_one_goes(
    build_site: Build, tmp_path: Path
) -> None:
    files = small_site(2)
    cache = tmp_path / "cache"
    assert build_site(files, CACHE_PATH=str(cache), **SERIAL)[1] == []
    name = "articles/example-article-00002.md"
    files[name] = str(files[name]).replace("Example article 2", "Example article 2, edited", 1)
    (tmp_path / "content" / name).write_text(str(files[name]), encoding="utf-8")
    assert build_site(files, CACHE_PATH=str(cache), **SERIAL)[1] == []
    assert _cache_entries(cache) == ["Example article 1", "Example article 2, edited", LIVE_TITLE]


def test_a_damaged_entry_is_parsed_again(build_site: Build, tmp_path: Path) -> None:
    files = small_site(2)
    cache = tmp_path / "cache"
    first, problems = build_site(files, CACHE_PATH=str(cache), **SERIAL)
    assert problems == []
    expected = tree(first)
    (folder,) = cache.glob(FOLDER_PREFIX + "*")
    for entry in (folder / "ArticlesGenerator-Readers").iterdir():
        entry.write_bytes(b"not a pickle")
    second, problems = build_site(files, CACHE_PATH=str(cache), **SERIAL)
    assert problems == []
    assert tree(second) == expected
    assert _cache_entries(cache) == ["Example article 1", "Example article 2", LIVE_TITLE]


def test_off_leaves_no_cache(build_site: Build, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert build_site(small_site(2), CACHE_PATH=str(cache), CONTENT_CACHE=False)[1] == []
    assert list(cache.glob(FOLDER_PREFIX + "*")) == []


def _settings(plugins: Path, **extra: object) -> dict[str, object]:
    return {"PLUGIN_PATHS": [str(plugins)], "THEME": str(plugins), "SITENAME": "x", **extra}


def test_the_fingerprint_follows_settings_and_code(tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    (plugins / "example").mkdir(parents=True)
    code = plugins / "example" / "__init__.py"
    code.write_text("RULE = 1\n", encoding="utf-8")
    base = fingerprint(_settings(plugins))
    assert fingerprint(_settings(plugins)) == base
    # Where the build writes is not what a parse depends on.
    assert fingerprint(_settings(plugins, OUTPUT_PATH="/elsewhere", CACHE_PATH="/c")) == base
    assert fingerprint(_settings(plugins, SITENAME="y")) != base
    code.write_text("RULE = 2\n", encoding="utf-8")
    assert fingerprint(_settings(plugins)) != base


def test_a_function_in_the_settings_is_described_by_its_file(tmp_path: Path) -> None:
    """A Jinja filter written in pelicanconf.py: an edit to its body changes the description
    (parses, compiled templates and pages made with the old one are not taken for current)."""
    import importlib.util

    def described(body: str) -> str:
        source = tmp_path / "example_settings.py"
        source.write_text(f"def shout(text):\n    return {body}\n", encoding="utf-8")
        spec = importlib.util.spec_from_file_location("example_settings", source)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return stable_repr({"JINJA_FILTERS": {"shout": module.shout}})

    first = described("text.upper()")
    assert "example_settings.shout" in first
    assert described("text.upper()") == first
    assert described("text.lower()") != first
    # A built-in has no file: its name is all there is, and it stays the same.
    assert stable_repr(len) == stable_repr(len)


def test_settings_are_described_without_memory_addresses() -> None:
    class Thing:
        pass

    def rule() -> None:
        return None

    described = stable_repr({"B": [Thing(), rule], "A": {1, 2}})
    assert "0x" not in described
    assert described == stable_repr({"A": {2, 1}, "B": [Thing(), rule]})


def test_an_abandoned_temporary_entry_goes_and_a_recent_one_stays(
    build_site: Build, tmp_path: Path
) -> None:
    files = small_site(1)
    cache = tmp_path / "cache"
    assert build_site(files, CACHE_PATH=str(cache), **SERIAL)[1] == []
    (folder,) = cache.glob(FOLDER_PREFIX + "*")
    entries = folder / "ArticlesGenerator-Readers"
    abandoned, recent = entries / ".new-1-abandoned", entries / ".new-2-recent"
    abandoned.write_bytes(b"half")
    recent.write_bytes(b"half")
    long_ago = time.time() - ABANDONED_WRITE_SECONDS - 60
    os.utime(abandoned, (long_ago, long_ago))
    assert build_site(files, CACHE_PATH=str(cache), **SERIAL)[1] == []
    assert not abandoned.exists()
    assert recent.exists()
