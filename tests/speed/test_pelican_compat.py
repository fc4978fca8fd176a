"""pelican_compat: Pelican's internals are touched in one package, and the site is the same
without its patches.

1. No module of plugins/ or scripts/ outside plugins/speed/pelican_compat/ replaces a
   Pelican function, method or attribute, or uses a Pelican private name (an AST scan).
2. A build with the patches off (``PELICAN_PATCHES = False``) equals the patched build
   byte for byte: a small synthetic site and the seed site.
3. On another Pelican version the patches are off, with one warning that does not fail
   the build (``NEWSDIGEST_PELICAN_VERSION``, the variable the compat package reads).
"""

from __future__ import annotations

import ast
import logging
from collections.abc import Iterator
from pathlib import Path

import pelican
import pytest
from tests.speed.site_helpers import small_site, tree

import pelican_compat
from build import build

ROOT = Path(__file__).resolve().parents[2]
COMPAT = ROOT / "plugins" / "speed" / "pelican_compat"
SEED_SITE = ROOT / "tests" / "fixtures" / "seed_site" / "content"


# ---- 1. the guard -------------------------------------------------------------------


def _pelican_sources() -> Iterator[Path]:
    for path in sorted(Path(pelican.__file__).parent.rglob("*.py")):
        if "tests" not in path.parts:
            yield path


