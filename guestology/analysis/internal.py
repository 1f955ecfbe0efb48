"""Internal customers: happy cast, happy guests.

A cast persona (``kind: cast``) is an employee, a customer of the backstage. Their
touchpoints reach guests downstream: a touchpoint they visit that is onstage, or that
``supports`` (directly or through a chain) an onstage touchpoint. An unmet need or a low
moment of a cast persona is reported with the guest touchpoints it ends up touching.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS, Finding, located
from guestology.analysis.needs import NeedsSection, NeedStatus, needs_coverage
from guestology.analysis.view import View
from guestology.render.common import name_list, plural, signed

STATE = {"unmet": "unmet", "failed": "failed", "weak": "only weakly met"}


@dataclass(frozen=True)
class CastImpact:
    persona: str
    name: str
    coverage: float | None
    unmet: tuple[NeedStatus, ...]  # needs not met: unmet, failed or weak
    works_at: tuple[str, ...]  # the touchpoints their journey visits
    downstream: tuple[str, ...]  # onstage touchpoints their work reaches
    guests: tuple[str, ...]  # guest personas in scope visiting those
    mean_emotion: float | None


@dataclass
class InternalSection:
    cast: list[CastImpact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def downstream(view: View, start: list[str]) -> list[str]:
    """Onstage touchpoints reached from ``start`` (themselves included) through ``supports``."""
    seen, todo, out = set(), list(start), []
    while todo:
        tp = todo.pop(0)
        node = view.all_touchpoints.get(tp)
        if tp in seen or node is None:
            continue
        seen.add(tp)
        if node["visibility"] != "backstage":
            out.append(tp)
        todo.extend(node["supports"])
    return out


def internal_customers(view: View, needs: NeedsSection | None = None) -> InternalSection:
    needs = needs if needs is not None else needs_coverage(view)
    section = InternalSection()
    for pid in view.personas:
        if not view.is_cast(pid):
            continue
        impact = cast_impact(view, needs, pid)
        section.cast.append(impact)
        section.findings.extend(_need_findings(view, impact))
        section.findings.extend(_mood_findings(view, pid))
    return section


def cast_impact(view: View, needs: NeedsSection, pid: str) -> CastImpact:
    steps = view.steps.get(pid, [])
    works_at = list(dict.fromkeys(s["touchpoint"] for s in steps))
    reach = downstream(view, works_at)
    guests = {p for tp in reach for p in view.visitors(tp) if not view.is_cast(p)}
    cover = needs.of(pid)
    unmet = tuple(n for n in cover.needs if n.status != "met") if cover else ()
    mean = sum(s["emotion"] for s in steps) / len(steps) if steps else None
    return CastImpact(
        pid,
        view.persona_name(pid),
        cover.coverage if cover else None,
        unmet,
        tuple(works_at),
        tuple(reach),
        tuple(p for p in view.personas if p in guests),
        mean,
    )


def _reach(view: View, start: str, reach: list[str]) -> str:
    """How far a cast moment travels: ``happens in front of guests``, ``reaches 3 ...``."""
    if not reach:
        return "reaches no guest touchpoint"
    if reach == [start]:
        return "happens in front of guests"
    if len(reach) == 1:
        return f"reaches {view.tp_name(reach[0])}"
    return f"reaches {plural(len(reach), 'guest touchpoint')}"


def _need_findings(view: View, c: CastImpact) -> list[Finding]:
    out = []
    reach = _reach(view, c.works_at[0] if c.works_at else "", list(c.downstream))
    places = name_list([view.tp_name(tp) for tp in c.downstream]) or "none"
    for need in c.unmet:
        state = STATE[need.status]
        high, weak = need.priority == "high", need.status == "weak"
        severity = MINOR + high if weak else SERIOUS if high else NOTABLE
        title = f"Cast: {c.name}'s need '{need.text}' is {state}; their work {reach}"
        guests = name_list([view.persona_name(g) for g in c.guests]) or "none in scope"
        detail = f"Guest touchpoints downstream: {places}. Guests there: {guests}."
        out.append(
            Finding(
                section="internal",
                code="cast-need-unmet",
                severity=severity,
                title=title,
                detail=detail,
                persona=c.persona,
                touchpoint=c.downstream[0] if len(c.downstream) == 1 else None,
                subject=need.id,
                file=need.file,
                line=need.line,
                col=need.col,
            )
        )
    return out


def _mood_findings(view: View, pid: str) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for step in view.steps.get(pid, []):
        tp = step["touchpoint"]
        seen[tp] = seen.get(tp, 0) + 1
        if step["emotion"] > -1:
            continue
        reach = downstream(view, [tp])
        title = (
            f"Cast: {view.persona_name(pid)} feels {signed(step['emotion'])} at {view.tp_name(tp)}"
        )
        title += f", which {_reach(view, tp, reach)}"
        places = name_list([view.tp_name(t) for t in reach]) or "none"
        out.append(
            Finding(
                section="internal",
                code="unhappy-cast",
                severity=NOTABLE if reach else MINOR,
                title=title,
                detail=f"Happy cast, happy guests: this mood shows onstage at {places}.",
                persona=pid,
                touchpoint=tp,
                subject=f"visit-{seen[tp]}",
                **located(step),
            )
        )
    return out
