"""``compare(old, new)``: the semantic diff of two validated workspaces.

Identity is by id, never by file: moving a persona or a touchpoint to another file, splitting
a file, reordering keys or list items that have no order (compass items, touchpoints) and
editing comments are not changes. The journey is ordered, so its changes are steps added,
removed and moved (see ``journey``).
"""

from __future__ import annotations

from typing import Any

from guestology.diff.additions import evidence_texts, persona_additions, source_changes
from guestology.diff.changes import Change, Curve, PersonaDiff, WorkspaceDiff
from guestology.diff.journey import future_changes, journey_changes, needs_changes
from guestology.model import Item, Persona, Service, Touchpoint, Workspace, dump
from guestology.render.common import signed

PERSONA_FIELDS = ("name", "kind", "summary", "quote", "demographics", "attention")


def compare(
    old: Workspace, new: Workspace, old_label: str = "old", new_label: str = "new"
) -> WorkspaceDiff:
    """Service, touchpoint and persona changes (findings are added by ``diff.findings``)."""
    diff = WorkspaceDiff(old_label, new_label)
    diff.service = service_changes(old, new)
    diff.touchpoints = touchpoint_changes(old.touchpoints, new.touchpoints)
    for pid in sorted(set(old.personas) | set(new.personas)):
        found = persona_diff(old.personas.get(pid), new.personas.get(pid))
        if found is not None:
            diff.personas.append(found)
    return diff


def persona_diff(old: Persona | None, new: Persona | None) -> PersonaDiff | None:
    """One persona's changes, or ``None`` when nothing changed."""
    if old is None or new is None:
        here = new or old
        assert here is not None
        out = PersonaDiff(here.id, here.name, "added" if old is None else "removed")
        curve = Curve.of([s.emotion for s in here.journey])
        out.curve_before, out.curve_after = (None, curve) if old is None else (curve, None)
        return out
    needs = needs_changes(old, new)
    changes = [*_fields(old, new), *persona_additions(old, new), *compass_changes(old, new)]
    changes += needs
    changes += journey_changes(old, new, explained={c.subject for c in needs})
    changes += future_changes(old, new)
    before, after = [s.emotion for s in old.journey], [s.emotion for s in new.journey]
    if not changes and before == after:
        return None
    found = PersonaDiff(new.id, new.name, "changed", changes)
    if before != after:
        found.curve_before, found.curve_after = Curve.of(before), Curve.of(after)
        found.changes.append(_curve_change(found.curve_before, found.curve_after))
    return found


def _curve_change(before: Curve | None, after: Curve | None) -> Change:
    def show(c: Curve | None, what: str) -> str:
        if c is None:
            return "none"
        return f"{signed(c.mean, 2)}" if what == "mean" else f"{signed(getattr(c, what))}"

    parts = [f"{what} {show(before, what)} -> {show(after, what)}" for what in ("mean", "peak")]
    parts.append(f"end {show(before, 'end')} -> {show(after, 'end')}")
    return Change("curve-changed", "curve", "emotion curve: " + ", ".join(parts))


def _fields(old: Persona, new: Persona) -> list[Change]:
    out = []
    for name in PERSONA_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            text = f"{name}: {show(before)} -> {show(after)}"
            out.append(Change("persona-changed", name, text, before, after))
    return out


def compass_changes(old: Persona, new: Persona) -> list[Change]:
    """Compass items added, removed, reworded, or changed (kind, priority, valence, ``for``)."""
    a = {item.id: (kind, item) for kind, item in old.compass.items()}
    b = {item.id: (kind, item) for kind, item in new.compass.items()}
    out = []
    for ident, (kind, item) in b.items():
        if ident not in a:
            text = f"{kind} `{ident}` added: {show(item.text)}"
            out.append(Change("compass-added", ident, text, after=item.text))
    for ident, (kind, item) in a.items():
        if ident not in b:
            text = f"{kind} `{ident}` removed (was {show(item.text)})"
            out.append(Change("compass-removed", ident, text, before=item.text))
    for ident in (i for i in b if i in a):
        out += _item_changes(ident, *a[ident], *b[ident])
    return out


