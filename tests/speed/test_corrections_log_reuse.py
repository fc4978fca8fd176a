"""The corrections log under the speed layer: a page reused while the notes it lists are
unchanged, rendered again when a note changes, and a rebuild equal to a build from nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.speed.site_helpers import small_site, tree

from parallel_write import writer as writer_module

Build = Callable[..., tuple[Path, list[str]]]
PARALLEL = {"PARALLEL_WRITE_WORKERS": 2, "PARALLEL_WRITE_MIN_PAGES": 2}
LOG = "corrections/index.html"
CORRECTED = "articles/corrected.md"


def corrected(note: str) -> str:
    return (
        "---\ntitle: Example article 90\ndate: 2026-01-20T09:00:00+00:00\n"
        "summary: A synthetic summary.\n"
        f"corrections:\n  - {{date: 2026-01-21T10:00:00+00:00, note: {note}, section: figures}}\n"
        "---\n\nA synthetic lead.\n\n## Figures\n\nSynthetic figures.\n"
    )


@pytest.fixture
def reused(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many pages each build linked from the last one instead of rendering."""
    counts: list[int] = []
    real = writer_module.RecordingWriter._keep_keys

    def spy(self: Any, *args: Any) -> None:
        real(self, *args)
        counts.append(self.reused)

    monkeypatch.setattr(writer_module.RecordingWriter, "_keep_keys", spy)
    yield counts


def _differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return [
        name for name in sorted(set(first) | set(second)) if first.get(name) != second.get(name)
    ]


def test_the_log_is_reused_then_rendered_when_a_note_changes(
    build_site: Build,
    build_from_nothing: Callable[[], Path],
    tmp_path: Path,
    reused: list[int],
) -> None:
    files = small_site(8)
    files[CORRECTED] = corrected("Fixes a synthetic figure.")
    cache = str(tmp_path / "cache")
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    pages = len(list(output.rglob("*.html")))
    log_inode = (output / LOG).stat().st_ino

    # Another article's text alone: its page is rendered, the log (and the rest) reused.
    name = "articles/example-article-00003.md"
    files[name] = str(files[name]).replace("\n## ", "\n\nAn added paragraph.\n\n## ", 1)
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    assert reused[1] == pages - 1
    assert (output / LOG).stat().st_ino == log_inode

    # The note itself: the log (and the feeds) show the new text.
    files[CORRECTED] = corrected("Fixes a synthetic total.")
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    log = (output / LOG).read_text(encoding="utf-8")
    assert "Fixes a synthetic total." in log and "synthetic figure" not in log
    assert "Fixes a synthetic total." in (output / "feeds/corrections.atom.xml").read_text(
        encoding="utf-8"
    )
    assert _differences(tree(output), tree(build_from_nothing())) == []
