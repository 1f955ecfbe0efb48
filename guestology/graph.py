"""``build_graph(workspace)``: the workspace as a networkx ``MultiDiGraph``.

Node ids are stable and namespaced (``service``, ``stage:<id>``, ``touchpoint:<id>``,
``persona:<id>``, ``need:<persona>/<id>``, ``want:``, ``stereotype:``, ``emotion:``); every
node and every edge has a ``kind``, which is also the edge's multigraph key (with the persona
and step index where a journey makes several):

- persona -> compass item ``has``; want -> need ``refines``; touchpoint -> stage ``in``;
- touchpoint -> need/want ``serves``, -> emotion ``evokes``, -> stereotype ``counters`` or
  ``reinforces``; touchpoint -> touchpoint ``flows`` (the next step) and ``supports``;
- persona -> touchpoint ``visits``: one per journey step, carrying every step-level fact, so
  every analysis can work from the graph alone (``steps(graph, persona)`` returns them in
  order); ``plans``: one per step of the persona's designed ``future:`` journey.

``docs/graph.md`` is the contract (every attribute of every kind); the attributes are typed in
``guestology.graph_types`` (``StepAttrs`` for ``visits`` and ``plans``, ``TouchpointAttrs``,
...), and this module builds them through those types.
"""

from __future__ import annotations

from typing import Literal

import networkx as nx

from guestology import graph_types as gt
from guestology.model import (
    Emotion,
    Item,
    Need,
    Node,
    Persona,
    Step,
    Stereotype,
    Touchpoint,
    Want,
    Workspace,
    cited,
)

STEP_REFS: tuple[gt.RefKind, ...] = ("serves", "evokes", "counters", "reinforces")
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


def _where(node: Node, key: str | None = None) -> gt.Located:
    path, (line, col) = node.where(key)
    return gt.Located(file=path, line=line, col=col)


def build_graph(ws: Workspace) -> nx.MultiDiGraph:
    """The graph of a validated workspace (pure: the workspace is not changed)."""
    service, stages = ws.service, [s.id for s in ws.stages]
    about = gt.GraphAttrs(
        service=service.service,
        stages=stages,
        channels=list(service.channels),
        keys=list(service.keys),
        keys_declared=service.keys_declared,
        sources={
            s.id: gt.SourceAttrs(kind=s.kind, n=s.n, date=s.date, note=s.note)
            for s in service.sources
        },
    )
    g = nx.MultiDiGraph(**about)
    g.add_node(
        "service", **gt.ServiceAttrs(kind="service", name=service.service, **_where(service))
    )
    for order, stage in enumerate(ws.stages):
        attrs = gt.StageAttrs(
            kind="stage", id=stage.id, name=stage.name, order=order, **_where(stage)
        )
        g.add_node(f"stage:{stage.id}", **attrs)
    for tp in ws.touchpoints.values():
        _add_touchpoint(g, tp)
    for tp in ws.touchpoints.values():
        for target in tp.supports:
            g.add_edge(
                tp_node(tp.id), tp_node(target), key="supports", **gt.LinkAttrs(kind="supports")
            )
    for persona in ws.personas.values():
        _add_persona(g, persona)
    return g


def _add_touchpoint(g: nx.MultiDiGraph, tp: Touchpoint) -> None:
    attrs = gt.TouchpointAttrs(
        kind="touchpoint",
        id=tp.id,
        name=tp.name,
        stage=tp.stage,
        channel=tp.channel,
        visibility=tp.visibility,
        system=tp.system,
        keys=list(tp.keys),
        owner=tp.owner,
        moment_of_truth=tp.moment_of_truth,
        supports=list(tp.supports),
        status=tp.status,
        **_where(tp),
    )
    g.add_node(tp_node(tp.id), **attrs)
    g.add_edge(tp_node(tp.id), f"stage:{tp.stage}", key="in", **gt.LinkAttrs(kind="in"))


def _add_persona(g: nx.MultiDiGraph, persona: Persona) -> None:
    pid, loyalty = persona.id, persona.loyalty
    at = loyalty.where()[1] if loyalty else (None, None)  # where `loyalty:` is written
    attrs = gt.PersonaAttrs(
        kind="persona",
        id=pid,
        name=persona.name,
        persona_kind=persona.kind,
        summary=persona.summary,
        quote=persona.quote,
        demographics=dict(persona.demographics),
        attention=list(persona.attention),
        evidence=cited(persona.evidence),
        returns=loyalty.returns if loyalty else None,
        recommend=loyalty.recommend if loyalty else None,
        loyalty_line=at[0],
        loyalty_col=at[1],
        **_where(persona),
    )
    g.add_node(persona_node(pid), **attrs)
    kinds = {}
    for kind, item in persona.compass.items():
        kinds[item.id] = kind
        node = item_node(kind, pid, item.id)
        g.add_node(node, **_item_attrs(pid, item))
        g.add_edge(persona_node(pid), node, key="has", **gt.LinkAttrs(kind="has"))
    for want in persona.compass.wants:
        for need in want.for_:
            source, target = item_node("want", pid, want.id), item_node("need", pid, need)
            g.add_edge(source, target, key="refines", **gt.LinkAttrs(kind="refines"))
    for index, step in enumerate(persona.journey):
        _add_step(g, persona, index, step, kinds)
    for index, step in enumerate(persona.future):
        plan = _step_attrs(pid, index, step, "plans")
        g.add_edge(persona_node(pid), tp_node(step.touchpoint), key=f"plans:{index}", **plan)


