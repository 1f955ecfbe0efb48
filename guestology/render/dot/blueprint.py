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

from guestology.analysis.report import Report
from guestology.analysis.scope import Scope
from guestology.model import Workspace
from guestology.render.dot.blueprint_draw import Column, draw_bands
from guestology.render.dot.legend import blueprint_legend


def draw(ws: Workspace, report: Report, canvas: graphviz.Digraph) -> list[str]:
    """Fill ``canvas`` with the blueprint of the report's one persona."""
    persona = report.personas[0]
    found = columns(ws, report.scope, persona)
    draw_bands(ws, canvas, found)
    canvas.attr("graph", label=blueprint_legend(ws, persona))
    if not found:
        return [f"persona `{persona}` has no journey steps: the blueprint is empty"]
    return []


def columns(ws: Workspace, scope: Scope, persona: str) -> list[Column]:
    """The blueprint's columns: each step with its touchpoint and supporters, lane by lane."""
    out = []
    for number, step in enumerate(ws.personas[persona].journey, start=1):
        column = Column(number, step)
        here = step.touchpoint
        visible = ws.touchpoints[here].visibility == "onstage"
        column.cells["onstage" if visible else "backstage"].append(here)
        place_supporters(ws, scope, column, here, visible)
        out.append(column)
    return out


def place_supporters(
    ws: Workspace, scope: Scope, column: Column, start: str, visible: bool
) -> None:
    """Direct backstage supporters of an onstage touchpoint go backstage; the rest support."""
    seen = {start}
    frontier = [(start, 1)]
    while frontier:
        node, depth = frontier.pop(0)
        for helper in scope.supporters(node):
            if helper in seen:
                continue
            seen.add(helper)
            backstage = ws.touchpoints[helper].visibility == "backstage"
            lane = "backstage" if depth == 1 and visible and backstage else "support"
            column.cells[lane].append(helper)
            frontier.append((helper, depth + 1))
