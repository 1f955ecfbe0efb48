"""The ``touchpoints`` view: the flow of touchpoints, one cluster per stage, left to right.

Personas are aggregated onto the edges: one edge per pair of touchpoints that follow each
other in some journey, as wide as the number of personas taking that step. Touchpoints
stand in columns (ranks) chosen here, so Graphviz only orders them within a column; the
steps never move a touchpoint (``constraint=false``), which keeps the layout fast.

Size limits (see docs/graphviz.md): above ``MAX_STEP_EDGES`` steps only the busiest are
drawn; above ``MAX_TOUCHPOINTS`` touchpoints only the most visited; above ``BOUNDED_NODES``
touchpoints or ``BOUNDED_EDGES`` steps the layout uses ``BOUNDED_ATTRS``. Each says so.
"""

from __future__ import annotations

import graphviz

from guestology.analysis.report import Report
from guestology.model import Touchpoint, Workspace
from guestology.render.common import name_list, plural, signed, wrap
from guestology.render.dot.data import (
    flows,
    mean_emotions,
    stage_columns,
    stages,
    supports,
    tp_id,
)
from guestology.render.dot.legend import flow_legend
from guestology.render.dot.text import emotion_fill, label

MAX_STEP_EDGES = 400
MAX_TOUCHPOINTS = 2500
BOUNDED_NODES = 150
BOUNDED_EDGES = 250
EDGE_LABELS_MAX = 80
BOUNDED_ATTRS = {
    "splines": "line",
    "nslimit": "2",
    "nslimit1": "2",
    "mclimit": "0.1",
    "searchsize": "10",
    "remincross": "false",
}
FLOW_ATTRS = {"rankdir": "LR", "ranksep": "0.35", "nodesep": "0.18"}
STAGE_STYLE = {
    "style": "rounded",
    "color": "#9a9a9a",
    "fontsize": "18",
    "labeljust": "l",
    "labelloc": "t",
    "margin": "12",
}
ANCHOR = {"shape": "point", "style": "invis", "width": "0", "height": "0", "fixedsize": "true"}
SUPPORT_COLOR = "#1f5fa8"
MAX_WIDTH = 7.0  # the busiest step, when at least WIDE_FROM personas take it
WIDE_FROM = 5


def busiest(steps: dict[tuple[str, str], list[str]], limit: int) -> dict:
    """The ``limit`` steps taken by most personas (ties: first seen), in first-seen order."""
    if len(steps) <= limit:
        return steps
    keep = set(sorted(steps, key=lambda pair: -len(steps[pair]))[:limit])
    return {pair: who for pair, who in steps.items() if pair in keep}


def most_visited(shown: list[str], emotions: dict, limit: int) -> list[str]:
    """The ``limit`` touchpoints with most visits (ties: workspace order), in workspace order."""
    if len(shown) <= limit:
        return shown
    keep = set(sorted(shown, key=lambda node: -emotions.get(node, (0, 0))[1])[:limit])
    return [node for node in shown if node in keep]


def draw(ws: Workspace, report: Report, canvas: graphviz.Digraph) -> list[str]:
    """Fill ``canvas`` with the touchpoint flow of the report's scope; return notes."""
    emotions = mean_emotions(report)
    every = report.scope.touchpoints
    shown = most_visited(every, emotions, MAX_TOUCHPOINTS)
    visible = set(shown)
    every_step = flows(report)
    steps = busiest(
        {pair: who for pair, who in every_step.items() if visible.issuperset(pair)},
        MAX_STEP_EDGES,
    )
    notes = size_notes(len(every), len(shown), len(every_step), steps)
    if not shown:
        notes.append("no touchpoint to draw: the chosen personas visit none")
    bounded = len(shown) > BOUNDED_NODES or len(steps) > BOUNDED_EDGES
    canvas.attr("graph", **FLOW_ATTRS, **(BOUNDED_ATTRS if bounded else {}))
    if bounded:
        notes.append(
            f"large map ({plural(len(shown), 'touchpoint')}, {plural(len(steps), 'step')}): "
            "using the fast layout (straight edges, fewer crossing-reduction passes)"
        )
    add_stage_clusters(ws, canvas, stage_columns(ws, shown, report.personas), emotions)
    add_steps(ws, canvas, steps, labelled=len(steps) <= EDGE_LABELS_MAX)
    add_supports(canvas, supports(ws, shown))
    canvas.attr("graph", label=flow_legend(ws, report, steps, notes))
    return notes


