"""Recovery readiness: who fixes it when it fails?

Service recovery needs an owner on the spot. Every severity-3 pain point in scope is listed
with its touchpoint's ``owner``; one at a touchpoint without an owner is a finding (critical
at a moment of truth, where a failure makes or breaks the visit).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.analysis.findings import CRITICAL, SERIOUS, Finding
from guestology.analysis.view import View, where_of

SEVERE = 3


@dataclass(frozen=True)
class SeverePain:
    touchpoint: str
    persona: str
    text: str
    owner: str | None
    moment_of_truth: bool = False
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class RecoverySection:
    unowned: list[SeverePain] = field(default_factory=list)
    owned: list[SeverePain] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def recovery_readiness(view: View) -> RecoverySection:
    section = RecoverySection()
    for tp, visits in view.visits.items():
        attrs = view.touchpoints.get(tp)
        owner, mot = (attrs["owner"], attrs["moment_of_truth"]) if attrs else (None, False)
        for visit in visits:
            for pain in visit["pain_points"]:
                if pain.severity < SEVERE:
                    continue
                found = SeverePain(
                    tp,
                    visit["persona"],
                    pain.text,
                    owner,
                    mot,
                    *where_of(pain, visit),
                )
                (section.owned if owner else section.unowned).append(found)
    section.unowned.sort(key=lambda p: (not p.moment_of_truth, p.touchpoint, p.persona))
    section.findings = [_finding(view, p) for p in section.unowned]
    return section


def _finding(view: View, p: SeverePain) -> Finding:
    where = view.tp_name(p.touchpoint)
    title = (
        f"Nobody owns {where}, where {view.persona_name(p.persona)} hits a severe pain: {p.text}"
    )
    detail = "Give the touchpoint an `owner:` who can recover the moment on the spot."
    if p.moment_of_truth:
        detail = "A moment of truth. " + detail
    return Finding(
        section="recovery",
        code="unowned-severe-pain",
        severity=CRITICAL if p.moment_of_truth else SERIOUS,
        title=title,
        detail=detail,
        persona=p.persona,
        touchpoint=p.touchpoint,
        subject=p.text,
        file=p.file,
        line=p.line,
        col=p.col,
    )
