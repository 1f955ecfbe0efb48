"""Service recovery: when a guest's step fails, does anyone put it right?

*It may not be our fault, but it is our problem.* A guest step **fails** (emotion -1 or
lower, a severity-3 pain, or delivery below expectation: ``guestology.analysis.outcomes``)
and is **recovered** when a later step of the same journey ``recovers`` its touchpoint.

- ``unrecovered-failure``: a guest's failure nothing recovers, with ``"cause": "external"``
  when a pain point of the step has an outside cause (never an excuse: still ours to
  recover). Serious at a moment of truth, with a severe pain or at emotion -2, else notable.
- the **recovery rate**, per guest persona and overall: recovered failures / failures.
- ``recovery-paradox`` (a note): a recovered guest who feels better at the recovering step
  than at the step just before the failure: a recovery done well can leave a guest happier
  than if nothing had gone wrong.
- ``unowned-severe-pain``: every severity-3 pain in scope is listed with its touchpoint's
  ``owner``; one at a touchpoint without an owner is a finding (critical at a moment of
  truth), since recovery needs someone on the spot.

Cast personas are left out of the failures: their bad moments are the internal customers'
section's (``unhappy-cast``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from guestology.analysis.findings import CRITICAL, NOTABLE, NOTE, SERIOUS, Finding
from guestology.analysis.outcomes import SEVERE, journey_outcomes
from guestology.analysis.view import View, where_of
from guestology.render.common import signed


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


@dataclass(frozen=True)
class Failure:
    """A guest's failing step, and the step that recovers it (if any)."""

    persona: str
    step: int  # 0-based
    touchpoint: str
    reasons: tuple[str, ...]
    cause: str  # internal | external
    emotion: int
    recovered_by: int | None = None  # the recovering step's index
    before: int | None = None  # the emotion of the step just before the failure
    after: int | None = None  # the emotion at the recovering step
    paradox: bool = False  # recovered, and better at the recovery than just before the failure
    file: str = ""
    line: int = 0
    col: int = 0

    @property
    def recovered(self) -> bool:
        return self.recovered_by is not None


@dataclass(frozen=True)
class PersonaRecovery:
    persona: str
    failures: int
    recovered: int
    rate: float | None  # recovered / failures; None without failures


@dataclass
class RecoverySection:
    failures: list[Failure] = field(default_factory=list)  # guests', journey order
    personas: list[PersonaRecovery] = field(default_factory=list)  # guests in scope
    unowned: list[SeverePain] = field(default_factory=list)
    owned: list[SeverePain] = field(default_factory=list)
    rate: float | None = None  # recovered / failures over every guest in scope
    findings: list[Finding] = field(default_factory=list)

    @property
    def paradoxes(self) -> list[Failure]:
        return [f for f in self.failures if f.paradox]

    # Look-ups for renderers (built on first use, once the section is complete).
    @cached_property
    def _by_step(self) -> dict[tuple[str, int], Failure]:
        return {(f.persona, f.step): f for f in self.failures}

    @cached_property
    def _by_recovery(self) -> dict[tuple[str, int], list[Failure]]:
        found: dict[tuple[str, int], list[Failure]] = {}
        for f in self.failures:
            if f.recovered_by is not None:
                found.setdefault((f.persona, f.recovered_by), []).append(f)
        return found

    @cached_property
    def _by_persona(self) -> dict[str, list[Failure]]:
        found: dict[str, list[Failure]] = {}
        for f in self.failures:
            found.setdefault(f.persona, []).append(f)
        return found

    def of(self, persona: str) -> list[Failure]:
        """A guest's failures, in journey order (none for a cast persona)."""
        return self._by_persona.get(persona, [])

    def failure_at(self, persona: str, step: int) -> Failure | None:
        """The failure at one step of a guest's journey (0-based), if it goes wrong there."""
        return self._by_step.get((persona, step))

    def recovered_at(self, persona: str, step: int) -> list[Failure]:
        """The failures a step recovers."""
        return self._by_recovery.get((persona, step), [])


def recovery_readiness(view: View) -> RecoverySection:
    section = RecoverySection()
    for pid in view.personas:
        if view.is_cast(pid):
            continue
        found = guest_failures(view, pid)
        section.failures.extend(found)
        recovered = sum(f.recovered for f in found)
        section.personas.append(PersonaRecovery(pid, len(found), recovered, _rate(found)))
    section.rate = _rate(section.failures)
    _severe_pains(view, section)
    section.findings = [_failure_finding(view, f) for f in section.failures if not f.recovered]
    section.findings += [_paradox_finding(view, f) for f in section.paradoxes]
    section.findings += [_unowned_finding(view, p) for p in section.unowned]
    return section


