"""What the Graphviz views draw, read off the ``Report`` (facts) and the workspace (names).

No rule is decided here: which touchpoints are in scope, their mean emotions and visits,
the flows between them and whether a need is served all come from the analysis. This module
only arranges them for a page: stage columns, node names.
"""

from __future__ import annotations

from collections import defaultdict

from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.render.dot.text import node_name


def tp_id(touchpoint: str) -> str:
    """A touchpoint's DOT node name: ``touchpoint/<id>`` (``:`` would read as a port)."""
    return node_name("touchpoint", touchpoint)


def stages(ws: Workspace) -> list[tuple[str, str]]:
    """``(stage id, stage name)`` in stage order."""
    return [(stage.id, stage.name) for stage in ws.stages]


def flows(report: Report) -> dict[tuple[str, str], list[str]]:
    """(from touchpoint, to touchpoint) -> the personas taking that step, first-seen order."""
    return {(f.source, f.target): list(f.personas) for f in report.scope.flows}


def mean_emotions(report: Report) -> dict[str, tuple[float, int]]:
    """Touchpoint id -> (mean emotion, number of visits), for the visited ones in scope."""
    return {tp: (s.mean_emotion, s.visits) for tp, s in report.scope.stats.items()}


def supports(ws: Workspace, shown: list[str]) -> list[tuple[str, str]]:
    """``supports`` pairs (touchpoint id -> touchpoint id) among ``shown``."""
    among = set(shown)
    pairs = [(tp, target) for tp in shown for target in ws.touchpoints[tp].supports]
    return [(source, target) for source, target in pairs if target in among]


# The shape of a touchpoint box with its gaps, in inches, and the page's width/height.
COLUMN_INCHES, ROW_INCHES, PAGE_ASPECT = 2.6, 0.95, 1.41


def journey_positions(ws: Workspace, personas: list[str]) -> dict[str, float]:
    """Touchpoint id -> its mean position within its stage, over the journeys."""
    found: dict[str, list[int]] = defaultdict(list)
    for pid in personas:
        seen: dict[str, int] = defaultdict(int)
        for step in ws.personas[pid].journey:
            stage = ws.touchpoints[step.touchpoint].stage
            found[step.touchpoint].append(seen[stage])
            seen[stage] += 1
    return {tp: sum(values) / len(values) for tp, values in found.items()}


def rows_for(counts: list[int]) -> int:
    """How many touchpoints to stack per column so the drawing is about as wide as a page."""
    for rows in range(1, max(counts, default=1) + 1):
        columns = sum(-(-count // rows) for count in counts)
        if columns * COLUMN_INCHES <= rows * ROW_INCHES * PAGE_ASPECT:
            return rows
    return max(counts, default=1)


def stage_columns(
    ws: Workspace, shown: list[str], personas: list[str]
) -> list[tuple[str, str, list[list[str]]]]:
    """``(stage id, name, columns of touchpoint ids)`` in stage order, by journey position."""
    positions = journey_positions(ws, personas)
    order = {tp: index for index, tp in enumerate(shown)}
    by_stage: dict[str, list[str]] = defaultdict(list)
    for tp in shown:
        by_stage[ws.touchpoints[tp].stage].append(tp)
    rows = rows_for([len(tps) for tps in by_stage.values()])
    out = []
    for sid, name in stages(ws):
        tps = by_stage.get(sid, [])
        tps.sort(key=lambda t: (positions.get(t, float("inf")), order[t]))
        if tps:
            count = -(-len(tps) // rows)
            size, extra = divmod(len(tps), count)
            cuts = [i * size + min(i, extra) for i in range(count + 1)]
            out.append((sid, name, [tps[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]))
    return out
