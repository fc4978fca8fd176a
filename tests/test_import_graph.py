"""The plugins import each other in one direction only: no import circle between packages.

The graph is read from the source, not from ``sys.modules``: every ``import`` and
``from ... import`` statement in plugins/ (inside functions and ``if TYPE_CHECKING:``
blocks too, since an import moved into a function is still a circle) that names another of
our own packages is an edge. A circle is reported with every package on it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from project_paths import PLUGIN_FOLDERS


def _our_packages() -> dict[str, Path]:
    """Top-level package (or module) name -> its folder (or file), for every stage folder."""
    packages: dict[str, Path] = {}
    for stage in PLUGIN_FOLDERS:
        for path in sorted(stage.iterdir()):
            if path.is_dir() and (path / "__init__.py").exists():
                packages[path.name] = path
            elif path.suffix == ".py":
                packages[path.stem] = path
    return packages


def _imported_names(tree: ast.AST, own: str) -> Iterator[str]:
    """Top-level names of every absolute import in ``tree``, and relative ones as ``own``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: inside the same package
                yield own
            elif node.module:
                yield node.module.split(".")[0]


def import_graph() -> dict[str, dict[str, list[str]]]:
    """package -> {imported package: [files (relative to plugins/) holding the import]}."""
    packages = _our_packages()
    graph: dict[str, dict[str, list[str]]] = {name: {} for name in packages}
    for name, location in packages.items():
        files = sorted(location.rglob("*.py")) if location.is_dir() else [location]
        for file in files:
            tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
            for imported in set(_imported_names(tree, name)):
                if imported in packages and imported != name:
                    where = str(file.relative_to(location.parent.parent))
                    graph[name].setdefault(imported, []).append(where)
    return graph


def find_cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Every strongly connected set of two or more packages, each as one circle's members
    (Tarjan's algorithm; the graph is small, recursion is fine)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, {}):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _describe(cycle: list[str], graph: dict[str, dict[str, list[str]]]) -> str:
    members = set(cycle)
    edges = [
        f"  {source} -> {target}  ({', '.join(files)})"
        for source in cycle
        for target, files in sorted(graph[source].items())
        if target in members
    ]
    return " <-> ".join(cycle) + "\n" + "\n".join(edges)


def test_the_plugins_have_no_import_circle():
    graph = import_graph()
    cycles = find_cycles(graph)
    assert not cycles, "import circles between plugin packages:\n" + "\n".join(
        _describe(cycle, graph) for cycle in cycles
    )


def test_the_scan_sees_imports_inside_functions_and_finds_a_circle():
    """The checker itself: an import inside a function is an edge, and a circle is found."""
    source = "def register():\n    from beta import thing\n"
    assert set(_imported_names(ast.parse(source), "alpha")) == {"beta"}
    graph = {
        "alpha": {"beta": ["read/alpha/__init__.py"]},
        "beta": {"gamma": ["read/beta/x.py"]},
        "gamma": {"alpha": ["read/gamma/y.py"]},
        "delta": {"alpha": ["read/delta/z.py"]},
    }
    assert find_cycles(graph) == [["alpha", "beta", "gamma"]]
    assert find_cycles({"alpha": {"beta": []}, "beta": {}}) == []


def test_the_graph_holds_the_known_edges():
    """A scan that found nothing would pass the first test; this one names real edges."""
    graph = import_graph()
    assert "html_policy" in graph["markdown_reader"]
    assert "content_errors" in graph["markdown_reader"]
    assert "markdown_reader" in graph["news_blocks"]
