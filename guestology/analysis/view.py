"""``View``: the graph indexed once for the analyses (one pass over nodes, one over edges).

Every analysis reads a ``View`` rather than scanning the graph again, which keeps the whole
report near-linear in personas and steps. A persona filter keeps only those personas'
journeys; the touchpoints in scope are then the ones they visit plus every touchpoint that
supports one of those (backstage chains), so matrices describe the part of the service
those personas meet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from guestology.problems import GuestologyError, did_you_mean

Attrs = dict[str, Any]


@dataclass
class View:
    """Read-only indexes over a guestology graph (see ``guestology.graph``)."""

    graph: nx.MultiDiGraph
    personas: dict[str, Attrs] = field(default_factory=dict)
    touchpoints: dict[str, Attrs] = field(default_factory=dict)
    steps: dict[str, list[Attrs]] = field(default_factory=dict)
    visits: dict[str, list[Attrs]] = field(default_factory=dict)
    items: dict[str, dict[str, Attrs]] = field(default_factory=dict)
    refines: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    supported_by: dict[str, list[str]] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    stage_names: dict[str, str] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    filtered: bool = False
    cast: frozenset[str] = frozenset()
    _visitors: dict[str, list[str]] = field(default_factory=dict)

    def persona_name(self, persona: str) -> str:
        return str(self.personas.get(persona, {}).get("name") or persona)

    def tp_name(self, touchpoint: str) -> str:
        """A touchpoint's name (in scope or not: a cast's work reaches out of scope)."""
        node = self.graph.nodes.get(f"touchpoint:{touchpoint}") or {}
        return str(node.get("name") or touchpoint)

    def visitors(self, touchpoint: str) -> list[str]:
        """The personas whose journeys visit a touchpoint, each once, in first-visit order."""
        return self._visitors.get(touchpoint, [])

    def is_cast(self, persona: str) -> bool:
        return persona in self.cast


def make_view(graph: nx.MultiDiGraph, personas: Sequence[str] | None = None) -> View:
    """Index ``graph``; ``personas`` (ids) limits the journeys analysed. Unknown ids raise."""
    every = {d["id"]: d for _, d in graph.nodes(data=True) if d.get("kind") == "persona"}
    chosen = list(dict.fromkeys(personas)) if personas else list(every)
    for pid in chosen:
        if pid not in every:
            raise GuestologyError(f"unknown persona `{pid}`{did_you_mean(pid, every)}")
    view = View(graph=graph, filtered=bool(personas))
    view.personas = {pid: every[pid] for pid in chosen}
    view.cast = frozenset(p for p, d in view.personas.items() if d.get("persona_kind") == "cast")
    view.stages = list(graph.graph.get("stages", []))
    view.keys = list(graph.graph.get("keys", []))
    view.channels = list(graph.graph.get("channels", []))
    all_tps: dict[str, Attrs] = {}
    wants = []
    for node, data in graph.nodes(data=True):
        kind = data.get("kind")
        if kind == "touchpoint":
            all_tps[data["id"]] = data
        elif kind == "stage":
            view.stage_names[data["id"]] = data.get("name") or data["id"]
        elif kind in ("need", "want", "stereotype", "emotion") and data["persona"] in view.personas:
            view.items.setdefault(data["persona"], {})[data["id"]] = data
            if kind == "want":
                wants.append(node)
    _index_steps(view)
    _index_links(view, all_tps, wants)
    view.touchpoints = _in_scope(view, all_tps)
    return view


def _index_steps(view: View) -> None:
    """Journeys (``visits`` edges, in order), visits per touchpoint, visitors per touchpoint."""
    visits: dict[str, list[Attrs]] = defaultdict(list)
    for pid in view.personas:
        out = view.graph.out_edges(f"persona:{pid}", data=True)
        found = [d for _, _, d in out if d.get("kind") == "visits"]
        view.steps[pid] = sorted(found, key=lambda d: d["step"])
        for step in view.steps[pid]:
            visits[step["touchpoint"]].append(step)
    view.visits = dict(visits)
    view._visitors = {
        tp: list(dict.fromkeys(v["persona"] for v in vs)) for tp, vs in visits.items()
    }


def _index_links(view: View, all_tps: dict[str, Attrs], wants: list[str]) -> None:
    """``supports`` (from the touchpoints' attribute) and ``refines`` (want -> need edges)."""
    supported_by: dict[str, list[str]] = defaultdict(list)
    for tp, data in all_tps.items():
        for target in data.get("supports") or ():
            supported_by[target].append(tp)
    view.supported_by = dict(supported_by)
    for node in wants:
        want = view.graph.nodes[node]
        for _, need, data in view.graph.out_edges(node, data=True):
            if data.get("kind") == "refines":
                needs = view.refines.setdefault(want["persona"], {}).setdefault(want["id"], [])
                needs.append(view.graph.nodes[need]["id"])


def _in_scope(view: View, all_tps: dict[str, Attrs]) -> dict[str, Attrs]:
    if not view.filtered:
        return all_tps
    keep, todo = set(), list(view.visits)
    while todo:
        tp = todo.pop()
        if tp not in keep:
            keep.add(tp)
            todo.extend(view.supported_by.get(tp, ()))
    return {tp: data for tp, data in all_tps.items() if tp in keep}


def field_of(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a pain point or opportunity, whether a model object or a plain mapping."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def where_of(obj: Any, fallback: Attrs) -> tuple[str, int, int]:
    """``(file, line, col)`` of a pain point or opportunity, else of ``fallback`` (its step)."""
    where = getattr(obj, "where", None)
    if callable(where):
        path, (line, col) = where()
        if path:
            return path, line, col
    return fallback.get("file", ""), fallback.get("line", 0), fallback.get("col", 0)
