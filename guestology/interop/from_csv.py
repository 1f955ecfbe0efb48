"""Journey-map spreadsheets (CSV) as a ``Draft``, in the two layouts designers use.

- **row per step**: a header row (``persona, stage, touchpoint, emotion, doing, thinking,
  pain_points, opportunities``; names match case-insensitively, ``pain points`` too), then
  one row per step;
- **lane per row**: the first column holds those names as lane titles, then one column per
  step, as a journey map is laid out on a wall.

``stage``, ``touchpoint`` and ``emotion`` (a whole number -2..2) are required; ``;`` separates
several pain points or opportunities in one cell; without a ``persona`` column every step
belongs to ``guest``. Anything else (an event log, a budget) is an error saying what a
journey map needs.
"""

from __future__ import annotations

import re
from pathlib import Path

from guestology.interop.csv_table import Cell, read_table, sniff_delimiter
from guestology.interop.draft import Draft, DraftStep, ImportProblems, problem, service_name, words
from guestology.problems import Problem

FIELDS = (
    "persona", "stage", "touchpoint", "emotion", "doing", "thinking", "pain_points",
    "opportunities",
)  # fmt: skip
REQUIRED = ("stage", "touchpoint", "emotion")
LISTS = ("pain_points", "opportunities")
DEFAULT_PERSONA = "guest"
EMOTION = re.compile(r"[+-]?\d+")


def field_name(title: str) -> str:
    """``Pain points``, ``pain-points``, `` PAIN_POINTS `` -> ``pain_points``."""
    return re.sub(r"[\s_-]+", "_", title.strip().lower())


def read_csv(text: str, path: Path) -> Draft:
    shown = str(path)
    text = text.removeprefix("\ufeff")
    rows = [r for r in read_table(text, sniff_delimiter(text)) if any(c.text.strip() for c in r)]
    if not rows:
        raise ImportProblems([problem(shown, (1, 1), "not-journey-csv", "the CSV file is empty")])
    by_header = set(REQUIRED) & {field_name(c.text) for c in rows[0]}
    by_lane = set(REQUIRED) & {field_name(r[0].text) for r in rows}
    if len(by_header) >= len(by_lane):
        layout, records = "row per step", _by_rows(rows)
    else:
        layout, records = "lane per row", _by_columns(rows)
    draft = Draft(path.name, f"a CSV journey map, {layout}", service_name(path))
    problems = _fill(draft, records, shown)
    if problems:
        raise ImportProblems(problems)
    return draft


def _by_rows(rows: list[list[Cell]]) -> tuple[list[Cell], list[list[Cell]]]:
    return rows[0], rows[1:]


def _by_columns(rows: list[list[Cell]]) -> tuple[list[Cell], list[list[Cell]]]:
    width = max(len(r) for r in rows)
    titles = [r[0] for r in rows]
    columns = []
    for j in range(1, width):
        column = [r[j] if j < len(r) else Cell("", (r[0].at[0], 0)) for r in rows]
        if any(c.text.strip() for c in column):
            columns.append(column)
    return titles, columns


def _fill(draft: Draft, table: tuple[list[Cell], list[list[Cell]]], path: str) -> list[Problem]:
    titles, records = table
    names = [field_name(t.text) for t in titles]
    missing = [f for f in REQUIRED if f not in names]
    if missing:
        found = ", ".join(t.text.strip() for t in titles[:6])
        msg = (
            f"not a journey map: expected {words(REQUIRED)} as column titles in the first row"
            f" (row per step) or as lane titles in the first column (lane per row); missing"
            f" {words(missing)}; found `{found}`"
        )
        return [problem(path, (1, 1), "not-journey-csv", msg)]
    problems = []
    for index, (name, title) in enumerate(zip(names, titles, strict=True)):
        if name in FIELDS and names.index(name) != index:
            problems.append(problem(path, title.at, "not-journey-csv", f"`{name}` given twice"))
    ignored = [
        t.text.strip()
        for n, t in zip(names, titles, strict=True)
        if n not in FIELDS and t.text.strip()
    ]
    if ignored:
        draft.assumptions.append(f"ignored the columns or lanes {words(ignored)}")
    if "persona" not in names:
        draft.assumptions.append(f"no `persona` column: every step belongs to `{DEFAULT_PERSONA}`")
    for record in records:
        problems += _step(draft, dict(zip(names, record, strict=False)), path)
    return problems


def _step(draft: Draft, cells: dict[str, Cell], path: str) -> list[Problem]:
    value = {k: c.text.strip() for k, c in cells.items()}
    problems = []
    for name in ("stage", "touchpoint"):
        if not value.get(name):
            at = cells[name].at if name in cells else (1, 1)
            problems.append(problem(path, at, "not-journey-csv", f"this step has no {name}"))
    emotion = value.get("emotion", "")
    if not EMOTION.fullmatch(emotion) or not -2 <= int(emotion) <= 2:
        msg = f"emotion must be a whole number -2..2, got `{emotion}`"
        problems.append(problem(path, cells["emotion"].at, "bad-emotion", msg))
    if problems:
        return problems
    step = DraftStep(value["stage"], value["touchpoint"], int(emotion))
    step.origin = "{}:{}:{}".format(draft.source, *cells["emotion"].at)
    step.doing, step.thinking = value.get("doing") or None, value.get("thinking") or None
    for name in LISTS:
        setattr(step, name, [v.strip() for v in value.get(name, "").split(";") if v.strip()])
    draft.persona(value.get("persona") or DEFAULT_PERSONA).steps.append(step)
    return []