def _item_changes(ident: str, kind_a: str, a: Item, kind_b: str, b: Item) -> list[Change]:
    out = []
    if a.text != b.text:
        text = f"{kind_b} `{ident}` reworded: {show(a.text)} -> {show(b.text)}"
        out.append(Change("compass-reworded", ident, text, a.text, b.text))
    if kind_a != kind_b:
        text = f"`{ident}` is now a {kind_b} (was a {kind_a})"
        out.append(Change("compass-changed", ident, text, kind_a, kind_b))
        return out
    for words in evidence_texts(a.evidence, b.evidence):
        out.append(Change("compass-changed", ident, f"{kind_b} `{ident}`: {words}"))
    before, after = dump(a), dump(b)
    skip = ("id", "text", "evidence")
    for key in (k for k in after if k not in skip and before.get(k) != after[k]):
        text = f"{kind_b} `{ident}`: {key} {show(before.get(key))} -> {show(after[key])}"
        out.append(Change("compass-changed", ident, text, before.get(key), after[key]))
    return out


def touchpoint_changes(old: dict[str, Touchpoint], new: dict[str, Touchpoint]) -> list[Change]:
    """Touchpoints added, removed, and changed field by field (sorted by id)."""
    out = []
    for ident in sorted(set(old) | set(new)):
        a, b = old.get(ident), new.get(ident)
        if a is None and b is not None:
            text = f"touchpoint `{ident}` added: {show(b.name)} in stage `{b.stage}`"
            out.append(Change("touchpoint-added", ident, text, after=b.name))
        elif b is None and a is not None:
            text = f"touchpoint `{ident}` removed (was {show(a.name)})"
            out.append(Change("touchpoint-removed", ident, text, before=a.name))
        elif a is not None and b is not None:
            before, after = dump(a), dump(b)
            keys = [k for k in after if before[k] != after[k]]
            if keys:
                parts = [f"{k} {show(before[k])} -> {show(after[k])}" for k in keys]
                text = f"touchpoint `{ident}`: " + ", ".join(parts)
                changed = {k: before[k] for k in keys}, {k: after[k] for k in keys}
                out.append(Change("touchpoint-changed", ident, text, *changed))
    return out


def service_changes(old: Workspace, new: Workspace) -> list[Change]:
    """The service's name (when both sides declare one), stages, channels and keys."""
    out = []
    a, b = old.service.service, new.service.service
    if _declared(old.service) and _declared(new.service) and a != b:
        out.append(Change("service-renamed", "service", f"service renamed: {show(a)} -> {show(b)}"))
    if old.service.stages is not None or new.service.stages is not None:
        out += _stage_changes(old, new)
    out += _set_changes("channel", old.service.channels, new.service.channels, ordered=False)
    out += _set_changes("key", old.service.keys, new.service.keys, ordered=True)
    return out + source_changes(old.service, new.service)


def _stage_changes(old: Workspace, new: Workspace) -> list[Change]:
    """Stages declared in a service file (stages read from journeys follow the touchpoints)."""
    a, b = {s.id: s.name for s in old.stages}, {s.id: s.name for s in new.stages}
    out = _set_changes("stage", list(a), list(b), ordered=True)
    for ident in (i for i in b if i in a and a[i] != b[i]):
        text = f"stage `{ident}` renamed: {show(a[ident])} -> {show(b[ident])}"
        out.append(Change("stage-renamed", ident, text, a[ident], b[ident]))
    return out


def _set_changes(what: str, old: list[str], new: list[str], ordered: bool) -> list[Change]:
    out = [Change(f"{what}-added", i, f"{what} `{i}` added") for i in new if i not in old]
    out += [Change(f"{what}-removed", i, f"{what} `{i}` removed") for i in old if i not in new]
    kept_a, kept_b = [i for i in old if i in new], [i for i in new if i in old]
    if ordered and kept_a != kept_b:
        text = f"{what}s reordered: {', '.join(kept_a)} -> {', '.join(kept_b)}"
        out.append(Change(f"{what}s-reordered", what, text, kept_a, kept_b))
    return out


def _declared(service: Service) -> bool:
    """Did a service file name the service? (Otherwise the name is the folder's.)"""
    return bool(service.where()[0])


def show(value: Any) -> str:
    """A value as a designer reads it: text in quotes, lists in brackets, nothing as none."""
    if value is None:
        return "none"
    if isinstance(value, str):
        return '"' + (value if len(value) <= 60 else value[:57].rstrip() + "...") + '"'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
