"""Cross-file rules: assemble the ``Workspace`` from validated files, check ids and references.

Every reference that resolves to nothing is an error with "did you mean ...?"; every duplicate
id names the place of the first one. Stages come from the service file, or else in the order
in which they first appear in the journeys. A persona's ``future:`` journey is checked as its
``journey:`` is (touchpoints, compass ids, ``recovers``, pain keys, evidence).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from guestology.duplicates import dedupe_references
from guestology.hints import suggest_id
from guestology.model import (
    Item,
    Node,
    PainPoint,
    Persona,
    Service,
    Stage,
    Step,
    Touchpoint,
    Workspace,
)
from guestology.problems import Problem, did_you_mean, error

COMPASS_REFS = {  # step field -> (compass kinds it may name, what to call them)
    "serves": ({"need", "want"}, "need or want"),
    "evokes": ({"emotion"}, "emotion"),
    "counters": ({"stereotype"}, "stereotype"),
    "reinforces": ({"stereotype"}, "stereotype"),
}


def _at(node: Node, key: str | None = None, index: int | None = None) -> str:
    path, (line, col) = node.where(key, index)
    return f"{path}:{line}:{col}"


def _duplicate(node: Node, what: str, ident: str, first: Node, key: str = "id") -> Problem:
    path, pos = node.where(key)
    msg = f"duplicate {what} id `{ident}` (first defined at {_at(first, key)})"
    return error(path, pos, "duplicate-id", msg)


def _unknown(
    node: Node,
    key: str,
    index: int | None,
    what: str,
    ref: str,
    known: Iterable[str],
    names: dict[str, str] | None = None,
) -> Problem:
    """``unknown-<what>`` for a workspace reference; ``unknown-compass-id`` for a compass one."""
    path, pos = node.where(key, index)
    msg = f"unknown {what} `{ref}`{suggest_id(ref, known, names)}"  # a name: its id
    code = f"unknown-{what}" if what in ("stage", "channel", "key", "touchpoint") else ""
    return error(path, pos, code or "unknown-compass-id", msg)


def build_workspace(
    root: Path, service: Service | None, personas: list[Persona], broken_ids: set[str]
) -> tuple[Workspace, list[Problem]]:
    """The workspace model and the cross-reference errors of its files.

    ``broken_ids`` are ids defined in files that failed their schema check: references to them
    are not reported again. A list of references naming one id twice is a warning, and the
    copies are dropped from the model (``dedupe_references``) before anything else reads it.
    """
    problems: list[Problem] = []
    service = service or Service(service=root.resolve().name)
    holders: list[Service | Persona] = [service, *personas]
    for holder in holders:
        problems += dedupe_references(holder)
    touchpoints: dict[str, Touchpoint] = {}
    people: dict[str, Persona] = {}
    for persona in personas:
        if persona.id in people:
            problems.append(
                _duplicate(persona, "persona", persona.id, people[persona.id], "persona")
            )
            continue
        people[persona.id] = persona
    for tp in [*service.touchpoints, *(t for p in people.values() for t in p.touchpoints)]:
        if tp.id in touchpoints:
            problems.append(_duplicate(tp, "touchpoint", tp.id, touchpoints[tp.id]))
        else:
            touchpoints[tp.id] = tp
    stages = _stages(service, touchpoints, people, problems)
    ws = Workspace(root, service, stages, touchpoints, people)
    problems += check_touchpoints(ws, broken_ids) + check_sources(service)
    for persona in people.values():
        problems += check_persona(persona, ws, broken_ids)
    return ws, problems


def _stages(
    service: Service, tps: dict[str, Touchpoint], people: dict[str, Persona], out: list[Problem]
) -> list[Stage]:
    if service.stages is not None:
        seen: dict[str, Stage] = {}
        for stage in service.stages:
            if stage.id in seen:
                out.append(_duplicate(stage, "stage", stage.id, seen[stage.id]))
            seen.setdefault(stage.id, stage)
        return list(seen.values())
    order: dict[str, None] = {}
    for persona in people.values():
        for step in persona.journey:
            if step.touchpoint in tps:
                order.setdefault(tps[step.touchpoint].stage)
    for tp in tps.values():
        order.setdefault(tp.stage)
    return [Stage(id=s, name=s) for s in order]  # any text: a stage names it


def check_touchpoints(ws: Workspace, broken_ids: set[str]) -> list[Problem]:
    out: list[Problem] = []
    stage_ids = {s.id for s in ws.stages}
    for field, values in (("channels", ws.service.channels), ("keys", ws.service.keys)):
        for i, value in enumerate(values):
            if value in values[:i]:
                path, pos = ws.service.where(field, i)
                out.append(error(path, pos, "duplicate-id", f"`{value}` is listed twice"))
    for tp in ws.touchpoints.values():
        if tp.stage not in stage_ids:
            names = {s.id: s.name for s in ws.stages}
            out.append(_unknown(tp, "stage", None, "stage", tp.stage, stage_ids, names))
        if tp.channel is not None and tp.channel not in ws.service.channels:
            out.append(_unknown(tp, "channel", None, "channel", tp.channel, ws.service.channels))
        for i, key in enumerate(tp.keys):
            if key not in ws.service.keys:
                out.append(_unknown(tp, "keys", i, "key", key, ws.service.keys))
        for i, target in enumerate(tp.supports):
            if target not in ws.touchpoints and target not in broken_ids:
                out.append(_unknown(tp, "supports", i, "touchpoint", target, ws.touchpoints))
    return out


def check_sources(service: Service) -> list[Problem]:
    """Source ids are unique (``kind``, ``n`` and the rest are the model's job)."""
    out: list[Problem] = []
    seen: dict[str, Node] = {}
    for source in service.sources:
        if source.id in seen:
            out.append(_duplicate(source, "source", source.id, seen[source.id]))
        seen.setdefault(source.id, source)
    return out


def check_persona(persona: Persona, ws: Workspace, broken_ids: set[str]) -> list[Problem]:
    out: list[Problem] = []
    kinds: dict[str, str] = {}
    first: dict[str, Node] = {}
    sources = _Sources(ws, broken_ids)
    out += sources.check(persona)
    for kind, item in persona.compass.items():
        out += sources.check(item)
        if item.id in kinds:
            out.append(_duplicate(item, "compass item", item.id, first[item.id]))
            continue
        kinds[item.id], first[item.id] = kind, item
    needs = [i for i, k in kinds.items() if k == "need"]
    for want in persona.compass.wants:
        for i, ref in enumerate(want.for_):
            if kinds.get(ref) != "need":
                out.append(_wrong_ref(want, "for", i, ref, "need", kinds, needs))
    for journey, steps in (("journey", persona.journey), ("future journey", persona.future)):
        visited: dict[str, None] = {}  # the touchpoints of the steps so far, in order
        for step in steps:
            out += _check_step(step, visited, journey, kinds, ws, broken_ids)
            visited.setdefault(step.touchpoint)
            out += sources.check(step)
            for pain in step.pain_points:
                out += sources.check(pain)
    return out


def _check_step(
    step: Step,
    visited: dict[str, None],
    journey: str,
    kinds: dict[str, str],
    ws: Workspace,
    broken_ids: set[str],
) -> list[Problem]:
    """One step's references: touchpoint, compass ids, ``recovers`` and its pains' keys."""
    out: list[Problem] = []
    touchpoints = ws.touchpoints
    if step.touchpoint not in touchpoints and step.touchpoint not in broken_ids:
        names = {t.id: t.name for t in touchpoints.values()}
        out.append(_unknown(step, "touchpoint", None, "touchpoint", step.touchpoint, names, names))
    for field, (allowed, what) in COMPASS_REFS.items():
        for i, ref in enumerate(getattr(step, field)):
            if kinds.get(ref) not in allowed:
                known = [i for i, k in kinds.items() if k in allowed]
                out.append(_wrong_ref(step, field, i, ref, what, kinds, known))
    if step.recovers is not None and step.recovers not in visited:
        path, pos = step.where("recovers")
        msg = f"`recovers: {step.recovers}` names no touchpoint visited earlier in this {journey}"
        hint = did_you_mean(step.recovers, visited).replace("(known:", "(visited earlier:")
        msg += hint if visited else " (it is the first step)"
        out.append(error(path, pos, "bad-recovers", msg))
    keys = ws.service.keys
    for pain in step.pain_points:
        if pain.key is not None and pain.key not in keys and pain.key not in broken_ids:
            out.append(_unknown(pain, "key", None, "key", pain.key, keys))
    return out


class _Sources:
    """Checks ``evidence`` lists against the service file's ``sources:``."""

    def __init__(self, ws: Workspace, broken_ids: set[str]) -> None:
        self.known = {s.id: s for s in ws.service.sources}
        self.broken_ids = broken_ids

    def check(self, node: Persona | Item | Step | PainPoint) -> list[Problem]:
        out = []
        for i, entry in enumerate(node.evidence):
            ref = entry if isinstance(entry, str) else entry.source
            if ref in self.known or ref in self.broken_ids:
                continue
            path, pos = (
                node.where("evidence", i) if isinstance(entry, str) else entry.where("source")
            )
            msg = f"unknown source `{ref}`{did_you_mean(ref, self.known)}"
            if not self.known:
                msg += ": declare it in the service file's `sources:`"
            out.append(error(path, pos, "unknown-source", msg))
        return out


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _wrong_ref(
    node: Node, key: str, index: int, ref: str, what: str, kinds: dict[str, str], known: list[str]
) -> Problem:
    if ref in kinds:
        path, pos = node.where(key, index)
        msg = f"`{ref}` is {_a(kinds[ref])} of this persona, not {_a(what)}"
        return error(path, pos, "wrong-kind", msg)
    return _unknown(node, key, index, what, ref, known)
