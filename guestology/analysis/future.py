"""Future state: the journey a team designs (``future:``) against today's.

For every persona with a ``future:`` journey (same step shape as ``journey:``), the same
rules as today's analyses, run on both journeys:

- the emotion curve: mean, lowest step and end of the visit (``emotions``' rules);
- needs met, weak, failed and unmet (``needs``' rules, ``recovers`` included);
- pain points and severe ones, and today's pains the future no longer has (same text);
- failures nothing recovers (``outcomes``);
- the ``planned`` touchpoints the future relies on (not built yet);
- today's opportunities it takes up: those at a touchpoint the future journey visits and
  feels better at (a higher mean emotion there than today).

One ``future-state`` finding per persona: a note, or notable when the future is worse than
today (a lower mean, or more failures left unrecovered).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from statistics import fmean

from guestology.analysis.emotions import CurvePoint, visit_curve
from guestology.analysis.findings import NOTABLE, NOTE, Finding
from guestology.analysis.needs import STATUSES, persona_coverage
from guestology.analysis.outcomes import SEVERE, journey_outcomes
from guestology.analysis.view import View
from guestology.graph_types import StepAttrs
from guestology.render.common import name_list, signed


@dataclass(frozen=True)
class FutureState:
    persona: str
    name: str
    steps: tuple[int, int]  # (today, future)
    mean: tuple[float | None, float | None]
    low: tuple[CurvePoint | None, CurvePoint | None]
    end: tuple[CurvePoint | None, CurvePoint | None]  # the visit's last step
    needs: tuple[dict[str, int], dict[str, int]]  # status -> needs, today and future
    pains: tuple[int, int]
    severe: tuple[int, int]
    unrecovered: tuple[int, int]  # failures nothing recovers
    removed: tuple[str, ...] = ()  # today's pain points the future no longer has
    planned: tuple[str, ...] = ()  # planned touchpoints the future visits, journey order
    realised: tuple[str, ...] = ()  # today's opportunities it takes up
    points: tuple[CurvePoint, ...] = ()  # the future curve
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class FutureSection:
    states: list[FutureState] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @cached_property
    def _by_persona(self) -> dict[str, FutureState]:
        return {s.persona: s for s in self.states}

    def of(self, persona: str) -> FutureState | None:
        """A persona's future state, ``None`` without a ``future:`` journey."""
        return self._by_persona.get(persona)


def future_states(view: View) -> FutureSection:
    section = FutureSection()
    for pid in view.personas:
        if view.future.get(pid):
            state = future_state(view, pid)
            section.states.append(state)
            section.findings.append(_finding(view, state))
    return section


def future_state(view: View, pid: str) -> FutureState:
    now, then = view.steps.get(pid, []), view.future[pid]
    curves = [visit_curve(view, pid, steps) for steps in (now, then)]
    needs = tuple(_needs(view, pid, steps) for steps in (now, then))
    texts = {p.text.casefold() for s in then for p in s["pain_points"]}
    removed = [p.text for s in now for p in s["pain_points"] if p.text.casefold() not in texts]
    planned = [s["touchpoint"] for s in then if _status(view, s["touchpoint"]) == "planned"]
    first = then[0]
    return FutureState(
        pid,
        view.persona_name(pid),
        (len(now), len(then)),
        (curves[0].mean, curves[1].mean),
        (curves[0].visit_low, curves[1].visit_low),
        (curves[0].end, curves[1].end),
        (needs[0], needs[1]),
        (_pains(now), _pains(then)),
        (_pains(now, SEVERE), _pains(then, SEVERE)),
        (_unrecovered(now), _unrecovered(then)),
        tuple(dict.fromkeys(removed)),
        tuple(dict.fromkeys(planned)),
        _realised(now, then),
        tuple(curves[1].points),
        first.get("file", ""),
        first.get("line", 0),
        first.get("col", 0),
    )


def _needs(view: View, pid: str, steps: list[StepAttrs]) -> dict[str, int]:
    cover = persona_coverage(view, pid, steps)
    return {status: cover.count(status) for status in STATUSES}


def _status(view: View, touchpoint: str) -> str:
    attrs = view.all_touchpoints.get(touchpoint)
    return attrs["status"] if attrs else "live"


def _pains(steps: list[StepAttrs], least: int = 1) -> int:
    return sum(1 for s in steps for p in s["pain_points"] if p.severity >= least)


def _unrecovered(steps: list[StepAttrs]) -> int:
    return sum(1 for o in journey_outcomes(steps) if not o.recovered)


def _realised(now: list[StepAttrs], then: list[StepAttrs]) -> tuple[str, ...]:
    def means(steps: list[StepAttrs]) -> dict[str, float]:
        at: dict[str, list[int]] = {}
        for s in steps:
            at.setdefault(s["touchpoint"], []).append(s["emotion"])
        return {tp: fmean(values) for tp, values in at.items()}

    today, future = means(now), means(then)
    taken = [
        o.text
        for s in now
        for o in s["opportunities"]
        if s["touchpoint"] in future and future[s["touchpoint"]] > today[s["touchpoint"]]
    ]
    return tuple(dict.fromkeys(taken))


def _point(view: View, p: CurvePoint | None) -> str:
    return f"{signed(p.emotion)} at {view.tp_name(p.touchpoint)}" if p else "none"


def _finding(view: View, s: FutureState) -> Finding:
    (mean_now, mean_then), (low_now, low_then) = s.mean, s.low
    worse = (mean_then or 0) < (mean_now or 0) or s.unrecovered[1] > s.unrecovered[0]
    title = (
        f"{s.name}, future state: mean emotion {signed(mean_now or 0, 1)} -> "
        f"{signed(mean_then or 0, 1)}; low {_point(view, low_now)} -> {_point(view, low_then)}"
    )
    (now, then) = s.needs
    parts = [
        f"Needs met {now['met']} -> {then['met']}, failed {now['failed']} -> {then['failed']}, "
        f"unmet {now['unmet']} -> {then['unmet']}",
        f"pain points {s.pains[0]} -> {s.pains[1]} (severe {s.severe[0]} -> {s.severe[1]})",
        f"failures nothing recovers {s.unrecovered[0]} -> {s.unrecovered[1]}",
        f"the visit ends {_point(view, s.end[0])} -> {_point(view, s.end[1])}",
    ]
    if s.planned:
        parts.append("relies on planned " + name_list([view.tp_name(t) for t in s.planned]))
    if s.realised:
        parts.append("takes up: " + name_list(list(s.realised), 3))
    detail = "; ".join(parts) + "."
    if worse:
        detail = "The designed future is worse than today. " + detail
    return Finding(section="future", code="future-state", severity=NOTABLE if worse else NOTE,
                   title=title, detail=detail, persona=s.persona, subject="future",
                   file=s.file, line=s.line, col=s.col)  # fmt: skip
