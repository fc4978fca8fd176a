"""The sharded search index: pages by shard, reuse of unchanged shards, the cache's safety."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.stage_plugins import FAST_BUILD_PLUGINS

import search_index
from search_index import (
    BUNDLE_DIR,
    DIGESTS_FILE,
    MANIFEST,
    OTHER_SHARD,
    SearchIndexError,
    build_search_index,
    fingerprint,
    load_digests,
    quarter_glob,
    read_pages,
    run_pagefind,
    shard_name,
)

BuildSite = Callable[..., tuple[Path, list[str]]]

TOPIC = "---\ntitle: Example alpha\nphrases: [alphaword]\n---\nThe alpha topic.\n"


def _article(number: int, date: str, body: str = "") -> str:
    return (
        f"---\ntitle: Example article {number}\ndate: {date}T09:00:00+00:00\n"
        f"summary: Synthetic summary {number}.\n---\n\n"
        f"Synthetic body {number}, about alphaword.\n\n{body or 'A second paragraph.'}\n"
    )


# Two articles in the first quarter of 2026, one in the second, and a topic hub.
FILES = {
    "topics/example-alpha.md": TOPIC,
    "articles/example-1.md": _article(1, "2026-02-03"),
    "articles/example-2.md": _article(2, "2026-03-30"),
    "articles/example-3.md": _article(3, "2026-05-12"),
}
# An edit of one article's text: its page changes, and the topic hub quoting it; the
# articles of the other quarter (neighbours show titles only) stay the same.
EDITED = {"articles/example-3.md": _article(3, "2026-05-12", "A revised second paragraph.")}


def _tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _search_cache(cache: Path) -> Path:
    """The search index's folder under CACHE_PATH (as set, whatever plugins make of it)."""
    return cache / "search"


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The shards Pagefind really ran for (by bundle folder name), in order."""
    ran: list[str] = []

    def counting(pages: Path, bundle: Path, glob: str | None) -> None:
        ran.append(bundle.name)
        run_pagefind(pages, bundle, glob)

    monkeypatch.setattr(search_index, "run_pagefind", counting)
    yield ran


@pytest.mark.parametrize(
    ("page", "shard"),
    [
        ("2024/01/05/example-article-1/index.html", "2024-q1"),
        ("2024/03/31/example-article-2/index.html", "2024-q1"),
        ("2024/04/01/example-article-3/index.html", "2024-q2"),
        ("2025/09/30/example-article-4/index.html", "2025-q3"),
        ("2025/12/01/example-article-5/index.html", "2025-q4"),
        ("topics/example-alpha/index.html", "pages"),
        ("topics/example-alpha/page/2/index.html", "pages"),
        ("editions/2024/01/05/index.html", "pages"),
        ("2024/13/01/example/index.html", "pages"),
        ("2024/01/05/example-article-1/other.html", "pages"),
        ("about/index.html", "pages"),
    ],
)
def test_pages_go_to_the_shard_of_their_quarter(page: str, shard: str) -> None:
    assert shard_name(page) == shard


def test_a_site_is_indexed_in_shards_listed_by_the_manifest(
    build_site: BuildSite, tmp_path: Path, runs: list[str]
) -> None:
    output, problems = build_site(FILES, CACHE_PATH=str(tmp_path / "cache"))
    assert problems == []
    root = output / BUNDLE_DIR
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"shards": ["2026-q2/", "2026-q1/", "pages/"]}
    # The quarters one after another, newest first; the other pages alongside them.
    assert [run for run in runs if run != "pages"] == ["2026-q2", "2026-q1"]
    assert sorted(runs) == ["2026-q1", "2026-q2", "pages"]
    counts = {}
    for shard in ("2026-q1", "2026-q2", "pages"):
        assert (root / shard / "pagefind.js").is_file()
        entry = json.loads((root / shard / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts[shard] = sum(language["page_count"] for language in entry["languages"].values())
    # Home, archives, tag lists, editions and the search page carry no data-pagefind-body.
    assert counts == {"2026-q1": 2, "2026-q2": 1, "pages": 1}
    assert not (root / "pagefind.js").exists()


def test_an_unchanged_rebuild_reuses_every_shard_and_an_edit_reindexes_one(
    build_site: BuildSite, tmp_path: Path, runs: list[str]
) -> None:
    cache = tmp_path / "cache"
    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    first = _tree(output / BUNDLE_DIR)
    runs.clear()

    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    assert runs == []
    assert _tree(output / BUNDLE_DIR) == first
    # Taken from the cache by hard links: the same files, not copies.
    bundle = output / BUNDLE_DIR / "2026-q1" / "pagefind.js"
    cached = next((_search_cache(cache) / "2026-q1").glob("*/pagefind.js"))
    assert os.path.samefile(bundle, cached)

    output, problems = build_site(EDITED, CACHE_PATH=str(cache))
    assert problems == []
    assert sorted(runs) == ["2026-q2", "pages"]
    after = _tree(output / BUNDLE_DIR)
    changed = {name.split("/")[0] for name, _ in set(first.items()) ^ set(after.items())}
    # (The hub's bundle may come out the same: the fingerprint is of the page, not of what
    # Pagefind keeps of it.)
    assert "2026-q2" in changed
    assert "2026-q1" not in changed


def test_an_edited_rebuild_equals_a_build_from_scratch(
    build_site: BuildSite, build_from_nothing: Callable[[], Path], tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    output, problems = build_site(EDITED, CACHE_PATH=str(cache))
    assert problems == []
    assert _tree(output / BUNDLE_DIR) == _tree(build_from_nothing() / BUNDLE_DIR)


def test_a_failed_build_leaves_the_cache_as_it_was(
    build_site: BuildSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    before = _tree(_search_cache(cache))
    site_before = _tree(output)

    # Both quarters change; the newest is indexed, then Pagefind fails on the second.
    def failing(pages: Path, bundle: Path, glob: str | None) -> None:
        if bundle.name == "2026-q1":
            raise SearchIndexError("Pagefind failed (exit 1): synthetic failure")
        run_pagefind(pages, bundle, glob)

    monkeypatch.setattr(search_index, "run_pagefind", failing)
    edits = {
        **EDITED,
        "articles/example-1.md": _article(1, "2026-02-03", "A revised second paragraph."),
    }
    output, problems = build_site(edits, CACHE_PATH=str(cache))
    assert problems == [
        "error: search index: shard 2026-q1 (2 pages): Pagefind failed (exit 1): synthetic failure"
    ]
    assert _tree(_search_cache(cache)) == before
    assert _tree(output) == site_before


def test_a_broken_cache_entry_is_indexed_again(
    build_site: BuildSite, tmp_path: Path, runs: list[str]
) -> None:
    cache = tmp_path / "cache"
    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    first = _tree(output / BUNDLE_DIR)
    next((_search_cache(cache) / "pages").glob("*/pagefind.js")).unlink()
    runs.clear()
    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    assert runs == ["pages"]
    assert _tree(output / BUNDLE_DIR) == first


def test_shards_gone_from_the_site_leave_the_cache(build_site: BuildSite, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert build_site(FILES, CACHE_PATH=str(cache))[1] == []
    (tmp_path / "content" / "articles" / "example-3.md").unlink()
    assert build_site({}, CACHE_PATH=str(cache))[1] == []
    folder = _search_cache(cache)
    assert sorted(path.name for path in folder.iterdir() if path.is_dir()) == ["2026-q1", "pages"]


def test_pagefind_failing_is_a_clear_error_naming_the_shard(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="Pagefind failed"):
        run_pagefind(tmp_path / "empty", tmp_path / "bundle")  # no HTML at all: Pagefind refuses
    site = tmp_path / "site"
    page = site / "2026" / "02" / "03" / "example-article-1" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><body><main data-pagefind-body>Example</main></body></html>")

    def refusing(pages: Path, bundle: Path, glob: str | None) -> None:
        run_pagefind(pages / "missing", bundle, glob)

    with pytest.raises(SearchIndexError, match=r"^shard 2026-q1 \(1 pages\): Pagefind failed"):
        build_search_index(site, runner=refusing)


def test_bad_sites_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no built site at"):
        build_search_index(tmp_path / "nowhere")
    (tmp_path / BUNDLE_DIR).mkdir()
    with pytest.raises(SearchIndexError, match="exists already"):
        build_search_index(tmp_path)


def test_a_site_without_indexed_pages_gets_an_empty_manifest(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>Example</p></body></html>")
    index = build_search_index(tmp_path)
    assert index.shards == ()
    manifest = json.loads((tmp_path / BUNDLE_DIR / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"shards": []}


def test_the_fingerprint_covers_pages_bytes_and_pagefind() -> None:
    pages = {"2026/02/03/example-article-1/index.html": "a" * 64}
    same = fingerprint(dict(pages), "1.5.2")
    assert fingerprint(pages, "1.5.2") == same
    assert fingerprint(pages, "1.5.3") != same
    assert fingerprint({next(iter(pages)): "b" * 64}, "1.5.2") != same
    assert fingerprint({"2026/02/04/example-article-1/index.html": "a" * 64}, "1.5.2") != same


def _page(text: str) -> str:
    return f"<html><body><main data-pagefind-body>{text}</main></body></html>"


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read (Path.read_bytes) from now on."""
    read: list[str] = []
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        read.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return read