def size_notes(every: int, shown: int, all_steps: int, steps: dict) -> list[str]:
    """What the size limits left out, in the user's words."""
    notes = []
    if shown < every:
        notes.append(
            f"the map draws the {shown} most visited of {every} touchpoints; "
            "choose personas with --persona, or split the workspace, to see the others"
        )
    if len(steps) < all_steps:
        least = min(len(who) for who in steps.values())
        notes.append(
            f"the map draws the {len(steps)} busiest of {all_steps} steps between touchpoints "
            f"(each taken by at least {plural(least, 'persona')}); "
            "choose personas with --persona to see every step"
        )
    return notes


def add_stage_clusters(
    ws: Workspace, canvas: graphviz.Digraph, columns: list, emotions: dict
) -> None:
    """One cluster per stage, in stage order, each holding columns of touchpoints.

    A column is a rank (``rank=same`` with an invisible anchor); a chain of invisible edges
    between the anchors fixes the columns' order.
    """
    previous = None
    for index, (sid, name, stacks) in enumerate(columns):
        with canvas.subgraph(name=f"cluster_{index}") as cluster:
            cluster.attr(label=label(wrap(name, 40, 2)), **STAGE_STYLE)
            for number, stack in enumerate(stacks):
                anchor = f"column/{sid}/{number}"
                with cluster.subgraph() as column:
                    column.attr(rank="same")
                    column.node(anchor, label="", **ANCHOR)
                    for tp in stack:
                        attrs = touchpoint_attrs(ws.touchpoints[tp], emotions.get(tp))
                        column.node(tp_id(tp), **attrs)
                if previous:
                    canvas.edge(previous, anchor, style="invis")
                previous = anchor


def touchpoint_attrs(tp: Touchpoint, emotion: tuple[float, int] | None) -> dict[str, str]:
    """A touchpoint box: fill and value by mean emotion, dashed if backstage, ★ if a MoT,
    a double outline and ◇ PLANNED (or RETIRED) when it is not live."""
    mean = emotion[0] if emotion else None
    fill, font = emotion_fill(mean)
    lines = wrap(tp.name, 24, 4)
    if tp.moment_of_truth:
        lines.insert(0, "★ MOMENT OF TRUTH")
    if tp.status != "live":  # planned: not built yet (a future state); retired: gone
        lines.insert(0, f"◇ {tp.status.upper()}")
    detail = f"{signed(emotion[0], 1)} · {plural(emotion[1], 'visit')}" if emotion else "no visits"
    backstage = tp.visibility == "backstage"
    attrs = {
        "label": label(lines, "backstage · " + detail if backstage else detail),
        "fillcolor": fill,
        "fontcolor": font,
        "style": "rounded,filled" + (",dashed" if backstage else ""),
        "tooltip": label(f"{tp.name} ({tp.id})"),
    }
    if backstage:
        attrs["penwidth"] = "2"
    if tp.moment_of_truth:
        attrs.update(penwidth="3.5", color="black")
    if tp.status != "live":
        attrs["peripheries"] = "2"
    return attrs


def add_steps(ws: Workspace, canvas: graphviz.Digraph, steps: dict, labelled: bool) -> None:
    """Aggregated steps, as wide as the number of personas; dotted when going back a stage."""
    order = {sid: i for i, (sid, _) in enumerate(stages(ws))}
    top = max((len(who) for who in steps.values()), default=1)
    for (source, target), who in steps.items():
        back = order[ws.touchpoints[target].stage] < order[ws.touchpoints[source].stage]
        names = name_list(who, 8)
        attrs = {
            "constraint": "false",
            "penwidth": f"{1 + (MAX_WIDTH - 1) * (len(who) - 1) / (max(top, WIDE_FROM) - 1):.2f}",
            "tooltip": label(f"{plural(len(who), 'persona')}: {names}"),
        }
        if labelled and len(who) > 1:
            attrs["label"] = str(len(who))
        if back:
            attrs["style"] = "dotted"
        canvas.edge(tp_id(source), tp_id(target), **attrs)


def add_supports(canvas: graphviz.Digraph, pairs: list[tuple[str, str]]) -> None:
    """``supports`` edges: blue, dashed, hollow arrow; they never move a touchpoint."""
    for source, target in pairs:
        canvas.edge(
            tp_id(source),
            tp_id(target),
            style="dashed",
            color=SUPPORT_COLOR,
            arrowhead="empty",
            penwidth="1.5",
            constraint="false",
            tooltip=label("supports"),
        )
