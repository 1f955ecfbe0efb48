"""A workspace as a journey-map spreadsheet (CSV), in the two layouts ``import`` reads.

``steps``: a header row, then a row per step of every persona's journey in order. ``lanes``:
the same table turned, the lane titles in the first column and a column per step. Names, not
ids (``guestology.interop.naming``); several pain points or opportunities are joined with
``; ``, so a ``;`` inside one is written as ``,`` (with a note). Severity, effort, impact and
the rest of a step stay in the YAML.
"""

from __future__ import annotations

import csv
import io

from guestology.interop.from_csv import FIELDS
from guestology.interop.naming import Names, one_line
from guestology.model import Persona, Workspace

LAYOUTS = ("steps", "lanes")


def rows(ws: Workspace, personas: list[Persona], names: Names, notes: list[str]) -> list[list[str]]:
    """The header and a row per step."""
    table = [list(FIELDS)]
    for persona in personas:
        if not persona.journey:
            notes.append(f"persona `{persona.id}` has no journey: no rows")
        for step in persona.journey:
            stage = ws.touchpoints[step.touchpoint].stage
            lists = {
                "pain_points": [p.text for p in step.pain_points],
                "opportunities": [o.text for o in step.opportunities],
            }
            cells = {
                "persona": names.personas[persona.id],
                "stage": names.stages[stage],
                "touchpoint": names.touchpoints[step.touchpoint],
                "emotion": str(step.emotion),
                "doing": (step.doing or "").strip(),
                "thinking": (step.thinking or "").strip(),
                **{name: _joined(values, notes) for name, values in lists.items()},
            }
            table.append([cells[f] for f in FIELDS])
    return table


def _joined(values: list[str], notes: list[str]) -> str:
    kept = []
    for value in values:
        text = one_line(value)
        if ";" in text:
            notes.append(f"`{text}`: `;` separates values in a cell, written as `,`")
            text = text.replace(";", ",")
        if text:
            kept.append(text)
    return "; ".join(kept)


def to_csv(table: list[list[str]], layout: str = "steps") -> str:
    """The table as CSV text (CRLF, as RFC 4180 and spreadsheets write it)."""
    assert layout in LAYOUTS, layout
    if layout == "lanes":
        table = [list(column) for column in zip(*table, strict=True)]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue()
