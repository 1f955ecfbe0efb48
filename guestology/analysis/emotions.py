"""Emotion curves per persona (the Compass's East) and what the peak-end rule makes of them.

People remember an experience by its most intense moment (the **peak**) and its **end**
(Kahneman's peak-end rule), not by its average. The experience is the *visit*: what comes
after it (remembering and returning) is reported apart, not as its end. The visit ends at the
step before the first later step that

- loops back to the journey's first touchpoint (a return visit, as the format says), or
- lies in the service's last stage when that stage is about returning (its id or name has
  the word "return", as the example park's "Remember and return").

The peak is the visit's step with the strongest emotion either way; when a +2 and a -2 tie,
the negative one is the peak (bad moments weigh more in memory), else the first.
``peak_end`` is the mean of the peak and the end. The ``mean`` is over every step.

Which named emotions of the compass (``evokes``) the journey evokes, and where, is listed in
``evoked``; a positive one that no step evokes is a note (``emotion-not-evoked``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from guestology.analysis.findings import NOTABLE, NOTE, SERIOUS, Finding
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
    after: list[CurvePoint] = field(default_factory=list)  # after the visit (the return)

    @property
    def values(self) -> list[int]:
        return [p.emotion for p in self.points]

    @property
    def visit_low(self) -> CurvePoint | None:
        """The visit's lowest step (the first of equals; the return left out)."""
        visit = self.points[: len(self.points) - len(self.after)]
        return min(visit, key=lambda p: (p.emotion, p.step)) if visit else None

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
    stages = {tp: d["stage"] for tp, d in view.all_touchpoints.items()}
    for pid in view.personas:
        steps = view.steps.get(pid, [])
        curve = visit_curve(view, pid, steps, stages)
        section.curves.append(curve)
        section.findings.extend(_findings(view, curve))
        evoked = evoked_emotions(view, pid, steps)
        section.evoked.extend(evoked)
        section.findings.extend(_evoked_finding(view, e) for e in evoked if _unused(e))
    return section


def _unused(e: Evoked) -> bool:
    return e.valence == "positive" and not e.steps


def _evoked_finding(view: View, e: Evoked) -> Finding:
    title = f"{view.persona_name(e.persona)}: no step evokes '{e.text}'"
    detail = "People buy a feeling: name the step meant to give it (`evokes:`), or design one."
    return Finding(section="emotions", code="emotion-not-evoked", severity=NOTE, title=title,
                   detail=detail, persona=e.persona, subject=e.id, file=e.file, line=e.line,
                   col=e.col)  # fmt: skip


def visit_curve(
    view: View, pid: str, steps: list[StepAttrs], stages: dict[str, str] | None = None
) -> EmotionCurve:
    """The curve of a journey (today's, or ``steps``: a future one), the visit cut from the
    return by ``return_start``; ``stages``: touchpoint id -> stage id, when already made."""
    if stages is None:
        stages = {tp: d["stage"] for tp, d in view.all_touchpoints.items()}
    cut = return_start(steps, stages, returning_stage(view))
    return emotion_curve(pid, view.persona_name(pid), steps, cut)


def return_start(steps: list[StepAttrs], stages: dict[str, str], last_stage: str) -> int | None:
    """The index of the first step after the visit (see the module's rule), or ``None``.

    ``stages``: touchpoint id -> its stage id; ``last_stage``: the service's last stage id
    when that stage is about returning, else ``""``.
    """
    if not steps:
        return None
    first = steps[0]["touchpoint"]
    for i, step in enumerate(steps[1:], start=1):
        tp = step["touchpoint"]
        if tp == first or (last_stage and stages.get(tp) == last_stage):
            return i
    return None


def returning_stage(view: View) -> str:
    """The service's last stage id when it is about returning (``return`` in id or name)."""
    if not view.stages:
        return ""
    last = view.stages[-1]
    words = f"{last} {view.stage_names.get(last, '')}".casefold().replace("-", " ").split()
    return last if any(w.startswith("return") for w in words) else ""


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


def emotion_curve(
    persona: str, name: str, steps: list[StepAttrs], cut: int | None = None
) -> EmotionCurve:
    """The curve of one journey: sequence, peak, end, mean, largest drop, low steps.

    ``cut``: the index of the first step after the visit (``return_start``), if any.
    """
    points = curve_points(steps)
    curve = EmotionCurve(persona, name, points)
    if not points:
        return curve
    visit = points[:cut] if cut else points
    curve.after = points[len(visit) :]
    curve.peak = max(visit, key=lambda p: (abs(p.emotion), -p.emotion, -p.step))
    curve.end = visit[-1]
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
    """Ends low, a negative peak, the largest drop (a low step is a failure: ``recovery``)."""
    out: list[Finding] = []
    who, end, peak = curve.name, curve.end, curve.peak

    def add(
        point: CurvePoint, code: str, severity: int, title: str, detail: str, subject: str
    ) -> None:
        where: dict[str, Any] = {"file": point.file, "line": point.line, "col": point.col}
        out.append(Finding(section="emotions", code=code, severity=severity, title=title,
                           detail=detail, persona=curve.persona, touchpoint=point.touchpoint,
                           subject=subject, **where))  # fmt: skip

    if end is None or peak is None:
        return out
    if end.emotion <= -1:
        where = view.tp_name(end.touchpoint)
        title = f"{who}: the visit ends low ({signed(end.emotion)} at {where})"
        detail = "Peak-end rule: the last moment colours the memory of the whole visit."
        if curve.after:
            detail += f" (Step {end.step + 1}: what follows it is the return, reported apart.)"
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
    return out
