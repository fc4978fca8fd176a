"""shared_templates: each template compiled once a build, the site byte for byte the same."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import bc_magic
from pelicanconf import PLUGINS
from tests.speed.site_helpers import small_site, tree

from shared_templates import MemoryBytecodeCache, StoredBytecodeCache

CONTEXT_FILE = (
    Path(__file__).resolve().parents[1]
    / "read/context_blocks/site/content/context/example-timeline.md"
)


def test_site_is_identical_with_and_without_the_plugin(
    build_site: Callable[..., tuple[Path, list[str]]], tmp_path: Path
) -> None:
    assert "shared_templates" in PLUGINS
    files = small_site(3)
    output, problems = build_site(files, PLUGINS=[p for p in PLUGINS if p != "shared_templates"])
    assert problems == []
    plain = tmp_path / "without"
    shutil.copytree(output, plain)
    output, problems = build_site(files, PLUGINS=PLUGINS)
    assert problems == []
    first, second = tree(plain), tree(output)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The names of the templates Jinja compiles from now on."""
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: object, name: str | None = None, *a: object, **k: object
    ) -> object:
        compiled.append(name)
        return original(self, source, name, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_templates_are_compiled_once_for_every_generator(
    build_site: Callable[..., tuple[Path, list[str]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    compiled = _count_compiles(monkeypatch)
    _, problems = build_site(small_site(2), PLUGINS=[p for p in PLUGINS if p != "shared_templates"])
    assert problems == []
    without = list(compiled)
    compiled.clear()
    _, problems = build_site(small_site(2), PLUGINS=PLUGINS, CACHE_PATH=str(tmp_path / "cache"))
    assert problems == []
    # What the plugin is for: Pelican compiles base.html once per generator.
    assert without.count("base.html") > 1
    # news_blocks renders its cards with an environment of its own (other options, so
    # other bytecode): not Pelican's, and not shared.
    theme = [name for name in compiled if not str(name).startswith("news_blocks/")]
    assert theme.count("base.html") == 1
    assert len(theme) == len(set(theme))


def _environment(cache: MemoryBytecodeCache, source: dict[str, str]) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(source), bytecode_cache=cache)


def test_a_changed_template_is_compiled_again() -> None:
    cache = MemoryBytecodeCache()
    first = _environment(cache, {"page.html": "one {{ x }}"})
    assert first.get_template("page.html").render(x=1) == "one 1"
    assert len(cache) == 1
    second = _environment(cache, {"page.html": "two {{ x }}"})
    assert second.get_template("page.html").render(x=2) == "two 2"
    third = _environment(cache, {"page.html": "two {{ x }}"})
    assert third.get_template("page.html").render(x=3) == "two 3"


def test_setting_off_leaves_the_environment_alone(
    build_site: Callable[..., tuple[Path, list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    caches: list[object] = []
    original = jinja2.Environment.__init__

    def recording(self: jinja2.Environment, *a: object, **k: object) -> None:
        caches.append(k.get("bytecode_cache"))
        original(self, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "__init__", recording)
    _, problems = build_site(small_site(1), SHARED_TEMPLATES=False)
    assert problems == []
    assert caches and all(cache is None for cache in caches)


def test_the_next_build_compiles_no_template(
    build_site: Callable[..., tuple[Path, list[str]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    cache = str(tmp_path / "cache")
    # A context file: its card is rendered (and the parser for its body built) before
    # any document is read, with templates of their own.
    files = {**small_site(2), "context/example-timeline.md": CONTEXT_FILE.read_bytes()}
    output, problems = build_site(files, CACHE_PATH=cache)
    assert problems == []
    before = tree(output)
    compiled = _count_compiles(monkeypatch)
    output, problems = build_site(files, CACHE_PATH=cache)
    assert problems == []
    assert compiled == [], compiled
    assert tree(output) == before
    # Without the content cache (no fingerprinted folder) nothing outlives the build.
    output, problems = build_site(files, CACHE_PATH=cache, CONTENT_CACHE=False)
    assert problems == []
    assert "base.html" in compiled
    assert "news_blocks/post.html" in compiled
    assert "live_coverage/entry.html" in compiled
    assert "context_blocks/timeline.html" in compiled


def _stored_environment(folder: Path, templates: Path) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(templates))
    return jinja2.Environment(loader=loader, bytecode_cache=StoredBytecodeCache(lambda: folder))


def test_stored_bytecode_is_taken_while_the_source_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates, folder = tmp_path / "templates", tmp_path / "bytecode"
    templates.mkdir()
    (templates / "page.html").write_text("one {{ x }}", encoding="utf-8")
    compiled = _count_compiles(monkeypatch)
    assert _stored_environment(folder, templates).get_template("page.html").render(x=1) == "one 1"
    assert compiled == ["page.html"]
    # The next build (a new cache on the same folder) loads it.
    assert _stored_environment(folder, templates).get_template("page.html").render(x=2) == "one 2"
    assert compiled == ["page.html"]
    # An edited template is compiled again, and the new bytecode kept.
    (templates / "page.html").write_text("two {{ x }}", encoding="utf-8")
    assert _stored_environment(folder, templates).get_template("page.html").render(x=3) == "two 3"
    assert _stored_environment(folder, templates).get_template("page.html").render(x=4) == "two 4"
    assert compiled == ["page.html", "page.html"]
    # A damaged file is compiled again: one that is not Jinja's, and one cut short after
    # Jinja's header.
    for stored in folder.iterdir():
        stored.write_bytes(b"not bytecode")
    assert _stored_environment(folder, templates).get_template("page.html").render(x=5) == "two 5"
    assert len(compiled) == 3
    for stored in folder.iterdir():
        stored.write_bytes(stored.read_bytes()[: len(bc_magic) + 3])
    assert _stored_environment(folder, templates).get_template("page.html").render(x=6) == "two 6"
    assert len(compiled) == 4


def test_a_folder_that_cannot_be_made_keeps_bytecode_in_memory(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("{{ x }}", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = StoredBytecodeCache(lambda: blocker / "bytecode")
    loader = jinja2.FileSystemLoader(str(tmp_path / "templates"))
    environment = jinja2.Environment(loader=loader, bytecode_cache=cache)
    assert environment.get_template("page.html").render(x=1) == "1"
    assert len(cache) == 1
