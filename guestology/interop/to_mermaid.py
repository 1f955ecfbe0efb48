"""A workspace as mermaid ``journey`` diagrams, one per persona, that mermaid always parses.

A persona's steps become tasks (score = emotion + 3, the persona as the actor), each run of
steps in one stage a section. What mermaid's lexer (``journey.jison``) treats specially is
written as the entity codes mermaid decodes when it draws (``#58;`` for ``:``), never dropped:
``#`` starts a comment, ``;`` is no token, ``:`` ends a section or a task name, ``,`` ends an
actor, ``%%`` starts a comment or directive, and a task named ``journey...``, ``title ...``,
``section ...``, ``accTitle:`` or ``accDescr`` would be read as that keyword. Each change is
a note.
"""

from __future__ import annotations

import re

from guestology.interop.naming import Names, one_line, stage_runs
from guestology.model import Persona, Workspace

KEYWORD_START = re.compile(
    r"journey(?![A-Za-z0-9_])|title\s|section\s|acctitle\s*:|accdescr\s*[:{]", re.I
)
SPECIAL = {  # where the text stands -> characters the lexer would misread there
    "title": "#;<>",
    "section": "#:;<>",
    "task": "#:;<>",
    "actor": "#:;,<>",
    "summary": "",
}
WHY = {
    "#": "starts a comment",
    ":": "ends the name",
    ";": "is no token",
    ",": "separates actors",
    "%": "doubled starts a comment",
    "<": "opens HTML",
    ">": "closes HTML",
}


def entity(char: str) -> str:
    return f"#{ord(char)};"


def escape(text: str, where: str, notes: list[str]) -> str:
    """``text`` as mermaid reads it back, special characters as entity codes; notes why."""
    special = SPECIAL[where] + ("%" if "%%" in text else "")
    out = "".join(entity(c) if c in special else c for c in text)
    if where == "task" and KEYWORD_START.match(out):
        out = entity(out[0]) + out[1:]
        notes.append(f"task `{text}` starts with a mermaid keyword: written `{out}`")
    changed = sorted({c for c in text if c in special})
    if changed:
        why = "; ".join(f"`{c}` {WHY[c]}" for c in changed)
        notes.append(f"{where} `{text}`: {why} in mermaid, written `{out}`")
    return out


def to_mermaid(ws: Workspace, persona: Persona, names: Names, notes: list[str]) -> str:
    """One persona's journey diagram."""
    title = names.personas[persona.id]
    actor = escape(title, "actor", notes)
    lines = [
        "journey",
        f"  title {escape(title, 'title', notes)}",
        f"  %% guestology export of persona {persona.id}: score = emotion + 3",
    ]
    if persona.summary and one_line(persona.summary):
        lines.append(f"  accDescr: {escape(one_line(persona.summary), 'summary', notes)}")
    if not persona.journey:
        notes.append(f"persona `{persona.id}` has no journey: an empty diagram")
    for stage, steps in stage_runs(ws, persona):
        lines.append(f"  section {escape(names.stages[stage], 'section', notes)}")
        for touchpoint, emotion in steps:
            task = escape(names.touchpoints[touchpoint], "task", notes)
            lines.append(f"    {task}: {emotion + 3}: {actor}")
    return "\n".join(lines) + "\n"


def to_markdown(ws: Workspace, personas: list[Persona], names: Names, notes: list[str]) -> str:
    """Every persona's diagram in one Markdown page (GitHub draws ```` ```mermaid ```` blocks)."""
    parts = [f"# {one_line(ws.service.service) or 'Journeys'}\n"]
    for persona in personas:
        diagram = to_mermaid(ws, persona, names, notes)
        parts.append(f"## {names.personas[persona.id]}\n\n```mermaid\n{diagram}```\n")
    return "\n".join(parts)
