"""Blueprint integrity: does the backstage hold up the onstage where it hurts?

A service blueprint separates onstage (what a guest sees, hears or touches) from backstage
(what makes it possible) by the line of visibility; ``supports`` edges cross that line.

- an **onstage touchpoint with pain points and no backstage support** is a problem the
  guest sees with nothing behind the curtain to fix it;
- a **backstage touchpoint that supports nothing** is effort no guest benefits from (or a
  ``supports:`` list someone forgot to write).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS, Finding, located
from guestology.analysis.view import View
from guestology.render.common import name_list, plural


@dataclass(frozen=True)
class UnsupportedPain:
    touchpoint: str
    name: str
    pains: int  # pain points listed at it, over every journey in scope
    worst: int  # the highest severity among them (1..3)
    personas: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class IdleBackstage:
    touchpoint: str
    name: str
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class BlueprintSection:
    unsupported: list[UnsupportedPain] = field(default_factory=list)  # worst first
    idle: list[IdleBackstage] = field(default_factory=list)
    onstage: int = 0
    backstage: int = 0
    findings: list[Finding] = field(default_factory=list)


def backstage_supporters(view: View, touchpoint: str) -> list[str]:
    found = view.supported_by.get(touchpoint, [])
    return [tp for tp in found if view.all_touchpoints[tp]["visibility"] == "backstage"]


def blueprint_integrity(view: View) -> BlueprintSection:
    section = BlueprintSection()
    for tp, attrs in view.touchpoints.items():
        if attrs["visibility"] == "backstage":
            section.backstage += 1
            if not attrs["supports"]:
                section.idle.append(IdleBackstage(tp, view.tp_name(tp), **located(attrs)))
            continue
        section.onstage += 1
        visits = view.visits.get(tp, [])
        severities = [p.severity for v in visits for p in v["pain_points"]]
        if severities and not backstage_supporters(view, tp):
            who = tuple(dict.fromkeys(v["persona"] for v in visits if v["pain_points"]))
            section.unsupported.append(
                UnsupportedPain(
                    tp, view.tp_name(tp), len(severities), max(severities), who, **located(attrs)
                )
            )
    section.unsupported.sort(key=lambda u: (-u.worst, -u.pains, u.touchpoint))
    section.findings = [_unsupported(view, u) for u in section.unsupported]
    section.findings += [_idle(i) for i in section.idle]
    return section


def _unsupported(view: View, u: UnsupportedPain) -> Finding:
    pains = plural(u.pains, "pain point")
    title = f"{u.name}: {pains} onstage (worst severity {u.worst}), no backstage support"
    names = name_list([view.persona_name(p) for p in u.personas])
    detail = f"Felt by {names}. Nothing backstage `supports:` it: who fixes it, and with what?"
    return Finding(
        section="blueprint",
        code="unsupported-pain",
        severity={3: SERIOUS, 2: NOTABLE}.get(u.worst, MINOR),
        title=title,
        detail=detail,
        persona=u.personas[0] if len(u.personas) == 1 else None,
        touchpoint=u.touchpoint,
        subject="unsupported",
        file=u.file,
        line=u.line,
        col=u.col,
    )


def _idle(i: IdleBackstage) -> Finding:
    return Finding(
        section="blueprint",
        code="idle-backstage",
        severity=MINOR,
        title=f"Backstage {i.name} supports no onstage touchpoint",
        detail="Add the touchpoints it enables to its `supports:` list, or retire it.",
        touchpoint=i.touchpoint,
        subject="idle",
        file=i.file,
        line=i.line,
        col=i.col,
    )
