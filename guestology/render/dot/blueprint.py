"""The ``blueprint`` view: one persona's service blueprint, in lanes, with the line of visibility.

Columns are the persona's journey steps, left to right. Lanes, top to bottom: customer
actions (the steps: what the persona does, and how it feels), onstage (the touchpoint the
step visits, when the guest sees it), backstage (a backstage touchpoint the step visits, or
one that directly ``supports`` the step's touchpoint) and support (whatever supports those,
further up the ``supports`` chain). Lines of interaction, visibility (bold) and internal
interaction separate them. Long journeys wrap into bands so the page keeps its proportions.

Positions are computed here and pinned (``layout=neato``, ``pos="x,y!"``): Graphviz only
draws, so the time stays small for any journey.
"""

from __future__ import annotations

import graphviz
import networkx as nx

from guestology.graph import steps
from guestology.render.dot.blueprint_draw import Column, draw_bands
from guestology.render.dot.legend import blueprint_legend


def draw(g: nx.MultiDiGraph, canvas: graphviz.Digraph, personas: list[str]) -> list[str]:
    """Fill ``canvas`` with the blueprint of the one chosen persona."""
    persona = personas[0]
    found = columns(g, persona)
    draw_bands(g, canvas, found)
    canvas.attr("graph", label=blueprint_legend(g, persona))
    if not found:
        return [f"persona `{persona}` has no journey steps: the blueprint is empty"]
    return []


def supporters(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Touchpoint node -> the touchpoint nodes that ``supports`` it, in workspace order."""
    found: dict[str, list[str]] = {}
    for node, data in g.nodes(data=True):
        if data.get("kind") == "touchpoint":
            for target in data.get("supports", []):
                found.setdefault(f"touchpoint:{target}", []).append(node)
    return found


def columns(g: nx.MultiDiGraph, persona: str) -> list[Column]:
    """The blueprint's columns: each step with its touchpoint and supporters, lane by lane."""
    helpers = supporters(g)
    out = []
    for number, step in enumerate(steps(g, persona), start=1):
        column = Column(number, step)
        here = f"touchpoint:{step['touchpoint']}"
        visible = g.nodes[here].get("visibility", "onstage") == "onstage"
        column.cells["onstage" if visible else "backstage"].append(here)
        place_supporters(g, helpers, column, here, visible)
        out.append(column)
    return out


def place_supporters(
    g: nx.MultiDiGraph, helpers: dict, column: Column, start: str, visible: bool
) -> None:
    """Direct backstage supporters of an onstage touchpoint go backstage; the rest support."""
    seen = {start}
    frontier = [(start, 1)]
    while frontier:
        node, depth = frontier.pop(0)
        for helper in helpers.get(node, []):
            if helper in seen:
                continue
            seen.add(helper)
            backstage = g.nodes[helper].get("visibility") == "backstage"
            lane = "backstage" if depth == 1 and visible and backstage else "support"
            column.cells[lane].append(helper)
            frontier.append((helper, depth + 1))
