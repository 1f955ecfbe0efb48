"""The smaller facts of a journey step: compass links, pain points, opportunities, wow, lanes.

Each function returns short phrases (``now counters `nickel-and-dime```); the journey module
prefixes them with the step's name. Lists are compared as sets: reordering is not a change.
"""

from __future__ import annotations

from collections.abc import Iterable

from guestology.diff.additions import step_additions
from guestology.model import Opportunity, PainPoint, Step

LINKS = {  # step field -> (verb when added, verb when removed)
    "serves": ("now serves", "no longer serves"),
    "evokes": ("now evokes", "no longer evokes"),
    "counters": ("now counters", "no longer counters"),
    "reinforces": ("now reinforces", "no longer reinforces"),
}
LANES = ("doing", "thinking")


def step_details(old: Step, new: Step, explained: Iterable[str] = ()) -> list[str]:
    """Every detail change of one step; ``explained`` ids of ``serves`` are left out
    (a need that became met or unmet says it better)."""
    skip = set(explained)
    out: list[str] = []
    for name, (gained, lost) in LINKS.items():
        before, after = set(getattr(old, name)), set(getattr(new, name))
        ignore = skip if name == "serves" else set()
        out += [f"{gained} `{ref}`" for ref in sorted(after - before - ignore)]
        out += [f"{lost} `{ref}`" for ref in sorted(before - after - ignore)]
    out += pain_point_changes(old.pain_points, new.pain_points)
    out += opportunity_changes(old.opportunities, new.opportunities)
    out += _texts("wow", old.wow, new.wow)
    for lane in LANES:
        before, after = getattr(old, lane), getattr(new, lane)
        if before != after:
            out.append(f"{lane}: {_quote(before)} -> {_quote(after)}")
    return out + step_additions(old, new)


def pain_point_changes(old: list[PainPoint], new: list[PainPoint]) -> list[str]:
    a, b = {p.text: p for p in old}, {p.text: p for p in new}
    out = [f"pain point added: {_quote(t)} (severity {b[t].severity})" for t in b if t not in a]
    out += [f"pain point removed: {_quote(t)}" for t in a if t not in b]
    for text in (t for t in b if t in a and a[t].severity != b[t].severity):
        out.append(f"pain point {_quote(text)}: severity {a[text].severity} -> {b[text].severity}")
    return out


def opportunity_changes(old: list[Opportunity], new: list[Opportunity]) -> list[str]:
    a, b = {o.text: o for o in old}, {o.text: o for o in new}
    out = [f"opportunity added: {_quote(t)}" for t in b if t not in a]
    out += [f"opportunity removed: {_quote(t)}" for t in a if t not in b]
    for text in (t for t in b if t in a):
        for grade in ("effort", "impact"):
            before, after = getattr(a[text], grade), getattr(b[text], grade)
            if before != after:
                out.append(f"opportunity {_quote(text)}: {grade} {before} -> {after}")
    return out


def _texts(what: str, old: list[str], new: list[str]) -> list[str]:
    out = [f"{what} added: {_quote(t)}" for t in new if t not in old]
    return out + [f"{what} removed: {_quote(t)}" for t in old if t not in new]


def _quote(text: str | None, limit: int = 60) -> str:
    if text is None:
        return "none"
    short = text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
    return '"' + short.replace('"', "'") + '"'
