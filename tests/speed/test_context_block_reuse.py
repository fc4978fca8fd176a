"""One edit to a context file: every page that shows its block changes, the content cache
parses again only the documents that showed it, page reuse links every other page, and
the rebuild equals a build from nothing."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.speed.site_helpers import small_site, tree

from parallel_write import writer as writer_module

Build = Callable[..., tuple[Path, list[str]]]
# Read and rendered by the build and a forked worker, as in a real build; reuse is on.
PARALLEL = {
    "PARALLEL_READ_WORKERS": 2,
    "PARALLEL_READ_MIN_FILES": 2,
    "PARALLEL_WRITE_WORKERS": 2,
    "PARALLEL_WRITE_MIN_PAGES": 2,
}
QA = (
    "---\ntitle: The example question, explained\nkind: qa\nreviewed: {reviewed}\n---\n"
    "## What is the example question?\n\n{answer}\n"
)
GUIDE = (
    "---\ntitle: An example guide\nkind: guide\nreviewed: 2020-01-01\n---\n"
    "- A synthetic point of the guide.\n"
)
# The articles showing each block (the bench corpus's, dated from 2026 on).
SHOWING_QA = (3, 5)
SHOWING_GUIDE = (6,)


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


def _place(files: dict[str, str | bytes], number: int, slug: str) -> None:
    name = f"articles/example-article-{number:05d}.md"
    files[name] = str(files[name]).replace("\n## ", f"\n::: context {slug}\n:::\n\n## ", 1)


def _site(answer: str, reviewed: str = "2020-01-01") -> dict[str, str | bytes]:
    files = small_site(10)
    files["context/example-question.md"] = QA.format(reviewed=reviewed, answer=answer)
    files["context/example-guide.md"] = GUIDE
    for number in SHOWING_QA:
        _place(files, number, "example-question")
    for number in SHOWING_GUIDE:
        _place(files, number, "example-guide")
    return files


def _inodes(folder: Path) -> dict[str, int]:
    return {
        str(path.relative_to(folder)): path.stat().st_ino
        for path in folder.rglob("*.html")
        if path.is_file()
    }


def _page(output: Path, number: int) -> str:
    return next(
        str(path.relative_to(output))
        for path in output.glob(f"*/*/*/example-article-{number}/index.html")
    )


def _differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    names = sorted(set(first) | set(second))
    return [name for name in names if first.get(name) != second.get(name)]


def test_an_edited_context_file_rewrites_the_pages_showing_it_alone(
    build_site: Build,
    build_from_nothing: Callable[[], Path],
    tmp_path: Path,
    reused: list[int],
) -> None:
    cache = str(tmp_path / "cache")
    output, problems = build_site(_site("A first synthetic answer."), CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    before = _inodes(output)

    output, problems = build_site(
        _site("A corrected synthetic answer."), CACHE_PATH=cache, **PARALLEL
    )
    assert problems == []
    after = _inodes(output)
    rendered = {page for page in after if before.get(page) != after[page]}
    showing = {_page(output, number) for number in SHOWING_QA}
    assert rendered == showing
    assert reused[1] == len(after) - len(showing), "every other page linked without rendering"
    for page in showing:
        text = (output / page).read_text(encoding="utf-8")
        # Not the cached parse: the article was parsed again with the new text.
        assert "A corrected synthetic answer." in text
        assert "A first synthetic answer." not in text
    full = tree(build_from_nothing())
    assert _differences(tree(output), full) == []


def test_a_new_reviewed_date_updates_the_pages_showing_it(
    build_site: Build, build_from_nothing: Callable[[], Path], tmp_path: Path
) -> None:
    cache = str(tmp_path / "cache")
    assert build_site(_site("A synthetic answer."), CACHE_PATH=cache, **PARALLEL)[1] == []
    output, problems = build_site(
        _site("A synthetic answer, checked again.", reviewed="2030-06-01"),
        CACHE_PATH=cache,
        **PARALLEL,
    )
    assert problems == []
    for number in SHOWING_QA:
        text = (output / _page(output, number)).read_text(encoding="utf-8")
        assert 'Updated <time datetime="2030-06-01T00:00:00+00:00">' in text
    guide_page = (output / _page(output, SHOWING_GUIDE[0])).read_text(encoding="utf-8")
    assert "Updated <time" not in guide_page
    full = tree(build_from_nothing())
    assert _differences(tree(output), full) == []
    # The unchanged pages were not rewritten (linked from the last build's output).
    previous = output.with_name(output.name + ".previous")
    pages = [name for name in full if name.endswith(".html")]
    assert any(os.path.samefile(output / name, previous / name) for name in pages)
