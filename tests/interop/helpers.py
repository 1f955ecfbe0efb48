"""Shared by the interop tests: mermaid's spec cases, parsing a text, importing a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from guestology.interop import Imported, import_source
from guestology.interop.mermaid import Diagram, parse_diagram
from guestology.interop.mermaid_text import Mapped

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
EXAMPLE = ROOT / "personas"
CASES: list[dict[str, Any]] = json.loads((DATA / "mermaid" / "cases.json").read_text("utf-8"))


def parse(text: str, path: str = "j.mmd") -> Diagram:
    return parse_diagram(Mapped.of(text), text, path)


def as_mermaid_db(diagram: Diagram) -> dict[str, Any]:
    """Our parse in the shape of mermaid's journeyDb getters (tests/interop/mermaid_db.cjs)."""
    return {
        "title": diagram.title,
        "accTitle": diagram.acc_title,
        "accDescription": diagram.acc_description,
        "sections": diagram.sections,
        "actors": sorted({p for t in diagram.tasks for p in t.people}),
        "tasks": [
            {
                "section": t.section,
                "task": t.task,
                "people": t.people,
                "score": "NaN" if t.score != t.score else t.score,
            }  # fmt: skip
            for t in diagram.tasks
        ],
    }


def import_text(tmp_path: Path, name: str, text: str | bytes, fmt: str | None = None) -> Imported:
    source = tmp_path / name
    if isinstance(text, bytes):
        source.write_bytes(text)
    else:
        source.write_text(text, encoding="utf-8", newline="")
    return import_source(source, fmt)
