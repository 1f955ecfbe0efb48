"""The data behind the touchpoint network's script: flows, persona paths, needs served.

Kept compact (the site's index of a 1,000-persona workspace carries it for every persona):
a path is a list of node indexes, a need ``[text, kind, "names", how many more]``.
"""

from __future__ import annotations

from typing import Any

from guestology.render.html.view import MapContext

NEEDS_PER_TOUCHPOINT, NAMES_PER_NEED = 8, 3


def script_data(
    ctx: MapContext, nodes: list[dict[str, Any]], index: dict[str, int], box: tuple[int, int]
) -> dict[str, Any]:
    """The JSON for the page's script: every node with what it serves, every persona's path."""
    served = served_at(ctx)
    return {
        "nodes": [_node_data(n, served.get(n["id"], [])) for n in nodes],
        "personas": [_persona(ctx, pid, index) for pid in ctx.persona_ids],
        "box": list(box),
    }


def _persona(ctx: MapContext, pid: str, index: dict[str, int]) -> dict[str, Any]:
    path = [index[step.touchpoint] for step in ctx.journey(pid)]
    return {"name": ctx.persona(pid).name, "path": path}


def served_at(ctx: MapContext) -> dict[str, list[list[Any]]]:
    """Touchpoint id -> the needs and wants its steps serve (the report's ``direct``
    touchpoints of each need), the most shared first, each as a compact
    ``[text, kind, "names, ...", more]``."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for cover in ctx.report.needs.personas:
        name = ctx.persona(cover.persona).name
        for item in cover.items:
            for tid in item.direct:
                served = found.setdefault(tid, {})
                entry = served.setdefault(item.text, {"text": item.text, "kind": item.kind})
                who = entry.setdefault("who", [])
                if name not in who:
                    who.append(name)
    out = {}
    for tid, served in found.items():
        needs = sorted(served.values(), key=lambda e: (-len(e["who"]), e["text"]))
        out[tid] = [
            [e["text"], e["kind"], ", ".join(e["who"][:NAMES_PER_NEED]),
             max(0, len(e["who"]) - NAMES_PER_NEED)]
            for e in needs
        ]  # fmt: skip
    return out


def _node_data(node: dict[str, Any], served: list[list[Any]]) -> dict[str, Any]:
    keep = {k: node[k] for k in ("id", "name", "stage", "channel", "vis", "mot", "owner")}
    keep.update(visitors=node["visitors"], x=node["x"], y=node["y"], col=node["col"])
    keep.update(
        needs=served[:NEEDS_PER_TOUCHPOINT], more=max(0, len(served) - NEEDS_PER_TOUCHPOINT)
    )
    return keep
