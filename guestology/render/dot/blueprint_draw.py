"""Geometry and drawing of the blueprint: bands of columns, lanes, lines; all pinned in inches."""

from __future__ import annotations

from dataclasses import dataclass, field

import graphviz

from guestology.model import Step, Workspace
from guestology.render.common import plural, signed, wrap
from guestology.render.dot.text import emotion_fill, label

LANES = ("customer", "onstage", "backstage", "support")


@dataclass
class Column:
    """One journey step and the touchpoints in each lane below it."""

    number: int
    step: Step
    cells: dict[str, list[str]] = field(default_factory=lambda: {lane: [] for lane in LANES[1:]})


LANE_TITLES = {
    "customer": "CUSTOMER ACTIONS",
    "onstage": "ONSTAGE",
    "backstage": "BACKSTAGE",
    "support": "SUPPORT",
}
# (line name, node style, pen width) drawn under the lane of the same index.
LINES = (
    ("line of interaction", "solid", "1"),
    ("LINE OF VISIBILITY", "dashed", "3"),
    ("line of internal interaction", "dotted", "1.5"),
)
LABEL_W, COL_W, BOX_W, BOX_H, LINE_H, PAD = 1.7, 2.15, 1.9, 0.95, 0.18, 0.2
EMPTY_H, LINE_GAP, BAND_GAP = 0.45, 0.4, 0.9
PAGE_ASPECT, MIN_BAND = 1.41, 4
BLUEPRINT_ATTRS = {
    "layout": "neato",
    "splines": "line",
    "overlap": "true",
    "outputorder": "edgesfirst",
}
BOX = {"fixedsize": "true", "width": f"{BOX_W}", "fontsize": "10.5"}
SUPPORT_EDGE = {"style": "dashed", "color": "#1f5fa8", "arrowhead": "empty", "penwidth": "1.5"}
CELL_LANES = ("onstage", "backstage", "support")


def cell_lines(ws: Workspace, nodes: list[str]) -> list[str]:
    """The lines of a lane cell: each touchpoint's name (★ for a moment of truth)."""
    lines: list[str] = []
    for node in nodes:
        tp = ws.touchpoints[node]
        star = "★ " if tp.moment_of_truth else ""
        bullet = "• " if len(nodes) > 1 else ""
        lines += wrap(f"{bullet}{star}{tp.name}", 23, 3)
    return lines


def cell_height(lines: int) -> float:
    return max(BOX_H, PAD + LINE_H * lines)


def lane_heights(ws: Workspace, cols: list[Column]) -> list[float]:
    """The height of each lane in a band: its tallest cell plus a gap; empty lanes are low."""
    return heights_of([cell_sizes(ws, column) for column in cols])


def cell_sizes(ws: Workspace, column: Column) -> tuple[int, ...]:
    """Lines in each lane cell of a column (0: an empty cell)."""
    return tuple(
        len(cell_lines(ws, column.cells[lane])) if column.cells[lane] else 0 for lane in CELL_LANES
    )


def heights_of(sizes: list[tuple[int, ...]]) -> list[float]:
    heights = [BOX_H + PAD]
    for lane in range(len(CELL_LANES)):
        tallest = max((size[lane] for size in sizes), default=0)
        heights.append(cell_height(tallest) + PAD if tallest else EMPTY_H)
    return heights


def band_size(ws: Workspace, cols: list[Column]) -> int:
    """Steps per band, so the whole blueprint is about as wide as a landscape page."""
    sizes = [cell_sizes(ws, column) for column in cols]
    best = (float("inf"), max(len(cols), 1))
    for size in range(min(MIN_BAND, len(cols)) or 1, len(cols) + 1):
        bands = [sizes[i : i + size] for i in range(0, len(sizes), size)]
        height = sum(sum(heights_of(b)) + len(LINES) * LINE_GAP for b in bands)
        aspect = (LABEL_W + size * COL_W) / (height + (len(bands) - 1) * BAND_GAP)
        best = min(best, (abs(aspect - PAGE_ASPECT), size))
    return best[1]


def pos(x: float, y: float) -> str:
    """A pinned position; ``y`` grows downwards here, upwards in Graphviz."""
    return f"{x:.3f},{-y:.3f}!"


