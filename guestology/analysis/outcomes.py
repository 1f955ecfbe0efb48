"""How a step went: the one home of the rule that a step **fails**.

A step fails when any of these holds (each is a reason the report gives):

- the guest feels bad there: ``emotion`` is -1 or lower;
- it carries a severe pain point (``severity: 3``);
- it delivers below its expectation's ``adequate`` end (``delivery < adequate``).

A failure is **recovered** when a later step of the same journey ``recovers`` its touchpoint:
that step recovers the latest earlier step at that touchpoint, when that step went wrong. Its
cause is ``external`` when any pain point of the failing step says ``cause: external`` (the
weather, a supplier, another guest): not our fault, but still our problem to recover.

Needs (``guestology.analysis.needs``) and recovery (``guestology.analysis.recovery``) both
read these rules; nothing here imports anything heavy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from guestology.analysis.serving import band
from guestology.graph_types import StepAttrs
from guestology.render.common import signed

LOW_EMOTION = -1
SEVERE = 3


def failure_reasons(step: StepAttrs) -> tuple[str, ...]:
    """Why a step fails, in the order above; empty when it does not."""
    reasons = []
    if step["emotion"] <= LOW_EMOTION:
        reasons.append(f"emotion {signed(step['emotion'])}")
    severe = sum(1 for pain in step["pain_points"] if pain.severity >= SEVERE)
    if severe:
        reasons.append("a severe pain" if severe == 1 else f"{severe} severe pains")
    if band(step["adequate"], step["desired"], step["delivery"]) == "below":
        reasons.append(f"delivery {step['delivery']} below the {step['adequate']} expected")
    return tuple(reasons)


def fails(step: StepAttrs) -> bool:
    return bool(failure_reasons(step))


def failure_cause(step: StepAttrs) -> str:
    """``external`` when a pain point of the step names an outside cause, else ``internal``."""
    external = any(pain.cause == "external" for pain in step["pain_points"])
    return "external" if external else "internal"


@dataclass(frozen=True)
class Outcome:
    """One failing step of a journey and what came of it."""

    step: int  # 0-based index of the failing step
    touchpoint: str
    reasons: tuple[str, ...]
    cause: str  # internal | external
    recovered_by: int | None = None  # the index of the step that recovers it

    @property
    def recovered(self) -> bool:
        return self.recovered_by is not None


def journey_outcomes(steps: Sequence[StepAttrs]) -> list[Outcome]:
    """Every failing step of one journey, with the later step that recovers it (if any)."""
    found: list[Outcome] = []
    latest: dict[str, int] = {}  # touchpoint -> its latest visit in ``found`` (-1: went well)
    for step in steps:
        target = step["recovers"]
        if target is not None and target in latest:
            i = latest.pop(target)
            if i >= 0 and not found[i].recovered:
                found[i] = Outcome(*_fields(found[i]), recovered_by=step["step"])
        latest[step["touchpoint"]] = -1
        reasons = failure_reasons(step)
        if reasons:
            latest[step["touchpoint"]] = len(found)
            found.append(Outcome(step["step"], step["touchpoint"], reasons, failure_cause(step)))
    return found


def _fields(o: Outcome) -> tuple[int, str, tuple[str, ...], str]:
    return o.step, o.touchpoint, o.reasons, o.cause
