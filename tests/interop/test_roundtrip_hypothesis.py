"""Round trips over generated workspaces (Hypothesis): import(export(W)) keeps every persona's
sequence of (stage, touchpoint, emotion) through mermaid and CSV, whatever the names hold
(mermaid's `:`, `;`, `#`, `,`, `%%`, keywords; CSV's quotes and delimiters)."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guestology.interop import import_source
from guestology.interop.draft import Draft, DraftPersona, DraftStep
from guestology.interop.exports import export_workspace
from guestology.interop.naming import one_line
from guestology.interop.writer import to_files
from guestology.model import Workspace
from guestology.workspace import check_workspace

TRICKY = ["journey", "title x", "section y", "accTitle: z", "accDescr {", "%%", "#", ";", ":",
          ",", "<br>", "&amp;", "#35;", "'", '"', "no", "1.10", "12:30", "-", "{", "}"]  # fmt: skip
LETTERS = st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\ufb02\u00b6")
PART = st.one_of(st.sampled_from(TRICKY), st.text(LETTERS, min_size=1, max_size=6))
NAME = st.lists(PART, min_size=1, max_size=3).map(lambda p: one_line(" ".join(p))).filter(bool)
TEXT = st.one_of(st.none(), NAME)


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    stages = draw(st.lists(NAME, min_size=1, max_size=3, unique=True))
    touchpoints = draw(
        st.lists(st.tuples(st.sampled_from(stages), NAME), min_size=1, max_size=5, unique=True)
    )
    names = draw(st.lists(NAME, min_size=1, max_size=3, unique=True))
    draft = Draft("generated", "a generated workspace", draw(NAME))
    for name in names:
        steps = draw(st.lists(st.sampled_from(touchpoints), max_size=6))
        persona = DraftPersona(name)
        for stage, touchpoint in steps:
            step = DraftStep(stage, touchpoint, draw(st.integers(-2, 2)), draw(TEXT), draw(TEXT))
            step.pain_points = draw(st.lists(NAME, max_size=2))
            persona.steps.append(step)
        draft.personas.append(persona)
    return draft


def workspace(draft: Draft, folder: Path) -> Workspace:
    for relative, text in to_files(draft).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    result = check_workspace(folder)
    assert result.workspace is not None, [p.format() for p in result.problems]
    return result.workspace


def sequences(ws: Workspace) -> dict[str, list[tuple[str, str, int]]]:
    stages = {s.id: s.name for s in ws.stages}
    tps = ws.touchpoints
    return {
        p.name: [
            (stages[tps[s.touchpoint].stage], tps[s.touchpoint].name, s.emotion) for s in p.journey
        ]
        for p in ws.personas.values()
        if p.journey
    }


def imported_sequences(path: Path) -> dict[str, list[tuple[str, str, int]]]:
    draft = import_source(path).draft  # raises if what it writes does not validate
    return {
        p.name: [(s.stage, s.touchpoint, s.emotion) for s in p.steps]
        for p in draft.personas
        if p.steps
    }


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(drafts())
def test_mermaid_round_trip_keeps_every_sequence(draft: Draft) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ws = workspace(draft, Path(folder) / "ws")
        exported = export_workspace(ws, "md")
        page = Path(folder) / "journeys.md"
        page.write_text(exported.files[""], encoding="utf-8")
        assert imported_sequences(page) == sequences(ws)


@SETTINGS
@given(drafts(), st.sampled_from(["steps", "lanes"]))
def test_csv_round_trip_keeps_the_lanes(draft: Draft, layout: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ws = workspace(draft, Path(folder) / "ws")
        first = export_workspace(ws, "csv", layout=layout).files[""]
        table = Path(folder) / "map.csv"
        table.write_text(first, encoding="utf-8", newline="")
        assert imported_sequences(table) == sequences(ws)
        again = workspace(import_source(table).draft, Path(folder) / "again")
        second = export_workspace(again, "csv", layout=layout).files[""]
        assert by_persona(second, layout) == by_persona(first, layout)


def by_persona(table: str, layout: str) -> dict[str, list[tuple[str, ...]]]:
    """Each persona's rows (steps layout) or columns (lanes layout), in order: the personas'
    own order may change (the files are named again, and read in path order)."""
    rows = list(csv.reader(io.StringIO(table, newline="")))
    lines = (
        [tuple(row) for row in rows[1:]] if layout == "steps" else list(zip(*rows, strict=False))
    )
    found: dict[str, list[tuple[str, ...]]] = {}
    for line in lines:
        found.setdefault(line[0] if line else "", []).append(line)
    return found
