"""Needs coverage per persona (the Compass's North and West): met, weak, failed, unmet.

A step serves the needs and wants it lists, and a step serving a want also serves the needs
that want is ``for`` (``guestology.analysis.serving``, the rule validation uses too). How a
serving step went counts (``guestology.analysis.outcomes``: a step **fails** at emotion -1
or lower, with a severity-3 pain, or delivering below expectation). A need is

- **unmet** when no step serves it;
- **failed** when every step serving it fails and no later step recovers any of them;
- **weak** when some serving step fails (or all do, but a later step recovers one);
- **met** otherwise: every step serving it goes well.

The coverage figure weighs needs by priority (high 3, medium 2, low 1) and credits a met
need 1, a weak one 1/2 and a failed or unmet one 0: 100% means every need is met.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from guestology.analysis.findings import MINOR, NOTABLE, NOTE, SERIOUS, Finding, located
from guestology.analysis.outcomes import Outcome, journey_outcomes
from guestology.analysis.serving import serving_steps
from guestology.analysis.view import View
from guestology.graph_types import NeedAttrs, StepAttrs, WantAttrs
from guestology.render.common import name_list

WEIGHTS = {"high": 3, "medium": 2, "low": 1}
STATUSES = ("met", "weak", "failed", "unmet")
CREDIT = {"met": 1.0, "weak": 0.5, "failed": 0.0, "unmet": 0.0}
UNMET = {"high": SERIOUS, "medium": NOTABLE, "low": MINOR}  # failed too; weak: one less


@dataclass(frozen=True)
class NeedStatus:
    """One need or want of one persona, and how the journey serves it."""

    persona: str
    id: str
    kind: str  # need | want
    text: str
    priority: str
    status: str  # met | weak | failed | unmet
    touchpoints: tuple[str, ...] = ()  # the serving steps' touchpoints, in journey order
    steps: tuple[int, ...] = ()  # the serving steps' indexes (0-based)
    direct: tuple[str, ...] = ()  # touchpoints whose steps name it in ``serves`` themselves
    failing: tuple[int, ...] = ()  # the serving steps that fail (indexes)
    failing_at: tuple[str, ...] = ()  # their touchpoints, each once
    reasons: tuple[str, ...] = ()  # why they fail (each reason once)
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class PersonaCoverage:
    persona: str
    name: str
    kind: str  # guest | cast
    items: list[NeedStatus] = field(default_factory=list)
    coverage: float | None = None  # 0..1, priority-weighted over needs; None without needs

    @property
    def needs(self) -> list[NeedStatus]:
        return [i for i in self.items if i.kind == "need"]

    def count(self, status: str, kind: str = "need") -> int:
        return sum(1 for i in self.items if i.kind == kind and i.status == status)


@dataclass
class NeedsSection:
    personas: list[PersonaCoverage] = field(default_factory=list)
    coverage: float | None = None  # priority-weighted over every need in scope
    findings: list[Finding] = field(default_factory=list)

    # Look-ups for renderers (built on first use, once the section is complete; not fields,
    # so the JSON report leaves them out).
    @cached_property
    def _by_persona(self) -> dict[str, PersonaCoverage]:
        return {p.persona: p for p in self.personas}

    @cached_property
    def _by_item(self) -> dict[tuple[str, str], NeedStatus]:
        return {(i.persona, i.id): i for p in self.personas for i in p.items}

    def of(self, persona: str) -> PersonaCoverage | None:
        return self._by_persona.get(persona)

    def status(self, persona: str, item: str) -> NeedStatus | None:
        """One need's or want's status (``None`` when the persona is out of scope)."""
        return self._by_item.get((persona, item))


def needs_coverage(view: View) -> NeedsSection:
    section = NeedsSection()
    for pid in view.personas:
        cover = persona_coverage(view, pid)
        section.personas.append(cover)
        section.findings.extend(_findings(view, cover))
    section.coverage = coverage_figure([n for c in section.personas for n in c.needs])
    return section


def need_status(found: list[StepAttrs], outcomes: dict[int, Outcome]) -> str:
    """``met``, ``weak``, ``failed`` or ``unmet`` from the serving steps and the failures."""
    if not found:
        return "unmet"
    failing = [outcomes[s["step"]] for s in found if s["step"] in outcomes]
    if not failing:
        return "met"
    if len(failing) == len(found) and not any(o.recovered for o in failing):
        return "failed"
    return "weak"


def persona_coverage(
    view: View, persona: str, steps: list[StepAttrs] | None = None
) -> PersonaCoverage:
    """How a persona's journey (or ``steps``: its future journey) serves its needs and wants."""
    steps = view.steps.get(persona, []) if steps is None else steps
    items = view.items.get(persona, {})
    wanted: dict[str, NeedAttrs | WantAttrs] = {
        i: data for i, data in items.items() if data["kind"] in ("need", "want")
    }
    serving = serving_steps([s["serves"] for s in steps], view.refines.get(persona, {}), wanted)
    outcomes = {o.step: o for o in journey_outcomes(steps)}
    attrs = view.personas[persona]
    cover = PersonaCoverage(persona, view.persona_name(persona), attrs["persona_kind"])
    for item_id, item in wanted.items():
        found = [steps[i] for i in serving[item_id]]
        status = need_status(found, outcomes)
        tps = tuple(dict.fromkeys(s["touchpoint"] for s in found))
        direct = tuple(dict.fromkeys(s["touchpoint"] for s in found if item_id in s["serves"]))
        failing = tuple(s["step"] for s in found if s["step"] in outcomes)
        failing_at = tuple(dict.fromkeys(steps[i]["touchpoint"] for i in failing))
        reasons = tuple(dict.fromkeys(r for i in failing for r in outcomes[i].reasons))
        where = located(item)
        cover.items.append(
            NeedStatus(
                persona,
                item["id"],
                item["kind"],
                item["text"],
                item["priority"],
                status,
                tps,
                tuple(s["step"] for s in found),
                direct,
                failing,
                failing_at,
                reasons,
                **where,
            )
        )
    cover.coverage = coverage_figure(cover.needs)
    return cover


