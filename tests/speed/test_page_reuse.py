"""Page reuse: a rebuild renders only the pages whose keys changed, and equals a full build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup
from tests.speed.site_helpers import small_site, tree

from parallel_write import writer as writer_module
from parallel_write.describe import Describer, UndescribableError, is_keyed
from parallel_write.page_roles import FEATURE_ROLES, Keyed, PageRoles

Build = Callable[..., tuple[Path, list[str]]]
# Rendered by the build and one worker, as in a real build (page reuse is on by default).
PARALLEL = {"PARALLEL_WRITE_WORKERS": 2, "PARALLEL_WRITE_MIN_PAGES": 2}
# Page reuse off: every page rendered, an unchanged one linked rather than rewritten.
DEFAULT = {"PARALLEL_WRITE_WORKERS": 2, "PARALLEL_WRITE_MIN_PAGES": 2, "PAGE_REUSE": False}


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


def _inodes(folder: Path) -> dict[str, int]:
    return {
        str(path.relative_to(folder)): path.stat().st_ino
        for path in folder.rglob("*.html")
        if path.is_file()
    }


def _full_build(
    build: Build, files: dict[str, str | bytes], tmp_path: Path, **settings: Any
) -> dict[str, bytes]:
    """The same content built from nothing (another cache, no last output)."""
    fresh = tmp_path / "fresh"
    for name, text in files.items():
        path = fresh / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    from build import build as build_folder  # the project's build, into another folder

    problems = build_folder(
        Path(__file__).resolve().parents[2] / "pelicanconf.py",
        fresh / "output",
        overrides={
            **PARALLEL,
            **settings,
            "PATH": str(fresh / "content"),
            "CACHE_PATH": str(fresh / "cache"),
        },
    )
    assert problems == []
    return tree(fresh / "output")


def _differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    names = sorted(set(first) | set(second))
    return [name for name in names if first.get(name) != second.get(name)]


def test_an_unchanged_site_is_linked_page_for_page(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files = small_site(6)
    cache = str(tmp_path / "cache")
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    before = _inodes(output)
    first = tree(output)
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    assert reused[0] == 0, "nothing to reuse the first time"
    assert reused[1] == len(before), "every page reused"
    assert _inodes(output) == before, "not rewritten: the very same files"
    assert _differences(first, tree(output)) == []


def _linked_site_built(
    build_site: Build, tmp_path: Path
) -> tuple[dict[str, str | bytes], str, dict[str, int]]:
    """Eight articles, the fifth linking to the third, built once: (files, cache, inodes)."""
    files = small_site(8)
    # Another article links to the third: its address is what that page shows of it.
    files["articles/example-article-00005.md"] = (
        str(files["articles/example-article-00005.md"])
        + "\nSee [example article 3]({filename}example-article-00003.md).\n"
    )
    cache = str(tmp_path / "cache")
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    return files, cache, _inodes(output)


def _add_paragraph(files: dict[str, str | bytes], name: str) -> None:
    files[name] = str(files[name]).replace("\n## ", "\n\nAn added paragraph.\n\n## ", 1)


def test_an_edit_to_an_articles_text_renders_its_page_alone(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files, cache, before = _linked_site_built(build_site, tmp_path)
    _add_paragraph(files, "articles/example-article-00003.md")

    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    after = _inodes(output)
    rendered = {page for page in after if before.get(page) != after[page]}
    (own,) = [page for page in after if "/example-article-3/" in page]
    assert rendered == {own}
    assert reused[1] == len(after) - 1, "every other page linked without rendering"
    assert "An added paragraph." in (output / own).read_text(encoding="utf-8")
    assert _differences(tree(output), _full_build(build_site, files, tmp_path)) == []


def test_an_edit_other_pages_show_renders_every_page(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files, cache, before = _linked_site_built(build_site, tmp_path)
    name = "articles/example-article-00003.md"
    # A new headline (and so a new address): lists, hubs and the linking article show it.
    files[name] = str(files[name]).replace(
        "Title: Example article 3", "Title: Example article 3, edited"
    )
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    assert reused[1] == 0, "the site changed: every page rendered"
    after = _inodes(output)
    # Rendered, and linked where they came out as before.
    assert any(before.get(page) == after[page] for page in after)
    (linking,) = output.glob("*/*/*/example-article-5/index.html")
    assert "example-article-3-edited/" in linking.read_text(encoding="utf-8")
    assert _differences(tree(output), _full_build(build_site, files, tmp_path)) == []


def test_a_summary_made_from_the_text_is_part_of_the_site(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files = small_site(8)
    name = "articles/example-article-00004.md"
    # No Summary line: lists show a summary Pelican makes from the article's text.
    files[name] = "\n".join(
        line for line in str(files[name]).splitlines() if not line.startswith("Summary:")
    )
    files[name] = str(files[name]).replace("\n\n", "\n\nAn opening sentence.\n\n", 1)
    cache = str(tmp_path / "cache")
    assert build_site(files, CACHE_PATH=cache, **PARALLEL)[1] == []
    files[name] = str(files[name]).replace("An opening sentence.", "A new opening sentence.")
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    assert reused[1] == 0
    assert _differences(tree(output), _full_build(build_site, files, tmp_path)) == []


def test_without_reuse_pages_rendered_unchanged_are_not_rewritten(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files = small_site(6)
    cache = str(tmp_path / "cache")
    output, problems = build_site(files, CACHE_PATH=cache, **DEFAULT)
    assert problems == []
    before = _inodes(output)
    _add_paragraph(files, "articles/example-article-00002.md")
    output, problems = build_site(files, CACHE_PATH=cache, **DEFAULT)
    assert problems == []
    assert reused == [], "no page reuse: every page rendered"
    after = _inodes(output)
    linked = {page for page in after if before.get(page) == after[page]}
    assert 0 < len(linked) < len(after), "the edited article's page is rewritten, most are not"
    assert not any("example-article-2/" in page for page in linked)
    assert _differences(tree(output), _full_build(build_site, files, tmp_path)) == []


def test_page_keys_do_not_depend_on_the_process(tmp_path: Path) -> None:
    # Two builds of the same site in processes with other string hashes (set orders).
    content = tmp_path / "content"
    files = small_site(6)
    # Static files: Pelican lists them from a set.
    files.update({f"images/example-{n}.png": b"\x89PNG example %d" % n for n in range(6)})
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; sys.path.insert(0, 'scripts'); import project_paths;"
        " project_paths.make_importable(); from pathlib import Path;"
        "from build import build;"
        f"assert build(Path('pelicanconf.py'), Path({str(tmp_path / 'output')!r}),"
        f" overrides={{'PATH': {str(content)!r}, 'CACHE_PATH': {str(tmp_path / 'cache')!r},"
        " 'PARALLEL_WRITE_WORKERS': 2}) == []"
    )
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script], cwd=root, env=env, check=True)
    manifests = sorted((tmp_path / "cache").glob("content-*/pages/*.pickle"))
    first, second = (pickle.loads(path.read_bytes())["pages"] for path in manifests)
    assert len(first) > 20
    assert first == second


def test_a_section_edit_past_its_excerpt_that_changes_its_topics_renders_every_page(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files = small_site(8)
    cache = str(tmp_path / "cache")
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    hub_before = (output / "topics" / "un-responses" / "index.html").read_text(encoding="utf-8")
    # A phrase of the topic at the end of the lead, far past what its excerpt keeps: the
    # lead now matches the topic (matched on the whole text as read).
    name = "articles/example-article-00001.md"
    head, _, rest = str(files[name]).partition("\n## ")
    files[name] = f"{head} Lorem UNICEF ipsum.\n\n## {rest}"
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    assert reused[1] == 0
    hub = (output / "topics" / "un-responses" / "index.html").read_text(encoding="utf-8")
    assert hub != hub_before, "the hub now lists the article's lead"
    assert _differences(tree(output), _full_build(build_site, files, tmp_path)) == []


def test_a_file_attached_to_a_page_rendered_elsewhere_or_reused_moves_beside_it(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files = small_site(8)
    files["articles/photo2.png"] = b"\x89PNG example 2"
    name = "articles/example-article-00002.md"
    files[name] = str(files[name]) + "\n![Example photo]({attach}photo2.png)\n"
    # Feeds render article bodies in the build process too: not this one's.
    settings = dict(PARALLEL, FEEDS_MAX_ITEMS=1, CACHE_PATH=str(tmp_path / "cache"))
    for _ in (1, 2):
        output, problems = build_site(files, **settings)
        assert problems == []
        (page,) = output.glob("*/*/*/example-article-2/index.html")
        assert (page.parent / "photo2.png").read_bytes() == b"\x89PNG example 2"
        assert not (output / "articles" / "photo2.png").exists()
        assert 'src="photo2.png"' in page.read_text(encoding="utf-8") or "/photo2.png" in (
            page.read_text(encoding="utf-8")
        )
    assert reused[1] > 0
    full = _full_build(build_site, files, tmp_path, FEEDS_MAX_ITEMS=1)
    assert _differences(tree(output), full) == []


def test_a_changed_setting_renders_every_page(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files = small_site(4)
    cache = str(tmp_path / "cache")
    assert build_site(files, CACHE_PATH=cache, **PARALLEL)[1] == []
    output, problems = build_site(files, CACHE_PATH=cache, SITENAME="Example digest", **PARALLEL)
    assert problems == []
    assert reused == [0, 0]
    assert "Example digest" in (output / "index.html").read_text(encoding="utf-8")


def test_a_failed_build_leaves_the_next_one_able_to_reuse(
    build_site: Build, tmp_path: Path, reused: list[int]
) -> None:
    files = small_site(5)
    cache = str(tmp_path / "cache")
    assert build_site(files, CACHE_PATH=cache, **PARALLEL)[1] == []
    broken = dict(files)
    broken["articles/example-article-00002.md"] = (
        "Title: Example article 2\nDate: not a date\n\nx\n"
    )
    assert build_site(broken, CACHE_PATH=cache, **PARALLEL)[1] != []
    output, problems = build_site(files, CACHE_PATH=cache, **PARALLEL)
    assert problems == []
    assert reused[-1] > 0
    assert _differences(tree(output), _full_build(build_site, files, tmp_path)) == []


# --- describing values ------------------------------------------------------------


@dataclasses.dataclass
class _Example:
    title: str
    items: list[Any]
    parent: Any = None


@dataclasses.dataclass
class _Keyed:
    slug: str
    body: str


_ROLES = PageRoles(keyed={_Keyed: Keyed("slug")})


def test_values_are_described_by_value_not_by_identity() -> None:
    first, second = Describer(), Describer()
    when = dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC)
    value = {"a": [1, "text", Markup("<b>x</b>"), when], "b": _Example("t", [None, 2.5])}
    same = {"a": [1, "text", Markup("<b>x</b>"), when], "b": _Example("t", [None, 2.5])}
    assert first.digest(value) == second.digest(same)
    assert first.digest(Markup("<b>x</b>")) != first.digest("<b>x</b>"), "escaping differs"
    assert first.digest(_Example("t", [None, 2.5])) != first.digest(_Example("u", [None, 2.5]))
    assert first.digest("x" * 500) != first.digest("x" * 499 + "y")


def test_the_roles_name_real_fields_and_the_models_carry_no_speed_marker() -> None:
    """The table is the speed layer's (issue 18): the features' classes say nothing of page
    reuse, and each key and derived field the table names is a field of its class."""
    for kind, keyed in FEATURE_ROLES.keyed.items():
        names = {field.name for field in dataclasses.fields(kind)}
        assert {keyed.key, *keyed.derived} <= names, kind
    for kind in [*FEATURE_ROLES.keyed, *FEATURE_ROLES.bookkeeping]:
        markers = [name for name in vars(kind) if name.startswith("__page_")]
        assert markers == [], (kind, markers)
    assert not is_keyed(_Keyed("a", "one"))  # a class the table does not name


def test_keyed_objects_are_described_by_identity_and_registered() -> None:
    describer = Describer(_ROLES)
    assert describer.digest(_Keyed("a", "one")) == describer.digest(_Keyed("a", "two"))
    assert describer.digest(_Keyed("a", "one")) != describer.digest(_Keyed("b", "one"))
    assert sorted(describer.registry) == [(f"{__name__}._Keyed", "a"), (f"{__name__}._Keyed", "b")]


def test_source_positions_are_left_out_and_sets_sorted() -> None:
    describer = Describer()
    first = {"sections": [{"id": "a", "line": 3, "text": "x"}], "tags": {"b", "a", "c"}}
    second = {"sections": [{"id": "a", "line": 9, "text": "x"}], "tags": {"c", "a", "b"}}
    assert describer.digest(first) == describer.digest(second)
    second["sections"][0]["text"] = "y"
    assert describer.digest(first) != describer.digest(second)


def test_what_cannot_be_pickled_or_loops_cannot_be_described() -> None:
    with pytest.raises(UndescribableError):
        Describer().digest([threading.Lock()])
    loop = _Example("loop", [])
    loop.parent = loop
    with pytest.raises(UndescribableError):
        Describer().digest(loop)


def test_no_memory_address_decides_a_digest() -> None:
    assert Describer().digest(os.path.join) == Describer().digest(os.path.join)