def test_pages_linked_from_the_last_build_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last, site = tmp_path / "last", tmp_path / "site"
    for folder in (last, site):
        folder.mkdir()
    for name, text in {"a.html": _page("Example a"), "b.html": _page("Example b")}.items():
        (last / name).write_text(text, encoding="utf-8")
    (last / "plain.html").write_text("<p>Example, not indexed</p>", encoding="utf-8")
    known = read_pages(last)
    assert known["plain.html"].digest is None
    # The new build: a.html and plain.html are the last build's files, b.html is new bytes
    # in a new file given the very size and modification time of the old one.
    for name in ("a.html", "plain.html"):
        os.link(last / name, site / name)
    (site / "b.html").write_text(_page("Example B"), encoding="utf-8")
    old = (last / "b.html").stat()
    os.utime(site / "b.html", ns=(old.st_atime_ns, old.st_mtime_ns))
    (site / "c.html").write_text(_page("Example c"), encoding="utf-8")

    read = _counting_reads(monkeypatch)
    pages = read_pages(site, known)
    assert sorted(read) == ["b.html", "c.html"]
    assert pages["a.html"] == known["a.html"]
    assert pages["b.html"].digest != known["b.html"].digest
    assert {page: found.digest for page, found in pages.items()} == {
        page: found.digest for page, found in read_pages(site).items()
    }


