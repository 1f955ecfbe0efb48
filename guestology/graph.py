"""``build_graph(workspace)``: the workspace as a networkx ``MultiDiGraph``.

Node ids are stable and namespaced; every node has a ``kind`` attribute:

=============  ===================================  =========================================
kind           id                                   attributes
=============  ===================================  =========================================
service        ``service``                          name, file, line, col (``file`` is "" when
                                                    the workspace has no service file)
stage          ``stage:<id>``                       id, name, order (0-based), file, line, col
touchpoint     ``touchpoint:<id>``                  id, name, stage, channel, visibility,
                                                    system, keys, owner, moment_of_truth,
                                                    supports, file, line, col
persona        ``persona:<id>``                     id, name, persona_kind (guest | cast),
                                                    summary, quote, demographics, attention,
                                                    file, line, col
need, want,    ``need:<persona>/<id>`` (etc.)       id, persona, text, priority (need, want),
stereotype,                                         for (want), valence (stereotype,
emotion                                             emotion), file, line, col
=============  ===================================  =========================================

Edges carry ``kind`` too, which is also their multigraph key (with the persona and step index
where a persona's journey makes several):

- persona -> compass item: ``has``;  want -> need: ``refines``;  touchpoint -> stage: ``in``;
- touchpoint -> need/want ``serves``, -> emotion ``evokes``, -> stereotype ``counters`` or
  ``reinforces`` (attributes: persona, step);
- touchpoint -> touchpoint ``flows``: the next step of a persona's journey (persona, step of
  the source, emotion_before, emotion_after);  touchpoint -> touchpoint ``supports``;
- persona -> touchpoint ``visits``: one per journey step, with every step-level fact
  (step, emotion, adequate, desired, delivery, doing, thinking, pain_points, opportunities,
  wow, serves, evokes, counters, reinforces, file, line, col), so every analysis can work from
  the graph alone. ``steps(graph, persona)`` returns them in journey order.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from guestology.model import Node, Persona, Step, Touchpoint, Workspace

STEP_REFS = ("serves", "evokes", "counters", "reinforces")
STEP_FACTS = ("emotion", "delivery", "doing", "thinking", "wow", *STEP_REFS)
REF_KINDS = {
    "serves": None,
    "evokes": "emotion",
    "counters": "stereotype",
    "reinforces": "stereotype",
}


def tp_node(touchpoint_id: str) -> str:
    return f"touchpoint:{touchpoint_id}"


def persona_node(persona_id: str) -> str:
    return f"persona:{persona_id}"


def item_node(kind: str, persona_id: str, item_id: str) -> str:
    return f"{kind}:{persona_id}/{item_id}"


def _where(node: Node, key: str | None = None) -> dict[str, Any]:
    path, (line, col) = node.where(key)
    return {"file": path, "line": line, "col": col}


def build_graph(ws: Workspace) -> nx.MultiDiGraph:
    """The graph of a validated workspace (pure: the workspace is not changed)."""
    g = nx.MultiDiGraph(service=ws.service.service, stages=[s.id for s in ws.stages])
    g.graph.update(channels=list(ws.service.channels), keys=list(ws.service.keys))
    g.add_node("service", kind="service", name=ws.service.service, **_where(ws.service))
    for order, stage in enumerate(ws.stages):
        node, where = f"stage:{stage.id}", _where(stage)
        g.add_node(node, kind="stage", id=stage.id, name=stage.name, order=order, **where)
    for tp in ws.touchpoints.values():
        _add_touchpoint(g, tp)
    for tp in ws.touchpoints.values():
        for target in tp.supports:
            g.add_edge(tp_node(tp.id), tp_node(target), key="supports", kind="supports")
    for persona in ws.personas.values():
        _add_persona(g, persona)
    return g


def _add_touchpoint(g: nx.MultiDiGraph, tp: Touchpoint) -> None:
    fields = tp.model_dump(exclude={"id"})
    g.add_node(tp_node(tp.id), kind="touchpoint", id=tp.id, **fields, **_where(tp))
    g.add_edge(tp_node(tp.id), f"stage:{tp.stage}", key="in", kind="in")


def _add_persona(g: nx.MultiDiGraph, persona: Persona) -> None:
    pid = persona.id
    g.add_node(
        persona_node(pid),
        kind="persona",
        id=pid,
        name=persona.name,
        persona_kind=persona.kind,
        summary=persona.summary,
        quote=persona.quote,
        demographics=dict(persona.demographics),
        attention=list(persona.attention),
        **_where(persona),
    )
    kinds = {}
    for kind, item in persona.compass.items():
        kinds[item.id] = kind
        attrs = item.model_dump(by_alias=True, exclude={"id"})
        node = item_node(kind, pid, item.id)
        g.add_node(node, kind=kind, id=item.id, persona=pid, **attrs, **_where(item))
        g.add_edge(persona_node(pid), node, key="has", kind="has")
    for want in persona.compass.wants:
        for need in want.for_:
            source, target = item_node("want", pid, want.id), item_node("need", pid, need)
            g.add_edge(source, target, key="refines", kind="refines")
    for index, step in enumerate(persona.journey):
        _add_step(g, persona, index, step, kinds)


def _add_step(g: nx.MultiDiGraph, persona: Persona, index: int, step: Step, kinds: dict) -> None:
    pid, here = persona.id, tp_node(step.touchpoint)
    # Shared with the model, not copied: the graph of a large workspace stays small.
    facts = {name: getattr(step, name) for name in STEP_FACTS}
    expected = step.expectation
    g.add_edge(
        persona_node(pid),
        here,
        key=f"visits:{index}",
        kind="visits",
        persona=pid,
        step=index,
        touchpoint=step.touchpoint,
        adequate=expected.adequate if expected else None,
        desired=expected.desired if expected else None,
        pain_points=step.pain_points,
        opportunities=step.opportunities,
        **facts,
        **_where(step),
    )
    for field in STEP_REFS:
        for ref in getattr(step, field):
            kind = REF_KINDS[field] or kinds.get(ref, "need")
            key = f"{field}:{pid}:{index}"
            g.add_edge(
                here, item_node(kind, pid, ref), key=key, kind=field, persona=pid, step=index
            )
    if index + 1 < len(persona.journey):
        after = persona.journey[index + 1]
        g.add_edge(
            here,
            tp_node(after.touchpoint),
            key=f"flows:{pid}:{index}",
            kind="flows",
            persona=pid,
            step=index,
            emotion_before=step.emotion,
            emotion_after=after.emotion,
        )


def nodes_of(g: nx.MultiDiGraph, kind: str) -> list[tuple[str, dict[str, Any]]]:
    """``(node id, attributes)`` of every node of one kind, in insertion order."""
    return [(n, d) for n, d in g.nodes(data=True) if d.get("kind") == kind]


def steps(g: nx.MultiDiGraph, persona_id: str) -> list[dict[str, Any]]:
    """A persona's journey steps (the ``visits`` edges' attributes), in journey order."""
    found = [d for _, _, d in g.out_edges(persona_node(persona_id), data=True)]
    return sorted((d for d in found if d["kind"] == "visits"), key=lambda d: d["step"])


def edges_of(g: nx.MultiDiGraph, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(u, v, d) for u, v, d in g.edges(data=True) if d.get("kind") == kind]