def _is_property(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    # Setting a property (article.status, a wrapper's url) is Pelican's API, not a patch.
    return any(
        "property" in ast.unparse(decorator) or ast.unparse(decorator).endswith(".setter")
        for decorator in function.decorator_list
    )


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"


def _pelican_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(Pelican's private names, the methods of its classes, their private methods)."""
    names: set[str] = set()
    methods: set[str] = set()
    for path in _pelican_sources():
        module = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(module):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and not (
                        _is_property(item)
                    ):
                        methods.add(item.name)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.Name):
                names.add(node.id)
    private_methods = frozenset(filter(_is_private, methods))
    public_methods = frozenset(name for name in methods if not name.startswith("_"))
    return frozenset(filter(_is_private, names)), public_methods, private_methods


PELICAN_PRIVATE, PELICAN_METHODS, PELICAN_PRIVATE_METHODS = _pelican_names()


def _our_sources() -> Iterator[Path]:
    for folder in (ROOT / "plugins", ROOT / "scripts"):
        for path in sorted(folder.rglob("*.py")):
            if COMPAT not in path.parents:
                yield path


def _is_pelicans(module: str | None) -> bool:
    return module == "pelican" or (module or "").startswith("pelican.")


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


class _Scan(ast.NodeVisitor):
    """Finds, in one module, every use of Pelican's internals."""

    def __init__(self, path: Path, source: str) -> None:
        self.path = path.relative_to(ROOT)
        self.found: list[str] = []
        module = ast.parse(source)
        # Names bound to Pelican's modules, classes and functions by this module's imports.
        self.pelicans: set[str] = set()
        # Module-level string constants (names given to getattr/setattr).
        self.strings: dict[str, str] = {}
        # This module's own classes that are not Pelican's subclasses: their private
        # attributes are theirs.
        self.own_classes: set[str] = set()
        for node in ast.walk(module):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "pelican":
                        self.pelicans.add((alias.asname or alias.name).split(".")[0])
            elif isinstance(node, ast.ImportFrom) and _is_pelicans(node.module):
                for alias in node.names:
                    self.pelicans.add(alias.asname or alias.name)
                    if alias.name.startswith("_"):
                        self._flag(node, f"imports Pelican's private {alias.name}")
        for node in module.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.strings[target.id] = node.value.value
        # For each enclosing class: whether it subclasses Pelican's, and the private
        # methods it defines that Pelican's classes do not (its own).
        self._class: list[tuple[bool, set[str]]] = []
        self.visit(module)

    def _flag(self, node: ast.AST, what: str) -> None:
        self.found.append(f"{self.path}:{getattr(node, 'lineno', '?')}: {what}")

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        subclass = any(_root_name(base) in self.pelicans for base in node.bases)
        own: set[str] = set()
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and _is_private(item.name):
                if subclass and item.name in PELICAN_PRIVATE_METHODS:
                    self._flag(item, f"overrides Pelican's private method {item.name}")
                else:
                    own.add(item.name)
        self._class.append((subclass, own))
        self.generic_visit(node)
        self._class.pop()

    def _own_private(self, node: ast.Attribute) -> bool:
        # self._x in a class of ours that is not a Pelican subclass is ours, as is a
        # private method a Pelican subclass of ours defines and Pelican does not.
        if not (isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}):
            return False
        if not self._class:
            return False
        subclass, own = self._class[-1]
        return not subclass or node.attr in own

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in PELICAN_PRIVATE and not self._own_private(node):
            self._flag(node, f"uses Pelican's private name {node.attr}")
        if node.attr == "__dict__" and _root_name(node.value) in self.pelicans:
            self._flag(node, "reads a Pelican class's __dict__")
        if node.attr == "receivers" or (
            node.attr == "disconnect" and _root_name(node.value) in self.pelicans | {"signals"}
        ):
            self._flag(node, "reorders a signal's receivers")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and node.value in PELICAN_PRIVATE:
            self._flag(node, f"names Pelican's private {node.value!r}")

    def _check_target(self, target: ast.expr) -> None:
        if not isinstance(target, ast.Attribute):
            return
        if _root_name(target) in self.pelicans:
            self._flag(target, f"assigns to Pelican's {ast.unparse(target)}")
        elif target.attr in PELICAN_METHODS and not (
            isinstance(target.value, ast.Name) and target.value.id in {"self", "cls"}
        ):
            self._flag(target, f"replaces Pelican's method {target.attr} on an object")

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._check_target(target)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._check_target(node.target)
        self.generic_visit(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self._check_target(target)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id in {"setattr", "delattr"}:
            name = node.args[1] if len(node.args) > 1 else None
            value = (
                name.value
                if isinstance(name, ast.Constant)
                else self.strings.get(name.id)
                if isinstance(name, ast.Name)
                else None
            )
            if not isinstance(value, str):
                self._flag(node, f"{node.func.id} with a name it cannot be told is ours")
            elif value in PELICAN_METHODS or value in PELICAN_PRIVATE:
                self._flag(node, f"{node.func.id} of Pelican's {value}")
        self.generic_visit(node)


def scan(path: Path, source: str | None = None) -> list[str]:
    """Every use of Pelican's internals in ``path`` (or in ``source``, named ``path``)."""
    text = path.read_text(encoding="utf-8") if source is None else source
    return _Scan(path, text).found


def test_pelicans_names_are_known() -> None:
    # The scan would find nothing if it knew none of Pelican's names.
    assert {"_content", "_slug", "_open_w", "_cache_path", "_update_content"} <= PELICAN_PRIVATE
    assert {"get_url_setting", "read_file", "add_static_links", "get_content"} <= PELICAN_METHODS


def test_no_module_outside_pelican_compat_touches_pelicans_internals() -> None:
    found = [problem for path in _our_sources() for problem in scan(path)]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "import pelican.generators\npelican.generators.process_translations = len\n",
        "from pelican.contents import Content\nContent.get_url_setting = len\n",
        "def f(readers):\n    readers.read_file = len\n",
        "def f(article):\n    del article._content\n",
        "def f(wrapper):\n    wrapper._slug = 'x'\n",
        "from pelican.readers import _filter_discardable_metadata\n",
        "def f(content):\n    return vars(content).get('_content')\n",
        "from pelican.contents import Content\nx = Content.__dict__\n",
        "from pelican import signals\nsignals.get_generators.disconnect(len)\n",
        "def f(generator, name):\n    setattr(generator, name, len)\n",
        "from pelican.writers import Writer\nclass W(Writer):\n"
        "    def _open_w(self, *a):\n        return super()._open_w(*a)\n",
    ],
)
def test_the_guard_finds_each_kind_of_patch(source: str) -> None:
    assert scan(ROOT / "plugins" / "example.py", source) != []