def _rate(failures: list[Failure]) -> float | None:
    return sum(f.recovered for f in failures) / len(failures) if failures else None


def guest_failures(view: View, pid: str) -> list[Failure]:
    steps = view.steps.get(pid, [])
    out = []
    for o in journey_outcomes(steps):
        step = steps[o.step]
        before = steps[o.step - 1]["emotion"] if o.step > 0 else None
        after = steps[o.recovered_by]["emotion"] if o.recovered_by is not None else None
        paradox = before is not None and after is not None and after > before
        where = (step.get("file", ""), step.get("line", 0), step.get("col", 0))
        out.append(
            Failure(pid, o.step, o.touchpoint, o.reasons, o.cause, step["emotion"],
                    o.recovered_by, before, after, paradox, *where)
        )  # fmt: skip
    return out


def _severe_pains(view: View, section: RecoverySection) -> None:
    for tp, visits in view.visits.items():
        attrs = view.touchpoints.get(tp)
        owner, mot = (attrs["owner"], attrs["moment_of_truth"]) if attrs else (None, False)
        for visit in visits:
            for pain in visit["pain_points"]:
                if pain.severity >= SEVERE:
                    found = SeverePain(tp, visit["persona"], pain.text, owner, mot,
                                       *where_of(pain, visit))  # fmt: skip
                    (section.owned if owner else section.unowned).append(found)
    section.unowned.sort(key=lambda p: (not p.moment_of_truth, p.touchpoint, p.persona))


def _failure_finding(view: View, f: Failure) -> Finding:
    attrs = view.touchpoints.get(f.touchpoint)
    mot = attrs is not None and attrs["moment_of_truth"]
    serious = mot or f.emotion <= -2 or any("severe" in r for r in f.reasons)
    where, who = view.tp_name(f.touchpoint), view.persona_name(f.persona)
    title = f"{who}: nothing recovers what goes wrong at {where} ({'; '.join(f.reasons)})"
    detail = f"Step {f.step + 1}. "
    if f.cause == "external":
        detail += "The cause is outside the service: not our fault, but our problem. "
    detail += f"Plan a later step that `recovers: {f.touchpoint}` (someone who puts it right)."
    return Finding(section="recovery", code="unrecovered-failure",
                   severity=SERIOUS if serious else NOTABLE, title=title, detail=detail,
                   persona=f.persona, touchpoint=f.touchpoint, subject=f"step-{f.step + 1}",
                   file=f.file, line=f.line, col=f.col, cause=f.cause)  # fmt: skip


def _paradox_finding(view: View, f: Failure) -> Finding:
    steps = view.steps.get(f.persona, [])
    by = steps[f.recovered_by or 0]
    title = (
        f"Recovery paradox: {view.persona_name(f.persona)} feels {signed(f.after or 0)} after "
        f"{view.tp_name(by['touchpoint'])} puts right {view.tp_name(f.touchpoint)}, "
        f"above the {signed(f.before or 0)} before it went wrong"
    )
    detail = "A recovery done well can leave a guest happier than if nothing had failed."
    return Finding(section="recovery", code="recovery-paradox", severity=NOTE, title=title,
                   detail=detail, persona=f.persona, touchpoint=by["touchpoint"],
                   subject=f"step-{f.step + 1}", file=by.get("file", ""),
                   line=by.get("line", 0), col=by.get("col", 0))  # fmt: skip


def _unowned_finding(view: View, p: SeverePain) -> Finding:
    where = view.tp_name(p.touchpoint)
    title = (
        f"Nobody owns {where}, where {view.persona_name(p.persona)} hits a severe pain: {p.text}"
    )
    detail = "Give the touchpoint an `owner:` who can recover the moment on the spot."
    if p.moment_of_truth:
        detail = "A moment of truth. " + detail
    return Finding(section="recovery", code="unowned-severe-pain",
                   severity=CRITICAL if p.moment_of_truth else SERIOUS, title=title,
                   detail=detail, persona=p.persona, touchpoint=p.touchpoint, subject=p.text,
                   file=p.file, line=p.line, col=p.col)  # fmt: skip
