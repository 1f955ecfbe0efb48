"""Moments of truth: the flagged ones, and ranked candidates with the reasons for each.

A touchpoint is a candidate moment of truth when it

- serves a high-priority need (directly, or through a want ``for`` it);
- is shared by many personas (at least half of them, and at least two), or lies on many
  journeys' paths (betweenness centrality in the touchpoint flow graph: the top tenth);
- is the last step of a journey (peak-end rule: the end is remembered);
- comes with a large emotion swing (2 or more between the step before and this one).

Only touchpoints with at least two reasons are candidates, ranked by how many reasons, then
how many personas visit them, then betweenness; each is a finding (notable with three reasons
or more, else minor) that says its rank.

The flow graph has one node per touchpoint and an edge wherever a journey goes from one to
the next; above ``EXACT_LIMIT`` touchpoints betweenness is estimated from a fixed sample.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import networkx as nx

from guestology.analysis.findings import MINOR, NOTABLE, NOTE, SERIOUS, Finding, located
from guestology.analysis.scope import Scope
from guestology.analysis.view import View
from guestology.graph_types import ItemAttrs
from guestology.render.common import plural, signed

EXACT_LIMIT, SAMPLE = 300, 200
SWING = 2
MIN_REASONS = 2  # a candidate moment of truth needs at least this many reasons


@dataclass(frozen=True)
class Moment:
    touchpoint: str
    name: str
    flagged: bool
    reasons: tuple[str, ...] = ()
    personas: int = 0  # personas (in scope) whose journeys visit it
    mean_emotion: float | None = None
    betweenness: float = 0.0
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class MomentsSection:
    flagged: list[Moment] = field(default_factory=list)
    candidates: list[Moment] = field(default_factory=list)  # best first
    findings: list[Finding] = field(default_factory=list)


def flow_graph(scope: Scope) -> nx.DiGraph:
    """Touchpoints joined wherever a journey in scope moves from one to the next."""
    flow = nx.DiGraph()
    flow.add_nodes_from(scope.stats)
    flow.add_edges_from((f.source, f.target) for f in scope.flows)
    return flow


def betweenness(flow: nx.DiGraph) -> dict[str, float]:
    if flow.number_of_nodes() <= EXACT_LIMIT:
        return nx.betweenness_centrality(flow)
    return nx.betweenness_centrality(flow, k=SAMPLE, seed=0)


def moments_of_truth(view: View, scope: Scope) -> MomentsSection:
    central = betweenness(flow_graph(scope))
    reasons = candidate_reasons(view, central)
    section = MomentsSection()
    for tp, attrs in view.touchpoints.items():
        emotions = [v["emotion"] for v in view.visits.get(tp, ())]
        moment = Moment(
            tp,
            view.tp_name(tp),
            attrs["moment_of_truth"],
            tuple(reasons.get(tp, ())),
            len(view.visitors(tp)),
            sum(emotions) / len(emotions) if emotions else None,
            round(central.get(tp, 0.0), 4),
            **located(attrs),
        )
        if moment.flagged:
            section.flagged.append(moment)
        elif len(moment.reasons) >= MIN_REASONS:
            section.candidates.append(moment)
    section.candidates.sort(key=lambda m: (-len(m.reasons), -m.personas, -m.betweenness))
    section.findings = [*map(_flagged_finding, section.flagged)]
    total = len(section.candidates)
    section.findings += [
        _candidate_finding(m, rank, total) for rank, m in enumerate(section.candidates, start=1)
    ]
    return section


def candidate_reasons(view: View, central: dict[str, float]) -> dict[str, list[str]]:
    """Touchpoint id -> why it might be a moment of truth, strongest reason first."""
    found: dict[str, list[str]] = {}

    def add(tp: str, reason: str) -> None:
        if reason not in found.setdefault(tp, []):
            found[tp].append(reason)

    for tp in _high_priority_servers(view):
        add(tp, "serves a high-priority need")
    guests = len(view.personas)
    for tp in view.visits:
        count = len(view.visitors(tp))
        if count >= 2 and count >= math.ceil(guests / 2):
            add(tp, f"shared by {count} of {guests} personas")
    for tp in _most_central(central):
        add(tp, "on many journeys' paths (high betweenness)")
    ends: dict[str, int] = {}
    for steps in view.steps.values():
        if steps:
            ends[steps[-1]["touchpoint"]] = ends.get(steps[-1]["touchpoint"], 0) + 1
        for a, b in pairwise(steps):
            if abs(b["emotion"] - a["emotion"]) >= SWING:
                add(b["touchpoint"], "a large emotion swing on arrival")
    for tp, count in ends.items():
        add(tp, "the last step of " + ("a journey" if count == 1 else f"{count} journeys"))
    return found


def _high_priority_servers(view: View) -> set[str]:
    out = set()
    for pid, steps in view.steps.items():
        items, refines = view.items.get(pid, {}), view.refines.get(pid, {})
        for step in steps:
            for ref in step["serves"]:
                needs = [ref, *refines.get(ref, ())]
                if any(_is_high(items.get(n)) for n in needs):
                    out.add(step["touchpoint"])
    return out


def _is_high(item: ItemAttrs | None) -> bool:
    """Whether a compass item is a high-priority need or want."""
    return item is not None and item["kind"] in ("need", "want") and item["priority"] == "high"


def _most_central(central: dict[str, float]) -> list[str]:
    scores = {tp: s for tp, s in central.items() if s > 0}
    top = max(1, len(scores) // 10)
    return sorted(scores, key=lambda tp: -scores[tp])[:top]


def _flagged_finding(m: Moment) -> Finding:
    base: dict[str, Any] = {
        "section": "moments",
        "touchpoint": m.touchpoint,
        "file": m.file,
        "line": m.line,
        "col": m.col,
        "subject": "flagged",
    }
    why = "; ".join(m.reasons) or "no evidence in the journeys beyond the flag"
    if m.personas == 0:
        return Finding(
            code="moment-of-truth-unvisited",
            severity=MINOR,
            title=f"Moment of truth {m.name} is visited by no journey",
            detail="Flagged, but no persona's journey passes through it.",
            **base,
        )
    if m.mean_emotion is not None and m.mean_emotion < 0:
        return Finding(
            code="moment-of-truth-negative",
            severity=SERIOUS,
            title=f"Moment of truth {m.name} feels negative "
            f"(mean {signed(m.mean_emotion)} over {plural(m.personas, 'persona')})",
            detail=f"Why it matters: {why}.",
            **base,
        )
    return Finding(
        code="moment-of-truth",
        severity=NOTE,
        title=f"Moment of truth {m.name}: mean emotion {signed(m.mean_emotion or 0)}, "
        f"{plural(m.personas, 'persona')}",
        detail=f"Why it matters: {why}.",
        **base,
    )


def _candidate_finding(m: Moment, rank: int, total: int) -> Finding:
    return Finding(
        section="moments",
        code="candidate-moment-of-truth",
        severity=NOTABLE if len(m.reasons) > 2 else MINOR,
        title=f"{m.name} may be a moment of truth (candidate {rank} of {total}: "
        f"{len(m.reasons)} reasons)",
        detail="; ".join(m.reasons).capitalize() + ".",
        touchpoint=m.touchpoint,
        file=m.file,
        line=m.line,
        col=m.col,
        subject="candidate",
    )
