"""What a report covers: the personas chosen, the touchpoints in scope, and the facts about
touchpoints that every output draws (visits, visitors, mean emotion, flows, supporters).

Scope: without a persona filter, every touchpoint of the service. With one, the touchpoints
the chosen personas visit plus every touchpoint that ``supports`` one of those, following
``supports`` chains to their end (a backstage system behind a backstage process is still in
scope): the part of the service those personas meet. The report, the HTML map and the
Graphviz views all draw exactly this set.

A **flow** is a move from one touchpoint to a different one between consecutive steps of a
journey; a persona staying at one touchpoint for two steps makes no flow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import fmean

from guestology.analysis.view import View


@dataclass(frozen=True)
class TouchpointStats:
    """How the journeys in scope meet one touchpoint."""

    touchpoint: str
    visits: int
    visitors: tuple[str, ...]  # personas, in first-visit order
    mean_emotion: float  # over every visit
    emotions: tuple[tuple[str, float], ...]  # each visitor's mean emotion there


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    personas: tuple[str, ...]  # who moves from source to target, first-seen order


@dataclass
class Scope:
    personas: list[str] = field(default_factory=list)
    touchpoints: list[str] = field(default_factory=list)  # in scope, in workspace order
    stats: dict[str, TouchpointStats] = field(default_factory=dict)  # visited ones only
    flows: list[Flow] = field(default_factory=list)  # first-seen order
    supported_by: dict[str, tuple[str, ...]] = field(default_factory=dict)  # whole service

    def stat(self, touchpoint: str) -> TouchpointStats | None:
        return self.stats.get(touchpoint)

    def supporters(self, touchpoint: str) -> tuple[str, ...]:
        """The touchpoints that ``supports`` this one directly, in workspace order."""
        return self.supported_by.get(touchpoint, ())


def find_scope(view: View) -> Scope:
    scope = Scope(personas=list(view.personas), touchpoints=list(view.touchpoints))
    for tp, visits in view.visits.items():
        by_persona: dict[str, list[int]] = {}
        for visit in visits:
            by_persona.setdefault(visit["persona"], []).append(visit["emotion"])
        scope.stats[tp] = TouchpointStats(
            tp,
            len(visits),
            tuple(by_persona),
            fmean(v["emotion"] for v in visits),
            tuple((p, fmean(e)) for p, e in by_persona.items()),
        )
    scope.flows = find_flows(view)
    scope.supported_by = {tp: tuple(by) for tp, by in view.supported_by.items()}
    return scope


def find_flows(view: View) -> list[Flow]:
    found: dict[tuple[str, str], dict[str, None]] = {}
    for pid, steps in view.steps.items():
        for here, after in zip(steps, steps[1:], strict=False):
            if here["touchpoint"] != after["touchpoint"]:
                found.setdefault((here["touchpoint"], after["touchpoint"]), {})[pid] = None
    return [Flow(a, b, tuple(who)) for (a, b), who in found.items()]
