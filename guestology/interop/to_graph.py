"""The workspace graph (``guestology.graph.build_graph``) for graph tools.

- node-link JSON for D3 and networkx (``nx.node_link_data(..., edges="edges")``, explicit,
  so networkx 3.4's change of the default key cannot change the file);
- GraphML (yEd, Cytoscape, networkx) and GEXF 1.2 (Gephi) with every attribute as a scalar:
  lists and mappings as JSON text, empty values left out; GEXF adds Gephi's ``viz``: a label,
  a colour (touchpoints by their mean emotion, red -2 to green +2) and a position (stages in
  columns, personas and their compass to the left).

The same workspace gives the same bytes: files are named relative to the workspace, and
networkx's GEXF ``lastmodifieddate`` (and its version) are left out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from guestology.model import Node, Workspace, dump

COLOURS = {-2: (215, 48, 39), -1: (252, 141, 89), 0: (190, 190, 190), 1: (145, 207, 96),
           2: (26, 152, 80)}  # fmt: skip
KIND_COLOURS = {"service": (80, 80, 80), "stage": (120, 120, 120), "persona": (69, 117, 180),
                "cast": (116, 173, 209)}  # fmt: skip
ITEM_COLOUR = (171, 171, 171)
COLUMN, ROW = 220.0, 70.0
SCALARS = (str, int, float, bool)


def plain(value: Any) -> Any:
    """Attribute values as JSON data (model objects as their non-default fields)."""
    if isinstance(value, Node):
        return dump(value, exclude_defaults=True, json=True)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def export_graph(ws: Workspace, personas: list[str] | None = None) -> nx.MultiDiGraph:
    """``build_graph`` with JSON-ready attributes and files relative to the workspace."""
    from guestology.graph import build_graph

    graph = build_graph(ws)
    if personas is not None:
        keep = {f"persona:{p}" for p in personas}
        drop = [
            n for n, d in graph.nodes(data=True) if d.get("kind") == "persona" and n not in keep
        ]
        drop += [n for n, d in graph.nodes(data=True) if d.get("persona") not in (None, *personas)]
        graph.remove_nodes_from(drop)
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **_attributes(ws.root, data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **_attributes(ws.root, data))
    return out


def _attributes(root: Path, data: dict[str, Any]) -> dict[str, Any]:
    attrs = {k: plain(v) for k, v in data.items() if v is not None}
    if isinstance(attrs.get("file"), str) and attrs["file"]:
        file = Path(attrs["file"])
        attrs["file"] = (
            file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
        )
    return attrs


def to_node_link(graph: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _scalars(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every attribute a string, number or boolean; lists and mappings as JSON text."""
    flat = nx.MultiDiGraph()

    def flatten(data: dict[str, Any]) -> dict[str, Any]:
        kept = {k: v for k, v in data.items() if v != [] and v != {}}
        return {k: v if isinstance(v, SCALARS) else json.dumps(v, ensure_ascii=False)
                for k, v in kept.items()}  # fmt: skip

    for node, data in graph.nodes(data=True):
        flat.add_node(node, label=_label(node, data), **flatten(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **flatten(data))
    return flat


def _label(node: str, data: dict[str, Any]) -> str:
    return str(data.get("name") or data.get("text") or data.get("id") or node)


def to_graphml(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(_scalars(graph))) + "\n"


def to_gexf(graph: nx.MultiDiGraph) -> str:
    flat = _scalars(graph)
    positions = _layout(graph)
    for node, data in flat.nodes(data=True):
        data["ref"] = data.pop("id", node)  # GEXF would take an `id` attribute as the node id
        r, g, b = _colour(graph, node, data)
        x, y = positions[node]
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                       "position": {"x": x, "y": y, "z": 0.0}, "size": 10.0}  # fmt: skip
    text = "\n".join(nx.generate_gexf(flat, version="1.2draft")) + "\n"
    text = re.sub(r"<creator>[^<]*</creator>", "<creator>guestology</creator>", text)
    return re.sub(r' lastmodifieddate="[^"]*"', "", text)


def _colour(graph: nx.MultiDiGraph, node: str, data: dict[str, Any]) -> tuple[int, int, int]:
    kind = data.get("kind")
    if kind == "touchpoint":
        felt = [
            d["emotion"] for _, _, d in graph.in_edges(node, data=True) if d["kind"] == "visits"
        ]
        return _emotion_colour(sum(felt) / len(felt)) if felt else COLOURS[0]
    if kind == "persona":
        return KIND_COLOURS["cast" if data.get("persona_kind") == "cast" else "persona"]
    return KIND_COLOURS.get(str(kind), ITEM_COLOUR)


def _emotion_colour(mean: float) -> tuple[int, int, int]:
    low = max(-2, min(1, int(mean // 1)))
    t = mean - low
    a, b = COLOURS[low], COLOURS[low + 1]
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))  # fmt: skip


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Stages in columns with their touchpoints below; personas, then compass items, left."""
    at: dict[str, tuple[float, float]] = {}
    column = {d["id"]: d["order"] for _, d in graph.nodes(data=True) if d["kind"] == "stage"}
    filled: dict[str, int] = {}
    counts = {"persona": 0, "item": 0, "service": 0}
    for node, data in graph.nodes(data=True):
        kind = data["kind"]
        if kind == "stage":
            at[node] = (COLUMN * data["order"], 0.0)
        elif kind == "touchpoint":
            filled[data["stage"]] = filled.get(data["stage"], 0) + 1
            at[node] = (COLUMN * column.get(data["stage"], 0), ROW * filled[data["stage"]])
        else:
            group = kind if kind in counts else "item"
            counts[group] += 1
            x = {"service": -COLUMN, "persona": -COLUMN, "item": -2 * COLUMN}[group]
            y = (
                -ROW
                if group == "service"
                else ROW * counts[group] / (1 if group == "persona" else 2)
            )
            at[node] = (x, y)
    return at
