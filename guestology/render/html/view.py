"""View data for the map's overview: the service, its personas and the headline figures.

``build_context`` gathers, once, what every view needs (the chosen personas in display
order, their journey steps from the graph, stage names); the ``*_view`` functions turn it into
plain data for the templates, which only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

import networkx as nx

from guestology.graph import steps as graph_steps
from guestology.graph import tp_node
from guestology.model import Persona, Workspace
from guestology.render.html.curve import tone
from guestology.render.html.svg import signed

CARDS_UP_TO = 24  # more personas than this: a compact table instead of cards


@dataclass
class MapContext:
    """Everything the views share, computed once per map."""

    ws: Workspace
    graph: nx.MultiDiGraph
    persona_ids: list[str]
    steps: dict[str, list[dict[str, Any]]]
    site: bool = False
    stage_names: dict[str, str] = field(default_factory=dict)
    supported_by: dict[str, list[str]] = field(default_factory=dict)

    def persona(self, pid: str) -> Persona:
        return self.ws.personas[pid]

    def touchpoint(self, tid: str) -> dict[str, Any]:
        return dict(self.graph.nodes[tp_node(tid)])

    def href(self, pid: str, view: str = "journey") -> str:
        """Where a persona's journey (or compass) is: an anchor, or its page in a site."""
        return f"personas/{pid}.html#{view}-{pid}" if self.site else f"#{view}-{pid}"


def build_context(
    ws: Workspace, graph: nx.MultiDiGraph, personas: list[str], site: bool = False
) -> MapContext:
    """The shared context; ``personas`` limits the map to those ids (empty: everyone)."""
    chosen = [p for p in ws.personas if not personas or p in personas]
    chosen.sort(key=lambda p: ws.personas[p].kind != "guest")  # guests first, then cast
    found = {pid: graph_steps(graph, pid) for pid in chosen}
    names = {stage.id: stage.name for stage in ws.stages}
    supported_by: dict[str, list[str]] = {}
    for tp in ws.touchpoints.values():
        for target in tp.supports:
            supported_by.setdefault(target, []).append(tp.id)
    return MapContext(ws, graph, chosen, found, site, names, supported_by)


def persona_card(ctx: MapContext, pid: str) -> dict[str, Any]:
    persona = ctx.persona(pid)
    emotions = [s["emotion"] for s in ctx.steps[pid]]
    mean = fmean(emotions) if emotions else 0.0
    demographics = " \u00b7 ".join(f"{k}: {v}" for k, v in persona.demographics.items())
    return {
        "id": pid,
        "name": persona.name,
        "kind": persona.kind,
        "kind_label": "Cast (internal customer)" if persona.kind == "cast" else "Guest",
        "summary": persona.summary or "",
        "quote": persona.quote or "",
        "attention": list(persona.attention),
        "demographics": demographics,
        "steps": len(emotions),
        "mean": signed(mean, 1),
        "tone": tone(round(mean, 1)),
        "href": ctx.href(pid),
        "compass_href": ctx.href(pid, "compass"),
    }


def overview_view(
    ctx: MapContext, figures: list[dict[str, str]], findings: list[dict[str, Any]]
) -> dict[str, Any]:
    cards = [persona_card(ctx, pid) for pid in ctx.persona_ids]
    return {
        "service": ctx.ws.service.service,
        "stages": [stage.name for stage in ctx.ws.stages],
        "guests": [c for c in cards if c["kind"] == "guest"],
        "cast": [c for c in cards if c["kind"] == "cast"],
        "layout": "cards" if len(cards) <= CARDS_UP_TO else "table",
        "figures": figures,
        "findings": findings,
    }
