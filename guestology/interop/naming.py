"""What every export calls things: unique display names, and each persona's stage runs.

Mermaid and CSV carry names, not ids, and an import keys a touchpoint by its stage and name,
so two touchpoints of one stage with the same name, or two personas with the same name,
are told apart by their id in brackets (and a note says so).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from guestology.model import Persona, Workspace


@dataclass
class Names:
    touchpoints: dict[str, str]  # touchpoint id -> the name an export uses
    stages: dict[str, str]  # stage id -> name
    personas: dict[str, str]  # persona id -> name
    notes: list[str] = field(default_factory=list)


def one_line(text: str) -> str:
    """Line breaks as spaces, outer whitespace trimmed: what an export can carry."""
    return " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()


def names(ws: Workspace) -> Names:
    stages = {s.id: one_line(s.name) or s.id for s in ws.stages}
    notes: list[str] = []
    tp_names = {t.id: one_line(t.name) or t.id for t in ws.touchpoints.values()}
    shared = Counter((t.stage, tp_names[t.id]) for t in ws.touchpoints.values())
    for tp in ws.touchpoints.values():
        if shared[(tp.stage, tp_names[tp.id])] > 1:
            notes.append(
                f"touchpoint `{tp.id}` shares its name in its stage: `{tp.name} ({tp.id})`"
            )
            tp_names[tp.id] = f"{tp_names[tp.id]} ({tp.id})"
    person = {p.id: one_line(p.name) or p.id for p in ws.personas.values()}
    same = Counter(person.values())
    for pid, name in list(person.items()):
        if same[name] > 1:
            notes.append(f"persona `{pid}` shares its name: `{name} ({pid})`")
            person[pid] = f"{name} ({pid})"
    return Names(tp_names, stages, person, notes)


def stage_runs(ws: Workspace, persona: Persona) -> list[tuple[str, list[tuple[str, int]]]]:
    """The persona's journey as runs of steps in one stage: ``[(stage id, [(tp id, emotion)])]``."""
    runs: list[tuple[str, list[tuple[str, int]]]] = []
    for step in persona.journey:
        stage = ws.touchpoints[step.touchpoint].stage
        if not runs or runs[-1][0] != stage:
            runs.append((stage, []))
        runs[-1][1].append((step.touchpoint, step.emotion))
    return runs
