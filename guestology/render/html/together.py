"""All personas together: every persona's emotion at the touchpoints they share, in one chart.

Up to ``LINES_UP_TO`` personas each get a line (colour, dash pattern and marker shape, so it
reads in black and white); beyond that, each touchpoint shows how many personas feel -2..+2
(dot area) and the mean as a line. Either way "one size does not fit all" is visible at a
glance, and the touchpoints where personas disagree most are listed in words.
"""

from __future__ import annotations

import math
from statistics import fmean
from typing import Any

from markupsafe import Markup

from guestology.render.common import clip, signed
from guestology.render.html.curve import emotion_y
from guestology.render.html.svg import el, num, svg_root, titled
from guestology.render.html.view import MapContext, journey_positions

LINES_UP_TO = 10
MAX_COLUMNS = 40
LEFT, RIGHT, TOP, PLOT_H = 46, 24, 40, 260
MIN_COL_W, MAX_COL_W = 30, 160
WIDTH = 1500  # the chart's own width (SVG units): it is drawn across the page's width
CHAR_W = 6.2  # the mean width of a character of a column label (11 px), to make room for it
ANGLE = 40  # column labels are turned this many degrees, written in full
DISAGREE_SHOWN = 5
# On A4 the chart is at most this high, so that the list below it fits on its page (the
# park's chart drawn across the width was 126 mm, and one line of the list spilt over)...
A4_CHART_MM = 110.0
# ...but never so small that its 11-unit labels print below A4's smallest text (6.5 pt).
A4_MM_PER_UNIT = 6.5 * 25.4 / 72 / 11
SHAPES = ("circle", "square", "triangle", "diamond", "bar")


def emotion_matrix(ctx: MapContext) -> tuple[list[str], dict[str, dict[str, float]]]:
    """The shared touchpoints (in stage order) and each persona's mean emotion at each one,
    as the report's scope has them."""
    stats = ctx.report.scope.stats
    shared = [t for t, s in stats.items() if len(s.visitors) >= 2] or list(stats)
    shared = sorted(shared, key=lambda t: -len(stats[t].visitors))[:MAX_COLUMNS]
    order = {s.id: i for i, s in enumerate(ctx.ws.stages)}
    position = journey_positions(ctx)
    shared.sort(key=lambda t: (order.get(ctx.touchpoint(t).stage, 0), position.get(t, 0.0)))
    means = {t: dict(stats[t].emotions) for t in shared}
    return shared, means


def together_view(ctx: MapContext, width: float = WIDTH) -> dict[str, Any]:
    """The chart ``width`` units wide (the page's width in CSS pixels draws it at its own size
    on paper), every column label written in full inside it."""
    columns, means = emotion_matrix(ctx)
    mode = "lines" if len(ctx.persona_ids) <= LINES_UP_TO else "spread"
    series = {pid: i for i, pid in enumerate(ctx.persona_ids)}
    reach = [len(ctx.touchpoint(t).name) * CHAR_W for t in columns] or [0.0]
    col_w, tail = _columns(width, reach)
    if mode == "lines":
        body = _lines(ctx, columns, means, series, col_w)
    else:
        body = _spread(columns, means, col_w)
    width = LEFT + col_w * len(columns) + RIGHT + tail  # narrower when columns are few
    height = TOP + PLOT_H + 24 + max(reach) * math.sin(math.radians(ANGLE))
    desc = (
        f"Emotion from -2 to +2 of {len(ctx.persona_ids)} personas at {len(columns)} shared "
        "touchpoints, in stage order."
    )
    svg = svg_root(
        width,
        height,
        "together",
        *titled("Every persona's emotion at the shared touchpoints", desc, "together"),
        _frame(ctx, columns, col_w),
        body,
        class_=f"together {mode}",
        style=f"max-width: {num(width)}px; --a4-max-h: {num(_a4_height(height))}mm",
    )
    legend = [
        {"id": pid, "name": ctx.persona(pid).name, "swatch": swatch(series[pid])}
        for pid in ctx.persona_ids
    ]
    return {
        "mode": mode,
        "svg": svg if columns else None,
        "legend": legend if mode == "lines" else [],
        "columns": len(columns),
        "disagree": _disagreements(ctx),
    }