def draw_bands(ws: Workspace, canvas: graphviz.Digraph, cols: list[Column]) -> None:
    """Every band of columns, top to bottom."""
    canvas.attr("graph", **BLUEPRINT_ATTRS)
    size = band_size(ws, cols)
    top = 0.0
    for start in range(0, max(len(cols), 1), size):
        band = cols[start : start + size]
        draw_band(ws, canvas, band, top, start // size)
        top += sum(lane_heights(ws, band)) + len(LINES) * LINE_GAP + BAND_GAP


def draw_band(
    ws: Workspace, canvas: graphviz.Digraph, band: list[Column], top: float, number: int
) -> None:
    """Lane titles and lines, then the columns' boxes and edges."""
    width = LABEL_W + max(len(band), 1) * COL_W
    tops, y = [], top
    for index, height in enumerate(lane_heights(ws, band)):
        tops.append((y, height))
        lane = list(LANE_TITLES)[index]
        title = f"<<B>{LANE_TITLES[lane]}</B>>"
        canvas.node(
            f"lane/{number}/{lane}",
            label=title,
            shape="plaintext",
            style="",
            pos=pos(LABEL_W / 2, y + height / 2),
            fontsize="12",
        )
        y += height
        if index < len(LINES):
            draw_line(canvas, f"{number}/{index}", LINES[index], width, y + LINE_GAP / 2)
            y += LINE_GAP
    for offset, column in enumerate(band):
        draw_column(ws, canvas, column, LABEL_W + (offset + 0.5) * COL_W, tops)
    for here, after in zip(band, band[1:], strict=False):
        canvas.edge(step_id(here), step_id(after), penwidth="2")


def draw_line(canvas: graphviz.Digraph, key: str, line: tuple, width: float, y: float) -> None:
    """A lane separator across the band, its name on a white patch at the left."""
    name, style, pen = line
    for end, x in (("a", 0.0), ("b", width)):
        canvas.node(f"line/{key}/{end}", label="", shape="point", style="invis", pos=pos(x, y))
    canvas.edge(
        f"line/{key}/a", f"line/{key}/b", style=style, penwidth=pen, dir="none", color="#333333"
    )
    canvas.node(
        f"line/{key}/name",
        label=label(name),
        shape="plaintext",
        style="filled",
        fillcolor="white",
        fontsize="10",
        pos=pos(LABEL_W / 2, y),
        margin="0.02",
    )


def step_id(column: Column) -> str:
    return f"step/{column.number}"


def draw_column(
    ws: Workspace, canvas: graphviz.Digraph, column: Column, x: float, lanes: list
) -> None:
    """One step: the action box, a box per lane below it, and the edges between them."""
    top, height = lanes[0]
    canvas.node(step_id(column), pos=pos(x, top + height / 2), **step_attrs(ws, column))
    placed: dict[str, str] = {}
    for (top, height), lane in zip(lanes[1:], CELL_LANES, strict=True):
        nodes = column.cells[lane]
        if nodes:
            name = f"cell/{column.number}/{lane}"
            canvas.node(name, pos=pos(x, top + height / 2), **cell_attrs(ws, nodes))
            placed.update(dict.fromkeys(nodes, name))
    canvas.edge(step_id(column), placed[column.step.touchpoint], color="#333333")
    links = set()
    for node, name in placed.items():
        for target in ws.touchpoints[node].supports:
            target_name = placed.get(target)
            if target_name and target_name != name:
                links.add((name, target_name))
    for name, target_name in sorted(links):
        canvas.edge(name, target_name, **SUPPORT_EDGE)


def step_attrs(ws: Workspace, column: Column) -> dict[str, str]:
    """A customer action: what the persona does there, and the emotion (fill and value)."""
    step = column.step
    name = ws.touchpoints[step.touchpoint].name
    fill, font = emotion_fill(float(step.emotion))
    text = step.doing or f"At: {name}"
    detail = f"emotion {signed(step.emotion)}"
    if step.pain_points:
        detail += f" · {plural(len(step.pain_points), 'pain')}"
    lines = wrap(f"{column.number}. {text}", 22, 4)
    return {
        **BOX,
        "height": f"{BOX_H}",
        "label": label(lines, detail),
        "fillcolor": fill,
        "fontcolor": font,
        "style": "rounded,filled",
        "tooltip": label(f"{column.number}. {text} ({name})"),
    }


def cell_attrs(ws: Workspace, nodes: list[str]) -> dict[str, str]:
    """A lane cell: the touchpoints' names; dashed if all backstage, thick if a moment of truth."""
    lines = cell_lines(ws, nodes)
    data = [ws.touchpoints[node] for node in nodes]
    backstage = all(d.visibility == "backstage" for d in data)
    if len(nodes) == 1 and data[0].channel:
        lines.append(f"({data[0].channel})")
    attrs = {
        **BOX,
        "height": f"{cell_height(len(lines)):.2f}",
        "fillcolor": "#e8eef7",
        "label": label(lines, justify="l" if len(nodes) > 1 else "n"),
        "style": "rounded,filled" + (",dashed" if backstage else ""),
        "tooltip": label("; ".join(f"{d.name} ({d.id})" for d in data)),
    }
    if any(d.moment_of_truth for d in data):
        attrs.update(penwidth="3", color="black")
    return attrs
