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


def flows(ctx: MapContext) -> dict[tuple[str, str], set[str]]:
    """``(from, to)`` touchpoint ids -> the personas who go from one to the other."""
    found: dict[tuple[str, str], set[str]] = {}
    for pid in ctx.persona_ids:
        path = [s["touchpoint"] for s in ctx.steps[pid]]
        for a, b in zip(path, path[1:], strict=False):
            if a != b:
                found.setdefault((a, b), set()).add(pid)
    return found


def _persona(ctx: MapContext, pid: str, index: dict[str, int]) -> dict[str, Any]:
    persona = ctx.persona(pid)
    path = [index[s["touchpoint"]] for s in ctx.steps[pid]]
    return {"name": persona.name, "path": path}


def served_at(ctx: MapContext) -> dict[str, list[list[Any]]]:
    """Touchpoint id -> the needs and wants it serves, the most shared first, each as a
    compact ``[text, kind, "names, ...", more]`` (one pass over every journey)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for pid in ctx.persona_ids:
        persona = ctx.persona(pid)
        items = {i.id: (k, i) for k, i in persona.compass.items()}
        for step in ctx.steps[pid]:
            served = found.setdefault(step["touchpoint"], {})
            for ref in step["serves"]:
                if ref not in items:
                    continue
                kind, item = items[ref]
                entry = served.setdefault(item.text, {"text": item.text, "kind": kind, "who": []})
                if persona.name not in entry["who"]:
                    entry["who"].append(persona.name)
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