def _a4_height(height: float) -> float:
    """The chart's largest height on A4 paper, in mm (see ``A4_CHART_MM``)."""
    return max(A4_CHART_MM, math.ceil(height * A4_MM_PER_UNIT))


def _columns(width: float, reach: list[float]) -> tuple[float, float]:
    """The width of a column, and how far the turned labels reach right of the last one."""
    n, run = len(reach), math.cos(math.radians(ANGLE))
    col_w = (width - LEFT - RIGHT) / max(n, 1)
    for _ in range(2):  # the labels' tail depends on the columns' width, and back
        tail = max(0.0, *(r * run - col_w * (n - 1 - i) for i, r in enumerate(reach)))
        col_w = max(MIN_COL_W, min(MAX_COL_W, (width - LEFT - RIGHT - tail) / max(n, 1)))
    return col_w, tail


def _x(column: int, col_w: float) -> float:
    return LEFT + (column + 0.5) * col_w


def _y(value: float) -> float:
    return TOP + emotion_y(value, PLOT_H, 14)


def _frame(ctx: MapContext, columns: list[str], col_w: float) -> Markup:
    groups: list[list[Any]] = []  # [stage, first column, end column]
    for i, tid in enumerate(columns):
        stage = ctx.touchpoint(tid).stage
        if groups and groups[-1][0] == stage:
            groups[-1][2] = i + 1
        else:
            groups.append([stage, i, i + 1])
    parts = [_stage_band(ctx, g[0], g[1], g[2], n, col_w) for n, g in enumerate(groups)]
    right = LEFT + col_w * max(len(columns), 1)
    for level in (2, 1, 0, -1, -2):
        y = _y(level)
        css = "zero" if level == 0 else "grid"
        parts.append(el("line", {"class_": css, "x1": LEFT, "x2": right, "y1": y, "y2": y}))
        parts.append(el("text", {"class_": "axis", "x": LEFT - 8, "y": y + 4}, signed(level)))
    base = TOP + PLOT_H + 10
    for i, tid in enumerate(columns):
        name = ctx.touchpoint(tid).name
        attrs = {
            "class_": "col-label",
            "transform": f"translate({num(_x(i, col_w) - 4)},{base}) rotate({ANGLE})",
        }
        parts.append(el("text", attrs, name))
    return el("g", {"class_": "frame"}, parts)


def _stage_band(
    ctx: MapContext, stage: str, start: int, end: int, index: int, col_w: float
) -> Markup:
    x, w = LEFT + start * col_w, (end - start) * col_w
    name = ctx.stage_names.get(stage, stage)
    rect = {
        "class_": f"band b{index % 2}",
        "x": x,
        "y": TOP - 22,
        "width": w,
        "height": PLOT_H + 22,
    }
    label = {"class_": "stage-label", "x": x + 6, "y": TOP - 8}
    text = el("text", label, el("title", None, name), clip(name, max(4, int(w / 7))))
    return Markup(el("rect", rect) + text)


def marker(shape: str, x: float, y: float, size: float = 4.5) -> Markup:
    if shape == "circle":
        return el("circle", {"cx": x, "cy": y, "r": size})
    if shape == "square":
        return el("rect", {"x": x - size, "y": y - size, "width": 2 * size, "height": 2 * size})
    s = size * 1.25
    points = {
        "triangle": [(x, y - s), (x + s, y + s * 0.8), (x - s, y + s * 0.8)],
        "diamond": [(x, y - s), (x + s, y), (x, y + s), (x - s, y)],
        "bar": [(x - s, y - 2), (x + s, y - 2), (x + s, y + 2), (x - s, y + 2)],
    }[shape]
    return el("polygon", {"points": " ".join(f"{num(a)},{num(b)}" for a, b in points)})


def swatch(index: int) -> Markup:
    """A legend key: the persona's line pattern and marker shape."""
    shape = SHAPES[index % len(SHAPES)]
    return el(
        "svg",
        {"class_": f"swatch s{index % LINES_UP_TO}", "viewBox": "0 0 36 14", "aria-hidden": "true"},
        el("line", {"x1": 2, "x2": 34, "y1": 7, "y2": 7}),
        marker(shape, 18, 7, 4),
    )


