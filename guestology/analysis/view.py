"""``View``: the graph indexed once for the analyses (one pass over nodes, one over edges).

Every analysis reads a ``View`` rather than scanning the graph again, which keeps the whole
report near-linear in personas and steps. A persona filter keeps only those personas'
journeys; the touchpoints in scope are then the ones they visit plus every touchpoint that
supports one of those (backstage chains), so matrices describe the part of the service
those personas meet.

The attributes come back typed (``guestology.graph_types``): ``StepAttrs`` for a journey
step, ``TouchpointAttrs``, ``PersonaAttrs``, ``ItemAttrs`` for a compass item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

from guestology.graph_types import (
    ItemAttrs,
    PersonaAttrs,
    ServiceAttrs,
    StageAttrs,
    StepAttrs,
    TouchpointAttrs,
    edge_items,
    node_items,
)
from guestology.model import Opportunity, PainPoint
from guestology.problems import GuestologyError, did_you_mean


@dataclass
class View:
    """Read-only indexes over a guestology graph (see ``guestology.graph``)."""

    graph: nx.MultiDiGraph
    personas: dict[str, PersonaAttrs] = field(default_factory=dict)
    touchpoints: dict[str, TouchpointAttrs] = field(default_factory=dict)  # in scope
    all_touchpoints: dict[str, TouchpointAttrs] = field(default_factory=dict)  # in scope or not
    steps: dict[str, list[StepAttrs]] = field(default_factory=dict)  # persona -> journey
    future: dict[str, list[StepAttrs]] = field(default_factory=dict)  # persona -> future steps
    visits: dict[str, list[StepAttrs]] = field(default_factory=dict)  # touchpoint -> steps
    items: dict[str, dict[str, ItemAttrs]] = field(default_factory=dict)  # persona -> id -> item
    refines: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    supported_by: dict[str, list[str]] = field(default_factory=dict)
    service: ServiceAttrs | None = None
    stages: list[str] = field(default_factory=list)
    stage_attrs: dict[str, StageAttrs] = field(default_factory=dict)
    stage_names: dict[str, str] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    keys_declared: bool = False  # the service file lists its keys (not the defaults)
    channels: list[str] = field(default_factory=list)
    filtered: bool = False
    cast: frozenset[str] = frozenset()
    _visitors: dict[str, list[str]] = field(default_factory=dict)

    def persona_name(self, persona: str) -> str:
        attrs = self.personas.get(persona)
        return (attrs["name"] if attrs else "") or persona

    def tp_name(self, touchpoint: str) -> str:
        """A touchpoint's name (in scope or not: a cast's work reaches out of scope)."""
        attrs = self.all_touchpoints.get(touchpoint)
        return (attrs["name"] if attrs else "") or touchpoint

    def visitors(self, touchpoint: str) -> list[str]:
        """The personas whose journeys visit a touchpoint, each once, in first-visit order."""
        return self._visitors.get(touchpoint, [])

    def is_cast(self, persona: str) -> bool:
        return persona in self.cast


def make_view(graph: nx.MultiDiGraph, personas: Sequence[str] | None = None) -> View:
    """Index ``graph``; ``personas`` (ids) limits the journeys analysed. Unknown ids raise."""
    every = {d["id"]: d for _, d in node_items(graph) if d["kind"] == "persona"}
    chosen = list(dict.fromkeys(personas)) if personas else list(every)
    for pid in chosen:
        if pid not in every:
            raise GuestologyError(f"unknown persona `{pid}`{did_you_mean(pid, every)}")
    view = View(graph=graph, filtered=bool(personas))
    view.personas = {pid: every[pid] for pid in chosen}
    view.cast = frozenset(p for p, d in view.personas.items() if d["persona_kind"] == "cast")
    view.stages = list(graph.graph.get("stages", []))
    view.keys = list(graph.graph.get("keys", []))
    view.keys_declared = bool(graph.graph.get("keys_declared", False))
    view.channels = list(graph.graph.get("channels", []))
    item_nodes: dict[str, ItemAttrs] = {}
    for node, data in node_items(graph):
        if data["kind"] == "touchpoint":
            view.all_touchpoints[data["id"]] = data
        elif data["kind"] == "stage":
            view.stage_attrs[data["id"]] = data
            view.stage_names[data["id"]] = data["name"] or data["id"]
        elif data["kind"] == "service":
            view.service = data
        elif data["kind"] != "persona" and data["persona"] in view.personas:
            view.items.setdefault(data["persona"], {})[data["id"]] = data
            item_nodes[node] = data
    _index_steps(view)
    _index_links(view, item_nodes)
    view.touchpoints = _in_scope(view)
    return view


def _index_steps(view: View) -> None:
    """Journeys (``visits`` edges, in order), visits per touchpoint, visitors per touchpoint."""
    visits: dict[str, list[StepAttrs]] = defaultdict(list)
    for pid in view.personas:
        out = [d for _, _, d in edge_items(view.graph, f"persona:{pid}")]
        found = [d for d in out if d["kind"] == "visits"]
        view.steps[pid] = sorted(found, key=lambda d: d["step"])
        planned = [d for d in out if d["kind"] == "plans"]
        if planned:
            view.future[pid] = sorted(planned, key=lambda d: d["step"])
        for step in view.steps[pid]:
            visits[step["touchpoint"]].append(step)
    view.visits = dict(visits)
    view._visitors = {
        tp: list(dict.fromkeys(v["persona"] for v in vs)) for tp, vs in visits.items()
    }


def _index_links(view: View, item_nodes: dict[str, ItemAttrs]) -> None:
    """``supports`` (from the touchpoints' attribute) and ``refines`` (want -> need edges)."""
    supported_by: dict[str, list[str]] = defaultdict(list)
    for tp, attrs in view.all_touchpoints.items():
        for target in attrs["supports"]:
            supported_by[target].append(tp)
    view.supported_by = dict(supported_by)
    for node, want in item_nodes.items():
        if want["kind"] != "want":
            continue
        for _, need, data in edge_items(view.graph, node):
            if data["kind"] == "refines":
                needs = view.refines.setdefault(want["persona"], {}).setdefault(want["id"], [])
                needs.append(item_nodes[need]["id"])


def _in_scope(view: View) -> dict[str, TouchpointAttrs]:
    if not view.filtered:
        return view.all_touchpoints
    keep, todo = set(), list(view.visits)
    while todo:
        tp = todo.pop()
        if tp not in keep:
            keep.add(tp)
            todo.extend(view.supported_by.get(tp, ()))
    return {tp: data for tp, data in view.all_touchpoints.items() if tp in keep}


def where_of(node: PainPoint | Opportunity | None, step: StepAttrs) -> tuple[str, int, int]:
    """``(file, line, col)`` of a pain point or opportunity, else of its ``step``."""
    if node is not None:
        path, (line, col) = node.where()
        if path:
            return path, line, col
    return step.get("file", ""), step.get("line", 0), step.get("col", 0)
