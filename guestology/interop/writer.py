"""A ``Draft`` as workspace files: a commented service file and one file per persona.

``to_files`` returns ``{relative path: YAML text}``; the CLI writes them. Ids are the slugs of
the names (``unique_id``), so a designer can rename freely later; every string is quoted as
PyYAML would, so no name turns into a boolean, a number or a date.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import yaml

from guestology.interop.draft import Draft, DraftPersona, DraftStep, unique_id

SERVICE_FILE = "service.yaml"
PERSONA_FOLDER = "guests"


@dataclass
class Ids:
    stages: dict[str, str]
    touchpoints: dict[tuple[str, str], str]
    personas: dict[str, str]


def scalar(value: str | int) -> str:
    """One YAML scalar on one line: plain when it reads back as the same string, else quoted."""
    if isinstance(value, int):
        return str(value)
    text: str = yaml.safe_dump(value, allow_unicode=True, width=math.inf)
    text = text.removesuffix("\n...\n").removesuffix("\n")
    if "\n" in text:
        text = yaml.safe_dump(value, allow_unicode=True, width=math.inf, default_style='"')
        text = text.rstrip("\n")
    return text


def comment(text: str) -> str:
    """Text that is safe in a YAML comment: one line, printable characters only."""
    return "".join(c if c.isprintable() else " " for c in text)


def assign_ids(draft: Draft) -> Ids:
    stage_ids: set[str] = set()
    stages = {name: unique_id(name, stage_ids, "stage") for name in draft.stage_order()}
    tp_ids: set[str] = set()
    touchpoints: dict[tuple[str, str], str] = {}
    for persona in draft.personas:
        for step in persona.steps:
            key = (step.stage, step.touchpoint)
            if key not in touchpoints:
                touchpoints[key] = unique_id(step.touchpoint, tp_ids, "touchpoint")
    persona_ids: set[str] = set()
    personas = {p.name: unique_id(p.name, persona_ids, "persona") for p in draft.personas}
    return Ids(stages, touchpoints, personas)


def to_files(draft: Draft) -> dict[str, str]:
    """The workspace's files: ``service.yaml`` and ``guests/<persona id>.yaml``."""
    ids = assign_ids(draft)
    files = {SERVICE_FILE: _service(draft, ids)}
    for persona in draft.personas:
        files[f"{PERSONA_FOLDER}/{ids.personas[persona.name]}.yaml"] = _persona(draft, persona, ids)
    return files


def _service(draft: Draft, ids: Ids) -> str:
    lines = [
        comment(f"# Imported by `guestology import` from {draft.source} ({draft.form})."),
        "# Stages and touchpoints come from the source; ids are slugs of their names.",
        "# Rename freely, but keep the ids: the persona files refer to them. Channels, keys,",
        "# owners and moments of truth are yours to add (see docs/format.md).",
        "format: 1",
        f"service: {scalar(draft.service)}",
        "",
        "stages:" if ids.stages else "stages: []",
    ]
    for name, stage_id in ids.stages.items():
        lines += [f"  - id: {scalar(stage_id)}", f"    name: {scalar(name)}"]
    lines += ["", "touchpoints:" if ids.touchpoints else "touchpoints: []"]
    for (stage, name), tp_id in ids.touchpoints.items():
        lines += [f"  - id: {scalar(tp_id)}", f"    name: {scalar(name)}"]
        lines += [f"    stage: {scalar(ids.stages[stage])}"]
    return "\n".join(lines) + "\n"


def _persona(draft: Draft, persona: DraftPersona, ids: Ids) -> str:
    lines = [
        comment(f"# {persona.name}: imported by `guestology import` from {draft.source}"),
        comment(f"# ({draft.form}).") + " Each step's comment says where it was read.",
        "# Add the Guest Compass (needs, wants, stereotypes, emotions) and what each step",
        "# serves and evokes: see docs/format.md.",
        "format: 1",
        f"persona: {scalar(ids.personas[persona.name])}",
        f"name: {scalar(persona.name)}",
        "kind: guest",
    ]
    if persona.summary:
        lines.append(f"summary: {scalar(persona.summary)}")
    lines.append("journey:" if persona.steps else "journey: []")
    for step in persona.steps:
        lines += _step(step, ids)
    return "\n".join(lines) + "\n"


def _step(step: DraftStep, ids: Ids) -> list[str]:
    tp_id = ids.touchpoints[(step.stage, step.touchpoint)]
    note = comment(f"  # {step.origin}") if step.origin else ""
    lines = [f"  - touchpoint: {scalar(tp_id)}{note}"]
    if step.note:
        lines.append(comment(f"    # {step.note}"))
    lines.append(f"    emotion: {step.emotion}")
    for name in ("doing", "thinking"):
        value = getattr(step, name)
        if value:
            lines.append(f"    {name}: {scalar(value)}")
    for name in ("pain_points", "opportunities"):
        values = getattr(step, name)
        if values:
            lines += [f"    {name}:", *(f"      - {scalar(v)}" for v in values)]
    return lines
