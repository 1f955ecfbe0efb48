"""The graph keeps its contract: every node and edge has exactly its type's attributes, and
``docs/graph.md`` names every type and every attribute of it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args, get_type_hints

import networkx as nx
import pytest

from guestology import graph_types as gt
from guestology.graph import build_graph, edges_of, nodes_of, steps
from guestology.model import Opportunity, PainPoint
from guestology.workspace import check_workspace

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")

NODE_TYPES: dict[str, type] = {
    "service": gt.ServiceAttrs,
    "stage": gt.StageAttrs,
    "touchpoint": gt.TouchpointAttrs,
    "persona": gt.PersonaAttrs,
    "need": gt.NeedAttrs,
    "want": gt.WantAttrs,
    "stereotype": gt.StereotypeAttrs,
    "emotion": gt.EmotionAttrs,
}
EDGE_TYPES: dict[str, type] = {
    "has": gt.LinkAttrs,
    "refines": gt.LinkAttrs,
    "in": gt.LinkAttrs,
    "supports": gt.LinkAttrs,
    "serves": gt.RefAttrs,
    "evokes": gt.RefAttrs,
    "counters": gt.RefAttrs,
    "reinforces": gt.RefAttrs,
    "flows": gt.FlowAttrs,
    "visits": gt.StepAttrs,
    "plans": gt.StepAttrs,
}
EVERY_TYPE = {*NODE_TYPES.values(), *EDGE_TYPES.values(), gt.GraphAttrs, gt.Located}


def _keys(cls: Any) -> frozenset[str]:
    """A TypedDict's keys (all required: the graph always sets every attribute)."""
    assert not cls.__optional_keys__, cls.__name__
    return frozenset(cls.__required_keys__)


def _kinds(cls: type) -> set[str]:
    """The ``kind`` values a TypedDict allows (its ``Literal``)."""
    return set(get_args(get_type_hints(cls)["kind"]))


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    result = check_workspace(ROOT / "personas")
    assert result.workspace is not None, [p.format() for p in result.problems]
    return build_graph(result.workspace)


def test_the_kind_tables_match_the_types_literals() -> None:
    assert {k for cls in NODE_TYPES.values() for k in _kinds(cls)} == set(NODE_TYPES)
    assert {k for cls in EDGE_TYPES.values() for k in _kinds(cls)} == set(EDGE_TYPES)
    for kind, cls in {**NODE_TYPES, **EDGE_TYPES}.items():
        assert kind in _kinds(cls), (kind, cls.__name__)


def test_every_node_and_edge_has_exactly_its_types_attributes(graph: nx.MultiDiGraph) -> None:
    seen = set()
    assert set(graph.graph) == _keys(gt.GraphAttrs)
    for node, data in graph.nodes(data=True):
        seen.add(data["kind"])
        assert set(data) == _keys(NODE_TYPES[data["kind"]]), node
    for u, v, data in graph.edges(data=True):
        seen.add(data["kind"])
        assert set(data) == _keys(EDGE_TYPES[data["kind"]]), (u, v, data["kind"])
    assert seen == set(NODE_TYPES) | set(EDGE_TYPES)  # the example uses every kind


def test_steps_carry_model_pain_points_and_opportunities(graph: nx.MultiDiGraph) -> None:
    journeys = [steps(graph, pid.split(":", 1)[1]) for pid, _ in nodes_of(graph, "persona")]
    pains = [p for journey in journeys for s in journey for p in s["pain_points"]]
    ideas = [o for journey in journeys for s in journey for o in s["opportunities"]]
    assert pains and all(isinstance(p, PainPoint) for p in pains)
    assert ideas and all(isinstance(o, Opportunity) for o in ideas)
    for journey in journeys:
        assert [s["step"] for s in journey] == list(range(len(journey)))


def test_the_typed_readers_agree_with_networkx(graph: nx.MultiDiGraph) -> None:
    assert [n for n, _ in gt.node_items(graph)] == list(graph.nodes)
    assert len(list(gt.edge_items(graph))) == graph.number_of_edges()
    touchpoints = [n for n, d in graph.nodes(data=True) if d["kind"] == "touchpoint"]
    assert [n for n, _ in nodes_of(graph, "touchpoint")] == touchpoints
    flows = [(u, v) for u, v, d in graph.edges(data=True) if d["kind"] == "flows"]
    assert [(u, v) for u, v, _ in edges_of(graph, "flows")] == flows


def _rows(heading: str) -> dict[str, str]:
    """A docs table under ``## heading``: the first column's backticked kinds -> the row."""
    section = DOCS.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            for kind in re.findall(r"`([a-z_]+)`", line.split("|")[1]):
                rows[kind] = line
    return rows


def _documented(text: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", text))


def test_docs_name_every_type() -> None:
    for cls in EVERY_TYPE:
        assert f"`{cls.__name__}`" in DOCS, cls.__name__
    for name in ("ItemAttrs", "NodeAttrs", "EdgeAttrs", "node_items", "edge_items"):
        assert f"`{name}" in DOCS, name


@pytest.mark.parametrize(("heading", "types"), [("Nodes", NODE_TYPES), ("Edges", EDGE_TYPES)])
def test_docs_tables_list_every_attribute(heading: str, types: dict[str, type]) -> None:
    rows = _rows(heading)
    assert set(rows) == set(types)
    for kind, cls in types.items():
        assert f"`{cls.__name__}`" in rows[kind], (kind, cls.__name__)
        if cls is gt.StepAttrs:  # the visits rows point at the paragraph below the table
            continue
        assert _keys(cls) - {"kind"} <= _documented(rows[kind]), kind


def test_docs_list_every_step_and_graph_attribute() -> None:
    step = DOCS.split("A `visits` edge (`StepAttrs`)", 1)[1].split("\n\n", 1)[0]
    assert _keys(gt.StepAttrs) - {"kind"} <= _documented(step)
    about = DOCS.split("## Graph attributes\n", 1)[1].split("\n## ", 1)[0]
    assert _keys(gt.GraphAttrs) <= _documented(about)


def test_the_docs_code_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``python`` block of docs/graph.md, in order, in one namespace (as a notebook)."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for block in re.findall(r"```python\n(.*?)```", DOCS, re.S):
        exec(compile(block, "docs/graph.md", "exec"), namespace)
    assert namespace["severe"] and namespace["names"] and namespace["needs"]
