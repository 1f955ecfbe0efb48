"""The package's shape: no import circles, renderers that only read the Report, one home
for every shared helper."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "guestology"
HELPERS = ("signed", "plural", "name_list", "wrap", "clip", "pct")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    return {module_name(p): ast.parse(p.read_text("utf-8")) for p in PACKAGE.rglob("*.py")}


def import_graph() -> nx.DiGraph:
    found = modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(found)
    for name, tree in found.items():
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                base = node.module
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in found else base
                           for a in node.names]  # fmt: skip
            for target in targets:
                if target in found and target != name:
                    graph.add_edge(name, target)
    return graph


def test_no_import_circle() -> None:
    """Not even through ``if TYPE_CHECKING:`` or an import inside a function."""
    cycles = list(nx.simple_cycles(import_graph()))
    assert cycles == [], cycles


def test_renderers_read_the_report_not_the_graph() -> None:
    graph = import_graph()
    for name in graph:
        if name.startswith("guestology.render"):
            assert "guestology.graph" not in graph.successors(name), name
            source = PACKAGE.parent / (name.replace(".", "/") + ".py")
            if not source.exists():
                continue
            tree = ast.parse(source.read_text("utf-8"))
            calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
            assert not any(ast.unparse(c.func).endswith("analyse") for c in calls), name
            imports = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
            assert "networkx" not in imports, name


def test_each_shared_helper_is_defined_once() -> None:
    defined: dict[str, list[str]] = defaultdict(list)
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in HELPERS:
                defined[node.name].append(name)
    assert {h: where for h, where in defined.items() if len(where) > 1} == {}
    assert set(defined) == set(HELPERS)
    assert all(where == ["guestology.render.common"] for where in defined.values())
