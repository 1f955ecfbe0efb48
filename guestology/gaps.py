"""The warnings of docs/format.md: gaps a designer wants to see, which leave a file valid.

- ``unmet-need``: a need that no journey step serves (serving a want ``for`` it counts);
- ``orphan-touchpoint``: a touchpoint that no journey visits and that supports nothing
  a journey visits;
- ``uncountered-stereotype``: a negative stereotype that no step of its persona counters;
- ``dip-without-opportunity``: a step with emotion <= -1 and no opportunity;
- ``moment-of-truth-underdelivered``: a moment of truth delivering below expectation
  (below the ``adequate`` end of a zone of tolerance);
- ``unowned-severe-pain``: a pain point of severity 3 at a touchpoint with no owner;
- ``planned-in-journey``: a current journey step at a touchpoint whose ``status`` is planned;
- ``retired-in-future``: a ``future:`` step at a touchpoint whose ``status`` is retired.

The gaps are about today: a ``future:`` journey is a design, so it serves no need, counters
no stereotype and raises no step warning; it does count as a visit (a touchpoint only the
future visits is no orphan), and a retired touchpoint is never an orphan.
"""

from __future__ import annotations

from guestology.analysis.serving import persona_serving
from guestology.model import Workspace
from guestology.problems import Problem, warning

STATUS_ADVICE = {
    "planned": ": move the step to `future:`, or make the touchpoint `status: live`",
    "retired": ": the future journey cannot rely on it",
}


def find_gaps(ws: Workspace, complete: bool = True) -> list[Problem]:
    """Every warning; orphans only when ``complete`` (no file was left out for its errors)."""
    orphans = orphan_touchpoints(ws) if complete else []
    gaps = [*unmet_needs(ws), *orphans, *uncountered_stereotypes(ws), *step_gaps(ws)]
    return gaps + status_gaps(ws)


def unmet_needs(ws: Workspace) -> list[Problem]:
    out = []
    for persona in ws.personas.values():
        serving = persona_serving(persona)
        for need in persona.compass.needs:
            if not serving.get(need.id):
                msg = f"need `{need.id}` of `{persona.id}` is served by no journey step"
                out.append(warning(*need.where(), "unmet-need", msg))
    return out


def orphan_touchpoints(ws: Workspace) -> list[Problem]:
    visited = {s.touchpoint for p in ws.personas.values() for s in (*p.journey, *p.future)}
    out = []
    for tp in ws.touchpoints.values():
        if tp.status == "retired":
            continue
        if tp.id not in visited and not visited.intersection(tp.supports):
            msg = f"touchpoint `{tp.id}` is visited by no journey and supports none that is"
            out.append(warning(*tp.where(), "orphan-touchpoint", msg))
    return out


def uncountered_stereotypes(ws: Workspace) -> list[Problem]:
    out = []
    for persona in ws.personas.values():
        countered = {ref for step in persona.journey for ref in step.counters}
        for item in persona.compass.stereotypes:
            if item.valence == "negative" and item.id not in countered:
                msg = f"negative stereotype `{item.id}` of `{persona.id}` is countered by no step"
                out.append(warning(*item.where(), "uncountered-stereotype", msg))
    return out


def step_gaps(ws: Workspace) -> list[Problem]:
    out = []
    for persona in ws.personas.values():
        for index, step in enumerate(persona.journey, start=1):
            tp = ws.touchpoints.get(step.touchpoint)
            where = f"step {index} of `{persona.id}` at `{step.touchpoint}`"
            if step.emotion <= -1 and not step.opportunities:
                msg = f"{where} feels {step.emotion:+d} and lists no opportunity"
                out.append(warning(*step.where("emotion"), "dip-without-opportunity", msg))
            if tp is None:
                continue
            expected, delivered = step.expectation, step.delivery
            if tp.moment_of_truth and expected and delivered and delivered < expected.adequate:
                msg = f"moment of truth: {where} delivers {delivered}, "
                msg += f"below the expected {expected.adequate}"
                code = "moment-of-truth-underdelivered"
                out.append(warning(*step.where("delivery"), code, msg))
            if tp.owner is None:
                for pain in step.pain_points:
                    if pain.severity == 3:
                        msg = f"{where}: a severity-3 pain point, and `{tp.id}` has no owner"
                        out.append(warning(*pain.where(), "unowned-severe-pain", msg))
    return out


def status_gaps(ws: Workspace) -> list[Problem]:
    """Planned touchpoints in today's journeys, retired ones in the future journeys."""
    out = []
    for persona in ws.personas.values():
        for steps, status in ((persona.journey, "planned"), (persona.future, "retired")):
            for index, step in enumerate(steps, start=1):
                tp = ws.touchpoints.get(step.touchpoint)
                if tp is None or tp.status != status:
                    continue
                where = "step" if status == "planned" else "future step"
                msg = f"{where} {index} of `{persona.id}` visits `{tp.id}`, which is {status}"
                msg += STATUS_ADVICE[status]
                code = "planned-in-journey" if status == "planned" else "retired-in-future"
                out.append(warning(*step.where("touchpoint"), code, msg))
    return out
