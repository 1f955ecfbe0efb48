"""The return loop: experience, not mere service, brings people back.

Read from each persona's ``loyalty: {returns, recommend}`` (format 1.1):

- ``does-not-return`` (serious): a persona who does not come back, with what the peak-end
  rule says they remember (the visit's lowest step and its end: ``emotions``), the failures
  nothing recovered (``recovery``) and the wows they got;
- **drivers**: every wow gesture and every recovery, with the personas who got it and come
  back and those who got it and do not: what comes before a return;
- personas without ``loyalty`` data are listed, and without any the section says what to add.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import fmean

from guestology.analysis.emotions import CurvePoint, EmotionsSection
from guestology.analysis.findings import SERIOUS, Finding, located
from guestology.analysis.recovery import RecoverySection
from guestology.analysis.view import View
from guestology.graph_types import Located, PersonaAttrs
from guestology.render.common import name_list, signed

HINT = (
    "Add `loyalty: {returns: true|false, recommend: 0..10}` to a persona once you know "
    "whether they came back: guestology then shows what comes before a return."
)


@dataclass(frozen=True)
class Loyal:
    """One persona's loyalty and the journey behind it."""

    persona: str
    returns: bool | None
    recommend: int | None
    low: CurvePoint | None = None  # the visit's lowest step
    end: CurvePoint | None = None  # the visit's last step
    unrecovered: tuple[int, ...] = ()  # failing steps nothing recovers (0-based)
    recovered: tuple[int, ...] = ()  # failing steps recovered later
    wows: tuple[str, ...] = ()  # the wow gestures they got, in journey order


@dataclass(frozen=True)
class Driver:
    """A wow or a recovery, and whether the personas who got it come back."""

    kind: str  # wow | recovery
    text: str  # the gesture, or the touchpoint recovered
    touchpoint: str  # where it happens (the recovering step's touchpoint)
    returning: tuple[str, ...] = ()  # personas who got it and return
    lost: tuple[str, ...] = ()  # personas who got it and do not


@dataclass
class LoyaltySection:
    personas: list[Loyal] = field(default_factory=list)  # with loyalty data, scope order
    missing: list[str] = field(default_factory=list)  # guests in scope without loyalty data
    returning: int = 0
    lost: int = 0
    recommend: float | None = None  # the mean of the ``recommend`` scores given
    drivers: list[Driver] = field(default_factory=list)  # most returning personas first
    hint: str = ""  # what to add, when no persona has loyalty data
    findings: list[Finding] = field(default_factory=list)


def return_loop(view: View, emotions: EmotionsSection, recovery: RecoverySection) -> LoyaltySection:
    section = LoyaltySection()
    drivers: dict[tuple[str, str, str], dict[str, list[str]]] = {}
    for pid, attrs in view.personas.items():
        if attrs["returns"] is None and attrs["recommend"] is None:
            if not view.is_cast(pid):
                section.missing.append(pid)
            continue
        loyal = _loyal(view, pid, emotions, recovery)
        section.personas.append(loyal)
        if loyal.returns is None:
            continue
        for key in _gestures(view, pid, recovery):
            group = drivers.setdefault(key, {"returning": [], "lost": []})
            group["returning" if loyal.returns else "lost"].append(pid)
    section.returning = sum(1 for p in section.personas if p.returns)
    section.lost = sum(1 for p in section.personas if p.returns is False)
    scores = [p.recommend for p in section.personas if p.recommend is not None]
    section.recommend = fmean(scores) if scores else None
    section.drivers = sorted(
        (Driver(k, t, tp, tuple(g["returning"]), tuple(g["lost"]))
         for (k, t, tp), g in drivers.items()),
        key=lambda d: (-len(d.returning), len(d.lost), d.kind, d.touchpoint, d.text),
    )  # fmt: skip
    section.hint = "" if section.personas else HINT
    section.findings = [_finding(view, p) for p in section.personas if p.returns is False]
    return section


def _loyal(view: View, pid: str, emotions: EmotionsSection, rec: RecoverySection) -> Loyal:
    attrs, curve = view.personas[pid], emotions.curve(pid)
    low = curve.visit_low if curve else None
    failures = rec.of(pid)
    wows = [w for s in view.steps.get(pid, []) for w in s["wow"]]
    return Loyal(
        pid,
        attrs["returns"],
        attrs["recommend"],
        low,
        curve.end if curve else None,
        tuple(f.step for f in failures if not f.recovered),
        tuple(f.step for f in failures if f.recovered),
        tuple(wows),
    )


def _gestures(view: View, pid: str, rec: RecoverySection) -> list[tuple[str, str, str]]:
    steps = view.steps.get(pid, [])
    found = [("wow", w, s["touchpoint"]) for s in steps for w in s["wow"]]
    for f in rec.of(pid):
        if f.recovered_by is not None:
            found.append(("recovery", f.touchpoint, steps[f.recovered_by]["touchpoint"]))
    return list(dict.fromkeys(found))


def _finding(view: View, p: Loyal) -> Finding:
    who = view.persona_name(p.persona)
    remembered = []
    if p.low is not None:
        remembered.append(f"the low is {signed(p.low.emotion)} at {view.tp_name(p.low.touchpoint)}")
    if p.end is not None:
        remembered.append(f"it ends {signed(p.end.emotion)} at {view.tp_name(p.end.touchpoint)}")
    title = f"{who} does not come back: " + ", ".join(remembered or ["no journey"])
    steps = {s["step"]: s["touchpoint"] for s in view.steps.get(p.persona, [])}
    left = name_list([view.tp_name(steps[i]) for i in p.unrecovered]) or "none"
    wows = [w.rstrip(".") for w in p.wows]
    shown = "; ".join(wows[:3]) + (f"; and {len(wows) - 3} more" if len(wows) > 3 else "")
    detail = f"Failures nothing recovers: {left}. Wows: {shown or 'none'}."
    if p.recommend is not None:
        detail += f" Would recommend: {p.recommend} of 10."
    return Finding(section="loyalty", code="does-not-return", severity=SERIOUS, title=title,
                   detail=detail, persona=p.persona, subject="returns",
                   **_at_loyalty(view.personas[p.persona]))  # fmt: skip


def _at_loyalty(persona: PersonaAttrs) -> Located:
    """Where the persona's ``loyalty:`` is written (its first line when not located)."""
    where = located(persona)
    line, col = persona.get("loyalty_line"), persona.get("loyalty_col")
    if line is not None and col is not None:
        where["line"], where["col"] = line, col
    return where
