"""A run of rebuilds after edits, with every shortcut they take (the content cache, pages
linked from the last output, page digests kept by the search index, search shards taken from
its cache, the last output removed by the next build), gives the site a build from nothing
gives, byte for byte, search index included."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tests.speed.site_helpers import LIVE_NAME, small_site, tree

from search_index import BUNDLE_DIR, DIGESTS_FILE, load_digests

Build = Callable[..., tuple[Path, list[str]]]
# Enough articles for the forked readers and writers to work as in a real build.
COUNT = 70


def _edit(files: dict[str, str | bytes], name: str, sentence: str) -> None:
    head, _, rest = str(files[name]).partition("\n## ")
    files[name] = f"{head}\n\n{sentence}\n\n## {rest}"


def test_rebuilds_after_edits_equal_a_build_from_nothing(
    build_site: Build, build_from_nothing: Callable[[], Path], tmp_path: Path
) -> None:
    files = small_site(COUNT)
    cache = tmp_path / "cache"
    output, problems = build_site(files, CACHE_PATH=str(cache))
    assert problems == []
    first = tree(output)
    for round_, number in enumerate((35, 36, 35), start=1):
        _edit(files, f"articles/example-article-{number:05d}.md", f"Synthetic edit {round_}.")
        output, problems = build_site(files, CACHE_PATH=str(cache))
        assert problems == []
    # A live article gets a new entry: its page, its feed and the JSON-LD change.
    files[LIVE_NAME] = (
        str(files[LIVE_NAME])
        + "\n::: entry\ntime: 2026-01-25T13:00:00+00:00\n\nExample entry 5, added later.\n:::\n"
    )
    output, problems = build_site(files, CACHE_PATH=str(cache))
    assert problems == []
    rebuilt = tree(output)
    assert rebuilt != first

    full = tree(build_from_nothing())
    assert sorted(rebuilt) == sorted(full)
    assert [name for name in rebuilt if rebuilt[name] != full[name]] == []
    assert any(name.startswith(BUNDLE_DIR + "/") for name in full)

    # The shortcuts were taken: most pages are the previous build's files, and the search
    # index knew their digests without reading them again.
    previous = output.with_name(output.name + ".previous")
    pages = [name for name in rebuilt if name.endswith(".html")]
    linked = [name for name in pages if os.path.samefile(output / name, previous / name)]
    assert len(linked) > len(pages) // 2
    known = load_digests(cache / "search" / DIGESTS_FILE)
    assert set(known) == {name for name in pages if not name.startswith(BUNDLE_DIR + "/")}
