"""The graph's contract as types: the attributes of every node and edge kind (``docs/graph.md``).

``build_graph`` makes every attribute mapping through these ``TypedDict``s, so mypy checks
what goes into the graph; networkx itself is untyped, so a reader gets them back with
``node_items``/``edge_items`` (the one place the graph's ``Any`` becomes typed) or through
``guestology.analysis.view.View``. At run time they are plain dicts.

Every node read from a file has ``file``, ``line`` and ``col`` (``Located``). Edge kinds that
differ only in their ``kind`` share one type: ``LinkAttrs`` (has, refines, in, supports) and
``RefAttrs`` (serves, evokes, counters, reinforces).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal, TypedDict, cast

import networkx as nx

from guestology.model import Opportunity, PainPoint

Grade = Literal["low", "medium", "high"]
Valence = Literal["positive", "negative"]


class SourceAttrs(TypedDict):
    """A research source of the service file (``sources:``), by id in ``GraphAttrs``."""

    kind: Literal["interview", "survey", "observation", "analytics", "review", "assumption"]
    n: int | None
    date: str | None
    note: str | None


class GraphAttrs(TypedDict):
    """``g.graph``: the service's name, stage ids in order, channels and keys (and whether
    the service file declares its keys, or they are the defaults)."""

    service: str
    stages: list[str]
    channels: list[str]
    keys: list[str]
    keys_declared: bool
    sources: dict[str, SourceAttrs]  # research source id -> its kind, n, date and note


class Located(TypedDict):
    """Where a node or step was read: ``file`` and 1-based ``line``, ``col``."""

    file: str
    line: int
    col: int


class ServiceAttrs(Located):
    kind: Literal["service"]
    name: str


class StageAttrs(Located):
    kind: Literal["stage"]
    id: str
    name: str
    order: int


class TouchpointAttrs(Located):
    kind: Literal["touchpoint"]
    id: str
    name: str
    stage: str
    channel: str | None
    visibility: Literal["onstage", "backstage"]
    system: Literal["cast", "setting", "process"] | None
    keys: list[str]
    owner: str | None
    moment_of_truth: bool
    supports: list[str]
    status: Literal["live", "planned", "retired"]


class PersonaAttrs(Located):
    kind: Literal["persona"]
    id: str
    name: str
    persona_kind: Literal["guest", "cast"]
    summary: str | None
    quote: str | None
    demographics: dict[str, Any]
    attention: list[str]
    evidence: list[str]  # cited source ids
    returns: bool | None  # loyalty: does the persona come back (None: not known)
    recommend: int | None  # loyalty: 0..10
    loyalty_line: int | None  # where `loyalty:` is written (None: not given)
    loyalty_col: int | None


class NeedAttrs(Located):
    kind: Literal["need"]
    id: str
    persona: str
    text: str
    priority: Grade
    evidence: list[str]


# Functional syntax: ``for`` is a Python keyword.
WantAttrs = TypedDict(
    "WantAttrs",
    {
        "file": str,
        "line": int,
        "col": int,
        "kind": Literal["want"],
        "id": str,
        "persona": str,
        "text": str,
        "priority": Grade,
        "for": list[str],
        "evidence": list[str],
    },
)


class StereotypeAttrs(Located):
    kind: Literal["stereotype"]
    id: str
    persona: str
    text: str
    valence: Valence
    evidence: list[str]


class EmotionAttrs(Located):
    kind: Literal["emotion"]
    id: str
    persona: str
    text: str
    valence: Valence
    evidence: list[str]


# A compass item; narrow on ``item["kind"]`` to read ``priority``, ``for`` or ``valence``.
ItemAttrs = NeedAttrs | WantAttrs | StereotypeAttrs | EmotionAttrs
NodeAttrs = ServiceAttrs | StageAttrs | TouchpointAttrs | PersonaAttrs | ItemAttrs


class LinkAttrs(TypedDict):
    """``has`` (persona -> item), ``refines`` (want -> need), ``in``, ``supports``."""

    kind: Literal["has", "refines", "in", "supports"]


RefKind = Literal["serves", "evokes", "counters", "reinforces"]


class RefAttrs(TypedDict):
    """touchpoint -> the need/want, emotion or stereotype a step names."""

    kind: RefKind
    persona: str
    step: int


class FlowAttrs(TypedDict):
    """touchpoint -> touchpoint: the next step of a persona's journey."""

    kind: Literal["flows"]
    persona: str
    step: int  # of the source
    emotion_before: int
    emotion_after: int


class StepAttrs(Located):
    """A ``visits`` edge (persona -> touchpoint): one journey step, with every fact of it;
    a ``plans`` edge is one step of the persona's designed ``future:`` journey."""

    kind: Literal["visits", "plans"]
    persona: str
    step: int  # 0-based, journey order
    touchpoint: str
    emotion: int  # -2..2
    adequate: int | None  # the expectation's zone of tolerance, None when not given
    desired: int | None
    delivery: int | None  # 1..5
    doing: str | None
    thinking: str | None
    pain_points: list[PainPoint]
    opportunities: list[Opportunity]
    wow: list[str]
    serves: list[str]
    evokes: list[str]
    counters: list[str]
    reinforces: list[str]
    recovers: str | None  # a touchpoint visited earlier whose failure this step recovers
    evidence: list[str]  # cited source ids


EdgeAttrs = LinkAttrs | RefAttrs | FlowAttrs | StepAttrs


def node_items(g: nx.MultiDiGraph) -> Iterator[tuple[str, NodeAttrs]]:
    """Every ``(node id, attributes)``, in insertion order (nodes without a kind left out)."""
    nodes = cast("Iterator[tuple[str, NodeAttrs]]", iter(g.nodes(data=True)))
    return ((n, d) for n, d in nodes if "kind" in d)


def edge_items(
    g: nx.MultiDiGraph, source: str | None = None
) -> Iterator[tuple[str, str, EdgeAttrs]]:
    """Every ``(source, target, attributes)`` edge, or those out of ``source``."""
    return cast("Iterator[tuple[str, str, EdgeAttrs]]", iter(g.out_edges(source, data=True)))
