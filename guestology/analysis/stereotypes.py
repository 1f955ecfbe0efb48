"""Stereotypes (the Compass's South): preconceptions to counter, and good ones to reinforce.

For every stereotype of every persona in scope, the touchpoints whose steps ``counters`` it
and those whose steps ``reinforces`` it. A negative stereotype that no step counters stays
in the guest's head; a touchpoint that reinforces a negative one proves it right (the worst
case); a positive one reinforced is the brand doing its work. Countering a positive
stereotype is breaking a good promise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from guestology.analysis.findings import NOTABLE, NOTE, SERIOUS, Finding, located
from guestology.analysis.view import View
from guestology.graph_types import RefKind, StepAttrs, StereotypeAttrs


@dataclass(frozen=True)
class StereotypeStatus:
    persona: str
    id: str
    text: str
    valence: str  # positive | negative
    countered_by: tuple[str, ...] = ()  # touchpoint ids, journey order
    reinforced_by: tuple[str, ...] = ()
    countered_at: tuple[int, ...] = ()  # step indexes (0-based)
    reinforced_at: tuple[int, ...] = ()
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class StereotypesSection:
    stereotypes: list[StereotypeStatus] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @cached_property
    def _by_persona(self) -> dict[str, list[StereotypeStatus]]:
        found: dict[str, list[StereotypeStatus]] = {}
        for s in self.stereotypes:
            found.setdefault(s.persona, []).append(s)
        return found

    def of(self, persona: str) -> list[StereotypeStatus]:
        """A persona's stereotypes, in compass order."""
        return self._by_persona.get(persona, [])


def stereotype_findings(view: View) -> StereotypesSection:
    section = StereotypesSection()
    for pid in view.personas:
        steps = view.steps.get(pid, [])
        for item in view.items.get(pid, {}).values():
            if item["kind"] != "stereotype":
                continue
            status = stereotype_status(pid, item, steps)
            section.stereotypes.append(status)
            section.findings.extend(_findings(view, status, steps))
    return section


def stereotype_status(
    persona: str, item: StereotypeAttrs, steps: list[StepAttrs]
) -> StereotypeStatus:
    def where(field_name: RefKind) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s["touchpoint"] for s in steps if item["id"] in s[field_name]))

    def at(field_name: RefKind) -> tuple[int, ...]:
        return tuple(s["step"] for s in steps if item["id"] in s[field_name])

    return StereotypeStatus(
        persona,
        item["id"],
        item["text"],
        item.get("valence") or "negative",
        where("counters"),
        where("reinforces"),
        at("counters"),
        at("reinforces"),
        **located(item),
    )


def _findings(view: View, s: StereotypeStatus, steps: list[StepAttrs]) -> list[Finding]:
    who, out = view.persona_name(s.persona), []
    base: dict[str, Any] = {"section": "stereotypes", "persona": s.persona, "subject": s.id}
    item_where: dict[str, Any] = {"file": s.file, "line": s.line, "col": s.col}
    negative = s.valence == "negative"
    if negative and not s.countered_by:
        out.append(
            Finding(
                code="uncountered-stereotype",
                severity=NOTABLE,
                title=f"{who}: no step counters '{s.text}'",
                detail="A negative preconception left standing colours every "
                "moment that seems to confirm it.",
                **base,
                **item_where,
            )
        )
    confirming = s.reinforced_by if negative else s.countered_by
    field: RefKind = "reinforces" if negative else "counters"
    for tp in confirming:
        visits = [x for x in steps if x["touchpoint"] == tp and s.id in x[field]]
        step = visits[0]
        verb = "reinforces" if negative else "counters"
        code = "reinforced-negative-stereotype" if negative else "countered-positive-stereotype"
        title = f"{view.tp_name(tp)} {verb} {who}'s {s.valence} stereotype '{s.text}'"
        detail, severity = "A good belief broken.", NOTABLE
        if negative:  # the belief's last word matters: is it answered after this?
            detail, severity = _answered(view, s, visits[-1]["step"], steps)
        out.append(
            Finding(
                code=code,
                severity=severity,
                title=title,
                detail=detail,
                touchpoint=tp,
                **base,
                **located(step),
            )
        )
    if not negative:
        places = ", ".join(view.tp_name(tp) for tp in s.reinforced_by)
        title = f"{who}: positive stereotype '{s.text}' is " + (
            f"reinforced at {places}" if places else "reinforced by no step"
        )
        code = "positive-stereotype-reinforced" if places else "positive-stereotype-unused"
        out.append(Finding(code=code, severity=NOTE, title=title, **base, **item_where))
    return out


def _answered(
    view: View, s: StereotypeStatus, last: int, steps: list[StepAttrs]
) -> tuple[str, int]:
    """Detail and severity of a negative stereotype reinforced up to step ``last``: notable
    when a later step counters it (the journey answers it), else serious."""
    later = [i for i in s.countered_at if i > last]
    if not later:
        return "It proves the preconception right, and no later step counters it.", SERIOUS
    where = view.tp_name(next(x["touchpoint"] for x in steps if x["step"] == later[0]))
    return (
        f"It proves the preconception right; step {later[0] + 1} ({where}) counters it later.",
        NOTABLE,
    )
