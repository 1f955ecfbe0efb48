"""Duplicate ids in lists of references: a warning each, and the copies dropped.

``supports: [a, a, a]`` names one touchpoint; drawn as it is written, 20,000 copies of one
edge broke Graphviz's routing. ``dedupe_references`` reports each id listed more than once
in one list (``duplicate-reference``, at its second place) and keeps its first place only,
so that every later step (the graph, the analyses, the drawings) sees each id once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from guestology.model import Node, Persona, Service
from guestology.problems import Problem, warning

REFERENCE_LISTS = (  # (YAML key, attribute) of the lists of references a node may hold
    ("supports", "supports"),
    ("keys", "keys"),
    *((name, name) for name in ("serves", "evokes", "counters", "reinforces")),
    ("for", "for_"),
    ("evidence", "evidence"),
)


def _lists_of(cls: type[Node]) -> tuple[tuple[str, str], ...]:
    """The lists of references a model class has."""
    found = _LISTS.get(cls)
    if found is None:
        found = _LISTS[cls] = tuple((k, a) for k, a in REFERENCE_LISTS if a in cls.NAMES)
    return found


_LISTS: dict[type[Node], tuple[tuple[str, str], ...]] = {}


def _holders(top: Service | Persona) -> Iterator[Node]:
    """``top`` and every node below it that may hold a list of references."""
    yield top
    if isinstance(top, Persona):
        yield from (item for _kind, item in top.compass.items())
        for step in [*top.journey, *top.future]:
            yield step
            yield from step.pain_points
    yield from top.touchpoints


def dedupe_references(top: Service | Persona) -> list[Problem]:
    """A ``duplicate-reference`` warning per id listed twice in one list (at its second
    place), and the list without the copies (the rest keep their positions)."""
    out: list[Problem] = []
    for node in _holders(top):
        for key, attr in _lists_of(type(node)):
            values = getattr(node, attr)
            if len(values) < 2:
                continue
            first: dict[str, int] = {}
            second: dict[str, int] = {}
            counts: Counter[str] = Counter()
            for i, value in enumerate(values):
                if isinstance(value, str):  # an evidence quote is never a copy
                    counts[value] += 1
                    (second if value in first else first).setdefault(value, i)
            if not second:
                continue
            for ident, at in second.items():
                out.append(_duplicate_ref(node, key, at, ident, counts[ident]))
            kept = [i for i, v in enumerate(values) if not isinstance(v, str) or first[v] == i]
            setattr(node, attr, type(values)(values[i] for i in kept))
            _keep_positions(node, key, kept)
    return out


def _duplicate_ref(node: Node, key: str, index: int, ident: str, count: int) -> Problem:
    path, pos = node.where(key, index)
    times = "twice" if count == 2 else f"{count:,} times"
    msg = f"`{ident}` is listed {times} in `{key}`: the copies are ignored"
    return warning(path, pos, "duplicate-reference", msg)


def _keep_positions(node: Node, key: str, kept: list[int]) -> None:
    """Drop the positions of the removed items, so ``where(key, i)`` stays right."""
    positions = node.positions()
    entry = positions.get(key)
    if isinstance(entry, tuple):
        positions[key] = (entry[0], *(entry[i + 1] for i in kept if i + 1 < len(entry)))
        file, (line, col) = node.where()
        node.locate(file, (line, col), positions)
