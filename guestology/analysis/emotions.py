"""Emotion curves per persona (the Compass's East) and what the peak-end rule makes of them.

People remember an experience by its most intense moment (the **peak**) and its **end**
(Kahneman's peak-end rule), not by its average. The peak is the step with the strongest
emotion either way; when a +2 and a -2 tie, the negative one is the peak (bad moments
weigh more in memory), else the first. ``peak_end`` is the mean of the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS, Finding
from guestology.analysis.view import View
from guestology.graph_types import StepAttrs
from guestology.render.common import signed

DROP_THRESHOLD = 2  # a fall of this much between consecutive steps is a finding


@dataclass(frozen=True)
class CurvePoint:
    step: int  # 0-based index in the journey
    touchpoint: str
    emotion: int
    visit: int = 1  # the n-th visit of this touchpoint in the journey (stable across edits)
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class EmotionCurve:
    persona: str
    name: str
    points: list[CurvePoint] = field(default_factory=list)
    peak: CurvePoint | None = None
    end: CurvePoint | None = None
    peak_end: float | None = None
    mean: float | None = None
    high: CurvePoint | None = None
    low: CurvePoint | None = None
    drop: tuple[CurvePoint, CurvePoint] | None = None  # the largest fall, (before, after)
    lows: list[CurvePoint] = field(default_factory=list)  # steps at or below -1

    @property
    def values(self) -> list[int]:
        return [p.emotion for p in self.points]

    @property
    def drop_size(self) -> int:
        return self.drop[0].emotion - self.drop[1].emotion if self.drop else 0


@dataclass(frozen=True)
class Evoked:
    """A named emotion of a persona's compass (East) and the steps that evoke it."""

    persona: str
    id: str
    text: str
    valence: str  # positive | negative
    steps: tuple[int, ...] = ()  # 0-based, journey order
    touchpoints: tuple[str, ...] = ()  # journey order, each once
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class EmotionsSection:
    curves: list[EmotionCurve] = field(default_factory=list)
    evoked: list[Evoked] = field(default_factory=list)  # every compass emotion in scope
    findings: list[Finding] = field(default_factory=list)

    @cached_property
    def _by_persona(self) -> dict[str, EmotionCurve]:
        return {c.persona: c for c in self.curves}

    @cached_property
    def _evoked_by_persona(self) -> dict[str, list[Evoked]]:
        found: dict[str, list[Evoked]] = {}
        for e in self.evoked:
            found.setdefault(e.persona, []).append(e)
        return found

    def curve(self, persona: str) -> EmotionCurve | None:
        return self._by_persona.get(persona)

    def evoked_of(self, persona: str) -> list[Evoked]:
        """A persona's compass emotions, in compass order, with what evokes them."""
        return self._evoked_by_persona.get(persona, [])


def emotion_curves(view: View) -> EmotionsSection:
    section = EmotionsSection()
    for pid in view.personas:
        steps = view.steps.get(pid, [])
        curve = emotion_curve(pid, view.persona_name(pid), steps)
        section.curves.append(curve)
        section.findings.extend(_findings(view, curve))
        section.evoked.extend(evoked_emotions(view, pid, steps))
    return section


def evoked_emotions(view: View, persona: str, steps: list[StepAttrs]) -> list[Evoked]:
    out = []
    for item in view.items.get(persona, {}).values():
        if item["kind"] != "emotion":
            continue
        at = [s for s in steps if item["id"] in s["evokes"]]
        out.append(
            Evoked(
                persona,
                item["id"],
                item["text"],
                item.get("valence") or "positive",
                tuple(s["step"] for s in at),
                tuple(dict.fromkeys(s["touchpoint"] for s in at)),
                item.get("file", ""),
                item.get("line", 0),
                item.get("col", 0),
            )
        )
    return out


def curve_points(steps: list[StepAttrs]) -> list[CurvePoint]:
    seen: dict[str, int] = {}
    points = []
    for step in steps:
        tp = step["touchpoint"]
        seen[tp] = seen.get(tp, 0) + 1
        where = (step.get("file", ""), step.get("line", 0), step.get("col", 0))
        points.append(CurvePoint(step["step"], tp, step["emotion"], seen[tp], *where))
    return points


def emotion_curve(persona: str, name: str, steps: list[StepAttrs]) -> EmotionCurve:
    """The curve of one journey: sequence, peak, end, mean, largest drop, low steps."""
    points = curve_points(steps)
    curve = EmotionCurve(persona, name, points)
    if not points:
        return curve
    curve.peak = max(points, key=lambda p: (abs(p.emotion), -p.emotion, -p.step))
    curve.end = points[-1]
    curve.peak_end = (curve.peak.emotion + curve.end.emotion) / 2
    curve.mean = sum(p.emotion for p in points) / len(points)
    curve.high = max(points, key=lambda p: (p.emotion, -p.step))
    curve.low = min(points, key=lambda p: (p.emotion, p.step))
    pairs = [(a, b) for a, b in pairwise(points) if a.emotion > b.emotion]
    if pairs:
        curve.drop = max(pairs, key=lambda ab: (ab[0].emotion - ab[1].emotion, -ab[0].step))
    curve.lows = [p for p in points if p.emotion <= -1]
    return curve


def _findings(view: View, curve: EmotionCurve) -> list[Finding]:
    """Ends low, a negative peak, the largest drop, then any other step at -1 or below."""
    out: list[Finding] = []
    reported: set[int] = set()
    who, end, peak = curve.name, curve.end, curve.peak

    def add(
        point: CurvePoint, code: str, severity: int, title: str, detail: str, subject: str
    ) -> None:
        reported.add(point.step)
        where: dict[str, Any] = {"file": point.file, "line": point.line, "col": point.col}
        out.append(Finding(section="emotions", code=code, severity=severity, title=title,
                           detail=detail, persona=curve.persona, touchpoint=point.touchpoint,
                           subject=subject, **where))  # fmt: skip

    if end is None or peak is None:
        return out
    if end.emotion <= -1:
        title = (
            f"{who}: the journey ends low ({signed(end.emotion)} at {view.tp_name(end.touchpoint)})"
        )
        detail = "Peak-end rule: the last moment colours the memory of the whole visit."
        add(end, "ends-low", SERIOUS, title, detail, "end")
    if peak.emotion <= -2:
        title = f"{who}: the most intense moment is a low ({signed(peak.emotion)} at "
        title += f"{view.tp_name(peak.touchpoint)})"
        detail = (
            f"Peak-end score {signed(curve.peak_end or 0)}: this is the moment they will remember."
        )
        add(peak, "negative-peak", NOTABLE, title, detail, "peak")
    if curve.drop and curve.drop_size >= DROP_THRESHOLD:
        before, after = curve.drop
        title = f"{who}: emotion falls {signed(before.emotion)} -> {signed(after.emotion)} from "
        title += f"{view.tp_name(before.touchpoint)} to {view.tp_name(after.touchpoint)}"
        detail = f"The largest drop between consecutive steps ({curve.drop_size})."
        add(after, "emotion-drop", NOTABLE, title, detail, "drop")
    for point in curve.lows:
        if point.step not in reported:
            title = f"{who} feels {signed(point.emotion)} at {view.tp_name(point.touchpoint)}"
            severity = NOTABLE if point.emotion <= -2 else MINOR
            detail = f"Step {point.step + 1} of {len(curve.points)}."
            add(point, "low-moment", severity, title, detail, f"visit-{point.visit}")
    return out