def test_a_rebuild_reads_only_changed_pages_and_keeps_correct_digests(
    build_site: BuildSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    # Pages the build left as they were (the speed layer keeps the last build's file) are
    # not read again.
    output, problems = build_site(FILES, CACHE_PATH=str(cache), plugins=FAST_BUILD_PLUGINS)
    assert problems == []
    before = _tree(output)
    # The pages read_pages reads (relative to the site it is given).
    read: list[str] = []
    original_read_pages, original_read_bytes = search_index.read_pages, Path.read_bytes

    def reading_pages(site: Path, known: object = None) -> object:
        def counting(self: Path) -> bytes:
            read.append(self.relative_to(site).as_posix())
            return original_read_bytes(self)

        with monkeypatch.context() as patch:
            patch.setattr(Path, "read_bytes", counting)
            return original_read_pages(site, known)  # type: ignore[arg-type]

    monkeypatch.setattr(search_index, "read_pages", reading_pages)
    output, problems = build_site(EDITED, CACHE_PATH=str(cache), plugins=FAST_BUILD_PLUGINS)
    assert problems == []
    after = _tree(output)
    html = {page for page in after if page.endswith(".html") and not page.startswith(BUNDLE_DIR)}
    changed = {page for page in html if before.get(page) != after[page]}
    assert changed and changed < html
    assert "2026/05/12/example-article-3/index.html" in changed
    assert sorted(read) == sorted(changed)
    recorded = load_digests(_search_cache(cache) / DIGESTS_FILE)
    assert set(recorded) == html
    indexed = {page: found.digest for page, found in recorded.items() if found.digest}
    assert indexed == {
        page: after[page] for page in html if b"data-pagefind-body" in (output / page).read_bytes()
    }


def test_a_broken_digest_record_only_means_reading_every_page(
    build_site: BuildSite, tmp_path: Path, runs: list[str]
) -> None:
    cache = tmp_path / "cache"
    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    first = _tree(output / BUNDLE_DIR)
    (_search_cache(cache) / DIGESTS_FILE).write_text('{"format": 1, "pages": {"a": 1}}')
    assert load_digests(_search_cache(cache) / DIGESTS_FILE) == {}
    runs.clear()
    output, problems = build_site(FILES, CACHE_PATH=str(cache))
    assert problems == []
    assert runs == []
    assert _tree(output / BUNDLE_DIR) == first
    assert load_digests(_search_cache(cache) / DIGESTS_FILE)


@pytest.mark.parametrize("alongside", [True, False])
def test_the_other_pages_are_indexed_alongside_the_quarters_with_the_same_result(
    build_site: BuildSite, tmp_path: Path, alongside: bool
) -> None:
    output, problems = build_site(FILES, CACHE_PATH=str(tmp_path / "cache"))
    assert problems == []
    expected = _tree(output / BUNDLE_DIR)
    # With the other pages alongside, the first quarter and the other pages meet while
    # both are being indexed (a barrier no sequential order could pass); without, the runs
    # never overlap.
    meeting = threading.Barrier(2, timeout=60)
    spans: dict[str, tuple[float, float]] = {}

    def timed(pages: Path, bundle: Path, glob: str | None) -> None:
        start = time.monotonic()
        if alongside and bundle.name in ("pages", "2026-q2"):
            meeting.wait()
        run_pagefind(pages, bundle, glob)
        spans[bundle.name] = (start, time.monotonic())

    site = tmp_path / "again"
    shutil.copytree(output, site, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    index = build_search_index(site, runner=timed, alongside=alongside)
    assert [shard.name for shard in index.shards] == ["2026-q2", "2026-q1", "pages"]
    assert _tree(site / BUNDLE_DIR) == expected
    pages_start, pages_end = spans["pages"]
    overlapping = any(
        start < pages_end and pages_start < end
        for name, (start, end) in spans.items()
        if name != "pages"
    )
    assert overlapping == alongside


def test_a_failure_alongside_is_reported_after_the_quarters(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for page in ("2026/02/03/example-article-1/index.html", "topics/example-alpha/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(_page("Example"), encoding="utf-8")
    made: list[str] = []

    def failing_pages(pages: Path, bundle: Path, glob: str | None) -> None:
        if bundle.name == "pages":
            raise SearchIndexError("Pagefind failed (exit 1): synthetic failure")
        run_pagefind(pages, bundle, glob)
        made.append(bundle.name)

    with pytest.raises(SearchIndexError, match=r"^shard pages \(1 pages\): Pagefind failed"):
        build_search_index(site, runner=failing_pages, alongside=True)
    assert made == ["2026-q1"]


@pytest.mark.parametrize(
    ("name", "glob"),
    [
        ("2024-q1", "2024/{01,02,03}/*/*/index.html"),
        ("2025-q4", "2025/{10,11,12}/*/*/index.html"),
        (OTHER_SHARD, None),
        ("2024-q5", None),
    ],
)
def test_a_quarter_is_selected_by_a_glob_of_its_months(name: str, glob: str | None) -> None:
    assert quarter_glob(name) == glob


def test_quarters_indexed_in_place_equal_quarters_indexed_from_a_staged_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    marked = {
        "2026/02/03/example-article-1/index.html": _page("Example one, alphaword"),
        "2026/03/30/example-article-2/index.html": _page("Example two"),
        "2026/05/12/example-article-3/index.html": _page("Example three"),
        "topics/example-alpha/index.html": _page("Example alpha"),
    }
    unmarked = {
        "index.html": "<p>Example home</p>",
        # A page of the second quarter Pagefind would not index: that quarter is staged.
        "2026/05/13/example-article-4/index.html": "<p>Example four, not indexed</p>",
    }
    for page, text in {**marked, **unmarked}.items():
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(text, encoding="utf-8")
    calls: list[tuple[str, str | None]] = []

    def recording(pages: Path, bundle: Path, glob: str | None) -> None:
        calls.append((bundle.name, glob))
        run_pagefind(pages, bundle, glob)

    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    build_search_index(site, runner=recording, alongside=False)
    assert calls == [
        ("2026-q2", None),
        ("2026-q1", "2026/{01,02,03}/*/*/index.html"),
        ("pages", None),
    ]
    monkeypatch.setattr(search_index, "quarter_glob", lambda name: None)
    build_search_index(copy, runner=recording, alongside=False)
    assert calls[3:] == [("2026-q2", None), ("2026-q1", None), ("pages", None)]
    assert _tree(site / BUNDLE_DIR) == _tree(copy / BUNDLE_DIR)


def test_a_quarter_pagefind_counts_otherwise_is_indexed_again_staged(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for page in ("2026/02/03/example-article-1/index.html", "about/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(_page("Example"), encoding="utf-8")
    calls: list[tuple[str, str | None]] = []

    def overreaching(pages: Path, bundle: Path, glob: str | None) -> None:
        calls.append((bundle.name, glob))
        # As if the glob had matched a page of another shard too.
        run_pagefind(pages, bundle, "**/*.html" if glob else None)

    build_search_index(site, runner=overreaching, alongside=False)
    assert calls == [
        ("2026-q1", "2026/{01,02,03}/*/*/index.html"),
        ("2026-q1", None),
        ("pages", None),
    ]
    entry = json.loads((site / BUNDLE_DIR / "2026-q1" / "pagefind-entry.json").read_text())
    assert sum(language["page_count"] for language in entry["languages"].values()) == 1


@pytest.mark.parametrize("epoch", [None, "1767225600"])
def test_recorded_identities_are_those_of_the_output_files(
    build_site: BuildSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str | None
) -> None:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:  # every file restamped after indexing: the identities are taken again
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    cache = tmp_path / "cache"
    for files in (FILES, EDITED):
        output, problems = build_site(files, CACHE_PATH=str(cache))
        assert problems == []
        recorded = load_digests(_search_cache(cache) / DIGESTS_FILE)
        assert recorded
        for page, found in recorded.items():
            status = (output / page).stat()
            identity = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
            assert found.identity == identity, page
