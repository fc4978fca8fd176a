"""parallel_read: articles parsed in worker processes give the very same site and messages."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pelican.readers import Readers
from pelican.settings import read_settings
from pelicanconf import PLUGINS
from tests.speed.site_helpers import ROOT, small_site, tree

from parallel_read import prefetch
from parallel_read.prefetch import ParsedFiles, from_snapshot, parse_in_workers, parsed_in_worker

PARALLEL = {"PARALLEL_READ_WORKERS": 2, "PARALLEL_READ_MIN_FILES": 2}


def test_site_is_identical_to_a_serial_read(
    build_site: Callable[..., tuple[Path, list[str]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = small_site(8)
    served: list[ParsedFiles] = []

    def spy(reader: Any, paths: list[str], workers: int) -> ParsedFiles:
        parsed = parse_in_workers(reader, paths, workers)
        served.append(parsed)
        return parsed

    monkeypatch.setattr(prefetch, "parse_in_workers", spy)
    output, problems = build_site(files, PARALLEL_READ_WORKERS=0)
    assert problems == []
    serial = tmp_path / "serial"
    shutil.copytree(output, serial)
    output, problems = build_site(files, **PARALLEL)
    assert problems == []
    # The benchmark articles and the live article.
    articles = [name for name in files if name.startswith("articles/")]
    assert len(articles) == 9
    assert [parsed.parsed for parsed in served] == [len(articles)], (
        "every article came from the workers"
    )
    assert "parallel_read" in PLUGINS
    first, second = tree(serial), tree(output)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # The workers used the build's parser, extensions included (news_blocks' key points).
    page = next(output.glob("2024/*/*/example-article-3/index.html"))
    assert 'class="key-points"' in page.read_text(encoding="utf-8")


def test_metadata_pelican_discards_is_discarded_as_in_a_serial_read(
    build_site: Callable[..., tuple[Path, list[str]]], tmp_path: Path
) -> None:
    # An empty "Tags:" line: Pelican marks the value to be dropped; the marker must not
    # reach the build as a value after the trip from a worker.
    files = small_site(4)
    name = "articles/example-article-00002.md"
    files[name] = str(files[name]).replace("Tags: example, synthetic, group-c", "Tags:")
    assert "Tags:\n" in str(files[name])
    serial_output, serial = build_site(files, PARALLEL_READ_WORKERS=0)
    assert serial == []
    serial_site = tree(serial_output)
    output, problems = build_site(files, **PARALLEL)
    assert problems == []
    assert tree(output) == serial_site


def test_a_bad_article_is_reported_once_as_in_a_serial_build(
    build_site: Callable[..., tuple[Path, list[str]]],
) -> None:
    files = small_site(4)
    files["articles/broken.md"] = "---\ntitle: [unclosed\n---\nBody.\n"
    _, serial = build_site(files, PARALLEL_READ_WORKERS=0)
    _, parallel = build_site(files, **PARALLEL)
    assert serial, "the broken article fails the build"
    assert parallel == serial
    assert sum("broken.md" in problem for problem in parallel) == sum(
        "broken.md" in problem for problem in serial
    )


def test_workers_parse_every_good_file_and_return_the_same_result(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for name, text in small_site(3).items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    bad = content / "articles" / "bad.md"
    bad.write_text("---\ndate: not a date\ntitle: Example article 9\n---\nBody.\n")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    reader = Readers(settings).readers["md"]
    paths = sorted(str(p) for p in (content / "articles").glob("*.md"))
    with parse_in_workers(reader, paths, 2) as parsed:
        # Taken in another order than the workers parsed them: each is served once.
        results = {path: parsed.take(path) for path in reversed(paths)}
        assert parsed.take(paths[0]) is None
    assert sorted(path for path, data in results.items() if data is not None) == [
        p for p in paths if p != str(bad)
    ]
    for path, data in results.items():
        if data is None:
            continue
        html, back = from_snapshot(data, settings)
        expected_html, expected = reader.read(path)
        # With what the plugins add in a worker (topic_hubs' verdicts).
        parsed_in_worker.send(reader, metadata=expected)
        assert html == expected_html
        assert back == expected
        # (The live article has no tags.)
        assert [tag.slug for tag in back.get("tags", [])] == [
            tag.slug for tag in expected.get("tags", [])
        ]
    # The live article's entries too (the same data as a serial read, compared above).
    assert any(
        "live_entries" in from_snapshot(data, settings)[1] for data in results.values() if data
    )