def _ranges(columns: list[str], means: Any, col_w: float) -> list[Markup]:
    """A grey bar from the lowest to the highest persona at each touchpoint: the spread."""
    bars = []
    for i, tid in enumerate(columns):
        top, bottom = _y(max(means[tid].values())) - 9, _y(min(means[tid].values())) + 9
        box = {
            "class_": "range",
            "x": _x(i, col_w) - 13,
            "y": top,
            "width": 26,
            "height": bottom - top,
        }
        bars.append(el("rect", {**box, "rx": 9}))
    return bars


def _lines(
    ctx: MapContext, columns: list[str], means: Any, series: dict[str, int], col_w: float
) -> Markup:
    groups = _ranges(columns, means, col_w)
    count = len(ctx.persona_ids)
    for pid in ctx.persona_ids:
        index = series[pid]
        offset = (index - (count - 1) / 2) * 3
        pts = [(i, means[t][pid]) for i, t in enumerate(columns) if pid in means[t]]
        if not pts:
            continue
        coords = [(_x(i, col_w) + offset, _y(v)) for i, v in pts]
        name = ctx.persona(pid).name
        marks = [
            el("g", None, el("title", None, f"{name}, {ctx.touchpoint(columns[i]).name}: "
                             f"{signed(v)}"),
               marker(SHAPES[index % len(SHAPES)], x, y))
            for (i, v), (x, y) in zip(pts, coords, strict=True)
        ]  # fmt: skip
        css = f"series s{index % LINES_UP_TO}"
        lines = _runs([i for i, _ in pts], coords)
        groups.append(el("g", {"class_": css, "data-p": pid}, lines, marks))
    return el("g", {"class_": "plot"}, groups)


def _runs(columns: list[int], coords: list[tuple[float, float]]) -> list[Markup]:
    """Solid lines between neighbouring columns; a faint line across columns a persona skips."""
    out = []
    start = 0
    for k in range(1, len(columns) + 1):
        if k == len(columns) or columns[k] != columns[k - 1] + 1:
            if k - start > 1:
                run = " ".join(f"{num(x)},{num(y)}" for x, y in coords[start:k])
                out.append(el("polyline", {"points": run}))
            if k < len(columns):
                (x1, y1), (x2, y2) = coords[k - 1], coords[k]
                out.append(el("line", {"class_": "skip", "x1": x1, "y1": y1, "x2": x2, "y2": y2}))
            start = k
    return out


def _spread(columns: list[str], means: Any, col_w: float) -> Markup:
    parts = []
    most = max((len(means[t]) for t in columns), default=1)
    for i, tid in enumerate(columns):
        counts = {v: 0 for v in range(-2, 3)}
        for value in means[tid].values():
            counts[round(value)] += 1
        for value, count in counts.items():
            if count:
                r = 2 + 11 * (count / most) ** 0.5
                title = el("title", None, f"{count} personas at {signed(value)}")
                circle = el("circle", {"cx": _x(i, col_w), "cy": _y(value), "r": r})
                parts.append(el("g", {"class_": f"dot v{value + 2}"}, title, circle))
    line = " ".join(
        f"{num(_x(i, col_w))},{num(_y(fmean(means[t].values())))}" for i, t in enumerate(columns)
    )
    parts.append(el("polyline", {"class_": "mean", "points": line}))
    return el("g", {"class_": "plot"}, parts)


def _disagreements(ctx: MapContext) -> list[dict[str, Any]]:
    """The report's divergent touchpoints (one size does not fit all), widest first."""
    found = []
    for d in ctx.report.divergence.touchpoints[:DISAGREE_SHOWN]:
        (high, high_value), (low, low_value) = d.highest, d.lowest
        found.append(
            {
                "touchpoint": d.name,
                "spread": signed(d.spread).lstrip("+"),
                "low": ctx.persona(low).name,
                "low_value": signed(low_value),
                "high": ctx.persona(high).name,
                "high_value": signed(high_value),
                "personas": len(d.emotions),
                "kind": "cast members" if d.kind == "cast" else "guests",
            }
        )
    return found
