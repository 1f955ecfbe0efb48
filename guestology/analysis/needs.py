"""Needs coverage per persona (the Compass's North and West): served, weakly met, unmet.

A step serves the needs and wants it lists, and a step serving a want also serves the needs
that want is ``for`` (``guestology.analysis.serving``, the rule validation uses too). A need is

- **unmet** when no step serves it;
- **weakly met** when every serving step delivers below expectation (``delivery`` under the
  ``adequate`` end of the expectation; a step without both figures is not "below");
- **served** otherwise.

The coverage figure weighs needs by priority (high 3, medium 2, low 1) and credits a served
need 1, a weakly met one 1/2 and an unmet one 0: 100% means every need is served.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from guestology.analysis.findings import MINOR, NOTABLE, NOTE, SERIOUS, Finding, located
from guestology.analysis.serving import band, serving_steps
from guestology.analysis.view import View
from guestology.graph_types import NeedAttrs, StepAttrs, WantAttrs

WEIGHTS = {"high": 3, "medium": 2, "low": 1}
CREDIT = {"served": 1.0, "weak": 0.5, "unmet": 0.0}
UNMET = {"high": SERIOUS, "medium": NOTABLE, "low": MINOR}  # weakly met: one less


@dataclass(frozen=True)
class NeedStatus:
    """One need or want of one persona, and how the journey serves it."""

    persona: str
    id: str
    kind: str  # need | want
    text: str
    priority: str
    status: str  # served | weak | unmet
    touchpoints: tuple[str, ...] = ()  # the serving steps' touchpoints, in journey order
    steps: tuple[int, ...] = ()  # the serving steps' indexes (0-based)
    direct: tuple[str, ...] = ()  # touchpoints whose steps name it in ``serves`` themselves
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


def is_below(step: StepAttrs) -> bool:
    """Whether a step delivers below the ``adequate`` end of its expectation."""
    return band(step["adequate"], step["desired"], step["delivery"]) == "below"


def persona_coverage(view: View, persona: str) -> PersonaCoverage:
    steps = view.steps.get(persona, [])
    items = view.items.get(persona, {})
    wanted: dict[str, NeedAttrs | WantAttrs] = {
        i: data for i, data in items.items() if data["kind"] in ("need", "want")
    }
    serving = serving_steps([s["serves"] for s in steps], view.refines.get(persona, {}), wanted)
    attrs = view.personas[persona]
    cover = PersonaCoverage(persona, view.persona_name(persona), attrs["persona_kind"])
    for item_id, item in wanted.items():
        found = [steps[i] for i in serving[item_id]]
        status = "unmet" if not found else "weak" if all(map(is_below, found)) else "served"
        tps = tuple(dict.fromkeys(s["touchpoint"] for s in found))
        direct = tuple(dict.fromkeys(s["touchpoint"] for s in found if item_id in s["serves"]))
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
                **where,
            )
        )
    cover.coverage = coverage_figure(cover.needs)
    return cover


def coverage_figure(needs: list[NeedStatus]) -> float | None:
    """Priority-weighted share of needs served (weakly met counts half)."""
    total = sum(WEIGHTS.get(n.priority, 2) for n in needs)
    if not total:
        return None
    return sum(WEIGHTS.get(n.priority, 2) * CREDIT[n.status] for n in needs) / total


def _findings(view: View, cover: PersonaCoverage) -> list[Finding]:
    return [_finding(cover, item) for item in cover.items if item.status != "served"]


def _finding(cover: PersonaCoverage, item: NeedStatus) -> Finding:
    """``unmet-need``/``unmet-want`` or ``weak-need``/``weak-want`` for one item."""
    need, high = item.kind == "need", item.priority == "high"
    touchpoint = None
    if item.status == "unmet":
        severity = UNMET[item.priority] if need else NOTE + high
        title = (
            f"{cover.name}: {item.priority}-priority {item.kind} '{item.text}' is served by no step"
        )
        detail = "No journey step serves it" + (" (nor any want refining it)." if need else ".")
    else:
        severity = UNMET[item.priority] - 1 if need else NOTE
        title = f"{cover.name}: {item.kind} '{item.text}' is only weakly met"
        title += " (delivery below expectation)"
        detail = f"Every step serving it delivers below expectation: {', '.join(item.touchpoints)}."
        touchpoint = item.touchpoints[0] if len(item.touchpoints) == 1 else None
    return Finding(section="needs", code=f"{item.status}-{item.kind}", severity=severity,
                   title=title, detail=detail, persona=cover.persona, touchpoint=touchpoint,
                   subject=item.id, file=item.file, line=item.line, col=item.col)  # fmt: skip