def test_the_guard_leaves_our_own_names_alone() -> None:
    source = (
        "class Store:\n    def __init__(self):\n        self._entries = None\n"
        "def f(article):\n    article.topics = []\n    return article.content\n"
    )
    assert scan(ROOT / "plugins" / "example.py", source) == []


# ---- 2. the same site without the patches ---------------------------------------------


def _build(content: Path, folder: Path, **overrides: object) -> Path:
    output = folder / "output"
    settings = {"PATH": str(content), "CACHE_PATH": str(folder / "cache"), **overrides}
    problems = build(ROOT / "pelicanconf.py", output, overrides=settings)
    assert problems == []
    return output


def _write(files: dict[str, str | bytes], content: Path) -> Path:
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return content


def _same_site(content: Path, tmp_path: Path) -> None:
    patched = _build(content, tmp_path / "patched")
    plain = _build(content, tmp_path / "plain", PELICAN_PATCHES=False)
    # The patches were used in one build and not in the other: the content cache (a
    # patch of Pelican's Readers) made its folder only in the first.
    assert list((tmp_path / "patched" / "cache").glob("content-*"))
    assert not list((tmp_path / "plain" / "cache").glob("content-*"))
    first, second = tree(patched), tree(plain)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_a_synthetic_site_is_the_same_without_the_patches(tmp_path: Path) -> None:
    # 70 articles: more than PARALLEL_READ_MIN_FILES and PARALLEL_WRITE_MIN_PAGES, so the
    # forked readers and writers run in the patched build.
    _same_site(_write(small_site(70), tmp_path / "content"), tmp_path)


def test_the_seed_site_is_the_same_without_the_patches(tmp_path: Path) -> None:
    _same_site(SEED_SITE, tmp_path)


# ---- 3. another Pelican version ---------------------------------------------------------


def test_the_patches_apply_only_to_the_version_they_were_written_for() -> None:
    settings = {"PLUGINS": ["frozen_urls"]}
    assert pelican_compat.WRITTEN_FOR == "4.12.0"
    assert pelican_compat.enabled(settings, version="4.12.0")
    assert not pelican_compat.enabled(settings, version="4.13.0")
    assert not pelican_compat.enabled(settings, version="4.11.0")
    assert not pelican_compat.enabled({**settings, "PELICAN_PATCHES": False}, version="4.12.0")


def test_another_pelican_version_builds_the_same_site_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    content = _write(small_site(3), tmp_path / "content")
    patched = _build(content, tmp_path / "patched")
    monkeypatch.setenv(pelican_compat.VERSION_VARIABLE, "4.99.0")
    assert not pelican_compat.enabled({"PLUGINS": []})
    with caplog.at_level(logging.WARNING, logger="pelican_compat"):
        other = _build(content, tmp_path / "other")
    warnings = [r.getMessage() for r in caplog.records if r.name == "pelican_compat"]
    assert len(warnings) == 1
    assert "Pelican 4.99.0" in warnings[0] and "4.12.0" in warnings[0]
    assert "slower" in warnings[0] and "the same" in warnings[0]
    assert not list((tmp_path / "other" / "cache").glob("content-*"))
    assert tree(patched) == tree(other)


def test_no_warning_when_the_patches_are_turned_off_or_apply(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = _write(small_site(2), tmp_path / "content")
    with caplog.at_level(logging.WARNING, logger="pelican_compat"):
        _build(content, tmp_path / "on")
        _build(content, tmp_path / "off", PELICAN_PATCHES=False)
    assert [r for r in caplog.records if r.name == "pelican_compat"] == []