def coverage_figure(needs: list[NeedStatus]) -> float | None:
    """Priority-weighted share of needs met (a weak one counts half)."""
    total = sum(WEIGHTS.get(n.priority, 2) for n in needs)
    if not total:
        return None
    return sum(WEIGHTS.get(n.priority, 2) * CREDIT[n.status] for n in needs) / total


def _findings(view: View, cover: PersonaCoverage) -> list[Finding]:
    return [_finding(view, cover, item) for item in cover.items if item.status != "met"]


def _finding(view: View, cover: PersonaCoverage, item: NeedStatus) -> Finding:
    """``unmet-``, ``failed-`` or ``weak-`` ``need``/``want`` for one item."""
    need, high = item.kind == "need", item.priority == "high"
    what = f"{item.priority}-priority {item.kind} '{item.text}'" if need else f"want '{item.text}'"
    failing = item.failing_at
    places = name_list([view.tp_name(tp) for tp in failing])
    why = "; ".join(item.reasons)
    touchpoint = failing[0] if len(failing) == 1 else None
    if item.status == "unmet":
        severity = UNMET[item.priority] if need else NOTE + high
        title = f"{cover.name}: {what} is served by no step"
        detail = "No journey step serves it" + (" (nor any want refining it)." if need else ".")
    elif item.status == "failed":
        severity = UNMET[item.priority] if need else NOTE + high
        title = f"{cover.name}: {what} fails at every step serving it ({places})"
        detail = f"It is served, but it goes wrong there ({why}) and no later step recovers it."
    else:
        severity = UNMET[item.priority] - 1 if need else NOTE
        title = f"{cover.name}: {what} is only weakly met (it fails at {places})"
        served = name_list([view.tp_name(tp) for tp in item.touchpoints])
        detail = f"Served at {served}; at {places} it goes wrong ({why})"
        detail += "; a later step recovers it." if len(failing) == len(item.touchpoints) else "."
    return Finding(section="needs", code=f"{item.status}-{item.kind}", severity=severity,
                   title=title, detail=detail, persona=cover.persona, touchpoint=touchpoint,
                   subject=item.id, file=item.file, line=item.line, col=item.col)  # fmt: skip
