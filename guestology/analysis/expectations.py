"""Expectation vs delivery (the gaps model): what a guest expected, what they got.

For every step with both an ``expectation`` and a ``delivery`` (1..5):

- a plain expectation ``3`` is the zone ``{adequate: 3, desired: 3}``;
- the step is **below** when delivery < adequate, **above** when delivery > desired, and
  **within** the zone of tolerance otherwise;
- ``gap`` is how far outside the zone delivery lands: delivery - adequate when below,
  delivery - desired when above, 0 within. With a plain expectation that is simply
  delivery - expectation.

Above the zone is over-delivery: *under-promise, over-deliver*, the gap a designer wants.
It is one finding per touchpoint (``over-delivery``, naming every persona it delights);
under-delivery is one finding per step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from guestology.analysis.findings import NOTABLE, NOTE, SERIOUS, Finding
from guestology.analysis.serving import classify
from guestology.analysis.view import View
from guestology.graph_types import StepAttrs
from guestology.render.common import name_list


@dataclass(frozen=True)
class StepGap:
    persona: str
    touchpoint: str
    step: int
    adequate: int
    desired: int
    delivery: int
    gap: int
    band: str  # below | within | above
    visit: int = 1
    file: str = ""
    line: int = 0
    col: int = 0

    @property
    def zone(self) -> bool:
        return self.adequate != self.desired


@dataclass(frozen=True)
class TouchpointGaps:
    touchpoint: str
    name: str
    steps: int
    mean_gap: float
    below: int
    within: int
    above: int
    personas: tuple[str, ...] = ()


@dataclass
class ExpectationsSection:
    steps: list[StepGap] = field(default_factory=list)
    touchpoints: list[TouchpointGaps] = field(default_factory=list)  # worst mean gap first
    unmeasured: int = 0  # steps in scope lacking an expectation or a delivery
    findings: list[Finding] = field(default_factory=list)

    @cached_property
    def _by_step(self) -> dict[tuple[str, int], StepGap]:
        return {(g.persona, g.step): g for g in self.steps}

    def at(self, persona: str, step: int) -> StepGap | None:
        """The gap of one step (0-based index), ``None`` when it is not measured."""
        return self._by_step.get((persona, step))


def step_gap(step: StepAttrs, visit: int = 1) -> StepGap | None:
    adequate, desired, delivery = step["adequate"], step["desired"], step["delivery"]
    if delivery is None or adequate is None or desired is None:  # both ends, or neither
        return None
    gap, band = classify(adequate, desired, delivery)
    return StepGap(
        step["persona"],
        step["touchpoint"],
        step["step"],
        adequate,
        desired,
        delivery,
        gap,
        band,
        visit,
        step.get("file", ""),
        step.get("line", 0),
        step.get("col", 0),
    )


def expectation_gaps(view: View) -> ExpectationsSection:
    section = ExpectationsSection()
    for steps in view.steps.values():
        seen: dict[str, int] = {}
        for step in steps:
            seen[step["touchpoint"]] = seen.get(step["touchpoint"], 0) + 1
            gap = step_gap(step, seen[step["touchpoint"]])
            if gap is None:
                section.unmeasured += 1
            else:
                section.steps.append(gap)
    section.touchpoints = per_touchpoint(view, section.steps)
    section.findings = [f for g in section.steps if (f := _finding(view, g)) is not None]
    section.findings += _over_delivery(view, section.steps)
    return section


def _over_delivery(view: View, gaps: list[StepGap]) -> list[Finding]:
    """One note per touchpoint delivering above the zone, naming every persona it delights."""
    grouped: dict[str, list[StepGap]] = {}
    for g in gaps:
        if g.band == "above":
            grouped.setdefault(g.touchpoint, []).append(g)
    out = []
    for tp, group in grouped.items():
        who = list(dict.fromkeys(g.persona for g in group))
        names = name_list([view.persona_name(p) for p in who])
        title = f"Over-delivery: {view.tp_name(tp)} gives {names} more than they expect"
        detail = "; ".join(
            f"{view.persona_name(g.persona)}: {g.delivery} against {_expected(g)}" for g in group
        )
        detail += ". Under-promise, over-deliver: keep it, and keep the promise modest."
        first = group[0]
        out.append(Finding(section="expectations", code="over-delivery", severity=NOTE,
                           title=title, detail=detail, persona=who[0] if len(who) == 1 else None,
                           touchpoint=tp, subject="over-delivery", file=first.file,
                           line=first.line, col=first.col))  # fmt: skip
    return out


def per_touchpoint(view: View, gaps: list[StepGap]) -> list[TouchpointGaps]:
    grouped: dict[str, list[StepGap]] = {}
    for gap in gaps:
        grouped.setdefault(gap.touchpoint, []).append(gap)
    rows = []
    for tp, group in grouped.items():
        bands = [g.band for g in group]
        personas = tuple(dict.fromkeys(g.persona for g in group))
        mean = sum(g.gap for g in group) / len(group)
        rows.append(
            TouchpointGaps(
                tp,
                view.tp_name(tp),
                len(group),
                mean,
                bands.count("below"),
                bands.count("within"),
                bands.count("above"),
                personas,
            )
        )
    return sorted(rows, key=lambda r: (r.mean_gap, -r.below, r.touchpoint))


def _expected(g: StepGap) -> str:
    return f"{g.adequate}-{g.desired}" if g.zone else str(g.adequate)


def _finding(view: View, g: StepGap) -> Finding | None:
    if g.band != "below":
        return None
    who, where = view.persona_name(g.persona), view.tp_name(g.touchpoint)
    attrs = view.touchpoints.get(g.touchpoint)
    mot = attrs is not None and attrs["moment_of_truth"]
    base: dict[str, Any] = {
        "section": "expectations",
        "persona": g.persona,
        "touchpoint": g.touchpoint,
        "subject": f"visit-{g.visit}",
        "file": g.file,
        "line": g.line,
        "col": g.col,
    }
    severity = SERIOUS if mot or g.gap <= -2 else NOTABLE
    title = f"{where} delivers {g.delivery} to {who}, below the {_expected(g)} expected"
    detail = ("A moment of truth: " if mot else "") + f"{-g.gap} below the zone of tolerance."
    return Finding(code="under-delivery", severity=severity, title=title, detail=detail, **base)