def _item_attrs(pid: str, item: Item) -> gt.ItemAttrs:
    where, text, evidence = _where(item), item.text, cited(item.evidence)
    if isinstance(item, Need):
        return gt.NeedAttrs(
            kind="need",
            id=item.id,
            persona=pid,
            text=text,
            priority=item.priority,
            evidence=evidence,
            **where,
        )
    if isinstance(item, Want):
        want: gt.WantAttrs = {
            "kind": "want",
            "id": item.id,
            "persona": pid,
            "text": text,
            "priority": item.priority,
            "for": list(item.for_),
            "evidence": evidence,
            **where,
        }
        return want
    if isinstance(item, Stereotype):
        return gt.StereotypeAttrs(
            kind="stereotype",
            id=item.id,
            persona=pid,
            text=text,
            valence=item.valence,
            evidence=evidence,
            **where,
        )
    if isinstance(item, Emotion):
        return gt.EmotionAttrs(
            kind="emotion",
            id=item.id,
            persona=pid,
            text=text,
            valence=item.valence,
            evidence=evidence,
            **where,
        )
    raise TypeError(f"not a compass item: {item!r}")


def _add_step(
    g: nx.MultiDiGraph, persona: Persona, index: int, step: Step, kinds: dict[str, str]
) -> None:
    pid, here = persona.id, tp_node(step.touchpoint)
    attrs = _step_attrs(pid, index, step, "visits")
    g.add_edge(persona_node(pid), here, key=f"visits:{index}", **attrs)
    for field in STEP_REFS:
        for ref in getattr(step, field):
            kind = REF_KINDS[field] or kinds.get(ref, "need")
            ref_attrs = gt.RefAttrs(kind=field, persona=pid, step=index)
            g.add_edge(here, item_node(kind, pid, ref), key=f"{field}:{pid}:{index}", **ref_attrs)
    if index + 1 < len(persona.journey):
        after = persona.journey[index + 1]
        flow = gt.FlowAttrs(
            kind="flows",
            persona=pid,
            step=index,
            emotion_before=step.emotion,
            emotion_after=after.emotion,
        )
        g.add_edge(here, tp_node(after.touchpoint), key=f"flows:{pid}:{index}", **flow)


def _step_attrs(pid: str, index: int, step: Step, kind: Literal["visits", "plans"]) -> gt.StepAttrs:
    expected = step.expectation
    # The lists are shared with the model, not copied: the graph of a large workspace stays small.
    return gt.StepAttrs(
        kind=kind,
        persona=pid,
        step=index,
        touchpoint=step.touchpoint,
        adequate=expected.adequate if expected else None,
        desired=expected.desired if expected else None,
        pain_points=step.pain_points,
        opportunities=step.opportunities,
        emotion=step.emotion,
        delivery=step.delivery,
        doing=step.doing,
        thinking=step.thinking,
        wow=step.wow,
        serves=step.serves,
        evokes=step.evokes,
        counters=step.counters,
        reinforces=step.reinforces,
        recovers=step.recovers,
        evidence=cited(step.evidence),
        **_where(step),
    )


def nodes_of(g: nx.MultiDiGraph, kind: str) -> list[tuple[str, gt.NodeAttrs]]:
    """``(node id, attributes)`` of every node of one kind, in insertion order."""
    return [(n, d) for n, d in gt.node_items(g) if d["kind"] == kind]


def steps(g: nx.MultiDiGraph, persona_id: str) -> list[gt.StepAttrs]:
    """A persona's journey steps (the ``visits`` edges' attributes), in journey order."""
    found = [d for _, _, d in gt.edge_items(g, persona_node(persona_id)) if d["kind"] == "visits"]
    return sorted(found, key=lambda d: d["step"])


def edges_of(g: nx.MultiDiGraph, kind: str) -> list[tuple[str, str, gt.EdgeAttrs]]:
    """``(source, target, attributes)`` of every edge of one kind, in insertion order."""
    return [(u, v, d) for u, v, d in gt.edge_items(g) if d["kind"] == kind]
