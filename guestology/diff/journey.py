"""A persona's journey before and after: steps matched, then compared step by step.

Steps have no ids. They are matched by touchpoint and visit (the n-th visit of a touchpoint)
over the longest common subsequence of the two touchpoint sequences (``difflib``), so a step
inserted early does not make every later step "changed". A step that left the common
subsequence but visits the same touchpoint on both sides has **moved**.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from guestology.analysis.serving import persona_serving
from guestology.diff.changes import Change
from guestology.diff.details import step_details
from guestology.model import Expectation, Persona, Step
from guestology.render.common import signed


@dataclass(frozen=True)
class Matching:
    pairs: list[tuple[int, int]]  # (old index, new index), kept in place
    moved: list[tuple[int, int]]
    removed: list[int]
    added: list[int]


def match_steps(old: list[str], new: list[str]) -> Matching:
    """Match two touchpoint sequences: kept, moved, removed and added step indexes."""
    pairs: list[tuple[int, int]] = []
    removed: list[int] = []
    added: list[int] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            removed.extend(range(i1, i2))
            added.extend(range(j1, j2))
    moved = []
    for i in list(removed):
        j = next((j for j in added if new[j] == old[i]), None)
        if j is not None:
            moved.append((i, j))
            removed.remove(i)
            added.remove(j)
    return Matching(pairs, moved, removed, added)


def visits(journey: list[Step]) -> list[int]:
    """The visit number of each step: 1 for a touchpoint's first visit, 2 for its second..."""
    seen: dict[str, int] = {}
    out = []
    for step in journey:
        seen[step.touchpoint] = seen.get(step.touchpoint, 0) + 1
        out.append(seen[step.touchpoint])
    return out


def step_name(journey: list[Step], index: int, was: int | None = None) -> str:
    """``step 5 `parking-return```, with ``(2nd visit)`` and ``(was step 4)`` when useful."""
    tp = journey[index].touchpoint
    text = f"step {index + 1} `{tp}`"
    visit = visits(journey)[index]
    if visit > 1 or sum(1 for s in journey if s.touchpoint == tp) > 1:
        text += f" (visit {visit})"
    if was is not None and was != index:
        text += f" (was step {was + 1})"
    return text


def subject(journey: list[Step], index: int) -> str:
    return f"{journey[index].touchpoint}#{visits(journey)[index]}"


def journey_changes(old: Persona, new: Persona, explained: Iterable[str] = ()) -> list[Change]:
    """Steps added, removed, moved; emotion, expectation/delivery and detail changes.

    ``explained``: need ids whose met/unmet change already tells why a step's ``serves``
    changed.
    """
    a, b = old.journey, new.journey
    m = match_steps([s.touchpoint for s in a], [s.touchpoint for s in b])
    out = []
    for i in m.removed:
        text = f"{step_name(a, i)} removed (emotion {signed(a[i].emotion)})"
        out.append(Change("step-removed", subject(a, i), text, before=i + 1))
    for j in m.added:
        text = f"{step_name(b, j)} added (emotion {signed(b[j].emotion)})"
        out.append(Change("step-added", subject(b, j), text, after=j + 1))
    for i, j in m.moved:
        text = f"step `{b[j].touchpoint}` moved from step {i + 1} to step {j + 1}"
        out.append(Change("step-moved", subject(b, j), text, before=i + 1, after=j + 1))
    for i, j in sorted([*m.pairs, *m.moved], key=lambda p: p[1]):
        out.extend(_step_changes(a, b, i, j, set(explained)))
    return out


def _step_changes(
    a: list[Step], b: list[Step], i: int, j: int, explained: set[str]
) -> list[Change]:
    old, new, name, key = a[i], b[j], step_name(b, j, was=i), subject(b, j)
    out = []
    if old.emotion != new.emotion:
        delta = new.emotion - old.emotion
        text = f"{name}: emotion {signed(old.emotion)} -> {signed(new.emotion)} ({signed(delta)})"
        out.append(Change("emotion-changed", key, text, old.emotion, new.emotion))
    gap = _gap_change(old, new)
    if gap:
        out.append(Change("gap-changed", key, f"{name}: {gap}", _gap(old), _gap(new)))
    details = step_details(old, new, explained)
    out.extend(Change("step-details", key, f"{name}: {text}") for text in details)
    return out


def _expected(e: Expectation | None) -> str:
    if e is None:
        return "none"
    return str(e.adequate) if not e.is_zone else f"{e.adequate}..{e.desired}"


def _gap(step: Step) -> dict[str, object]:
    e = step.expectation
    return {
        "adequate": e.adequate if e else None,
        "desired": e.desired if e else None,
        "delivery": step.delivery,
        "verdict": verdict(step),
    }


def verdict(step: Step) -> str | None:
    """Delivery against expectation: under-delivers, meets or over-delivers (or ``None``)."""
    e, d = step.expectation, step.delivery
    if e is None or d is None:
        return None
    return "under-delivers" if d < e.adequate else "over-delivers" if d > e.desired else "meets"


def _gap_change(old: Step, new: Step) -> str:
    parts = []
    if _expected(old.expectation) != _expected(new.expectation):
        parts.append(f"expectation {_expected(old.expectation)} -> {_expected(new.expectation)}")
    if old.delivery != new.delivery:
        parts.append(f"delivery {old.delivery or 'none'} -> {new.delivery or 'none'}")
    if not parts:
        return ""
    before, after = verdict(old), verdict(new)
    if after != before and after is not None:
        parts[-1] += f" (now {after.replace('meets', 'meets the expectation')})"
    return ", ".join(parts)


def needs_changes(old: Persona, new: Persona) -> list[Change]:
    """Needs (on both sides) that no step serves any more, or that a step now serves."""
    before, after = persona_serving(old), persona_serving(new)
    out = []
    for need in new.compass.needs:
        was, now = before.get(need.id), after.get(need.id, [])
        if was is None or bool(was) == bool(now):
            continue
        if was and not now:
            steps = ", ".join(step_name(old.journey, i) for i in was)
            text = f"need `{need.id}` is no longer served (it was served by {steps})"
            out.append(Change("need-unmet", need.id, text, before=[i + 1 for i in was]))
        else:
            steps = ", ".join(step_name(new.journey, i) for i in now)
            text = f"need `{need.id}` is now served by {steps}"
            out.append(Change("need-met", need.id, text, after=[i + 1 for i in now]))
    return out


def future_changes(old: Persona, new: Persona) -> list[Change]:
    """The designed future journey, compared as the journey is: ``future-changed``."""
    if not old.future and not new.future:
        return []
    then = journey_changes(replace(old, journey=old.future), replace(new, journey=new.future))
    return [replace(c, kind="future-changed", text="future " + c.text) for c in then]
