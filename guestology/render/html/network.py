"""The touchpoint network: an inline SVG laid out by stage, no Graphviz needed.

Stages are columns; onstage touchpoints sit above the line of visibility, backstage ones
below it. A flow's width grows with the number of personas who take it; dashed lines show
backstage touchpoints supporting onstage ones. The data for the page's script (each
persona's path, the needs each touchpoint serves) goes beside the SVG as JSON.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from guestology.render.common import clip, plural, wrap
from guestology.render.html.netdata import script_data
from guestology.render.html.svg import el, num, svg_root, titled
from guestology.render.html.view import MapContext, journey_positions

COL_W, BOX_W, BOX_H, ROW_H = 250, 200, 34, 42
LINE_CHARS = 27  # characters per line of a touchpoint's name in its box (two lines at most)
LEFT, TOP, BAND_GAP = 34, 54, 46
MAX_EDGES = 500
BUTTONS_UP_TO = 30


def layout(ctx: MapContext) -> tuple[list[dict[str, Any]], float, float, float]:
    """Every touchpoint in scope as a box (x, y, column) by stage and visibility; the SVG's
    size and the y of the line of visibility."""
    position = journey_positions(ctx)
    stats = ctx.report.scope.stats
    stages = [s.id for s in ctx.ws.stages]
    cells: dict[tuple[int, bool], list[str]] = {}
    for tid in ctx.report.scope.touchpoints:
        tp = ctx.touchpoint(tid)
        cells.setdefault((stages.index(tp.stage), tp.visibility == "onstage"), []).append(tid)
    for tids in cells.values():
        tids.sort(key=lambda t: (t not in position, position.get(t, 0.0)))
    on_rows = max((len(v) for (c, on), v in cells.items() if on), default=0)
    back_rows = max((len(v) for (c, on), v in cells.items() if not on), default=0)
    line_y = TOP + on_rows * ROW_H + BAND_GAP / 2
    nodes = []
    for (column, onstage), tids in sorted(cells.items()):
        for row, tid in enumerate(tids):
            top = TOP if onstage else line_y + BAND_GAP / 2
            stat = stats.get(tid)
            node = _node(ctx, tid, len(stat.visitors) if stat else 0)
            node.update(col=column, x=LEFT + column * COL_W, y=top + row * ROW_H + ROW_H / 2)
            nodes.append(node)
    width = LEFT + len(stages) * COL_W + 24  # room for loops beside the last column
    height = line_y + BAND_GAP / 2 + back_rows * ROW_H + 12
    return nodes, width, height, line_y


def _node(ctx: MapContext, tid: str, visitors: int) -> dict[str, Any]:
    tp = ctx.touchpoint(tid)
    return {
        "id": tid,
        "name": tp.name,
        "stage": ctx.stage_names.get(tp.stage, tp.stage),
        "channel": tp.channel or "",
        "vis": tp.visibility,
        "mot": tp.moment_of_truth,
        "owner": tp.owner or "",
        "visitors": visitors,
    }


Point = tuple[float, float]


def edge_points(a: dict[str, Any], b: dict[str, Any]) -> tuple[Point, Point, Point, Point]:
    """The cubic curve from the right side of box ``a`` to the left side of box ``b`` (the
    page's script draws highlighted paths with the same formula)."""
    x1, y1, x2, y2 = a["x"] + BOX_W, a["y"], b["x"], b["y"]
    if b["col"] == a["col"]:
        x2 = b["x"] + BOX_W
        bend = 36 + abs(y2 - y1) * 0.12
        return (x1, y1), (x1 + bend, y1), (x2 + bend, y2), (x2, y2)
    bend = max(40.0, abs(x2 - x1) / 2)
    return (x1, y1), (x1 + bend, y1), (x2 - bend, y2), (x2, y2)


def edge_path(a: dict[str, Any], b: dict[str, Any]) -> str:
    return cubic(*edge_points(a, b))


def extent(
    curves: list[tuple[Point, Point, Point, Point]], box: tuple[float, float, float, float]
) -> str:
    """A viewBox that holds ``box`` (x0, y0, x1, y1) and every curve (sampled), so that no
    flow runs off the drawing's edge."""
    x0, y0, x1, y1 = box
    for p0, p1, p2, p3 in curves:
        for k in range(17):
            t = k / 16
            u = 1 - t
            x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
            y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
            x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
    x0, y0, x1, y1 = x0 - 4, y0 - 4, x1 + 4, y1 + 4
    return f"{num(x0)} {num(y0)} {num(x1 - x0)} {num(y1 - y0)}"


def cubic(*points: tuple[float, float]) -> str:
    """An SVG path: ``M`` the first point, ``C`` through the other three."""
    (x0, y0), rest = points[0], points[1:]
    return f"M{num(x0)},{num(y0)} C" + " ".join(f"{num(x)},{num(y)}" for x, y in rest)


def network_view(ctx: MapContext) -> dict[str, Any]:
    nodes, width, height, line_y = layout(ctx)
    index = {n["id"]: i for i, n in enumerate(nodes)}
    found = sorted(ctx.report.scope.flows, key=lambda f: len(f.personas))
    shown = found[-MAX_EDGES:]
    most = max((len(f.personas) for f in shown), default=1)
    pairs = [(nodes[index[f.source]], nodes[index[f.target]], len(f.personas)) for f in shown]
    edges = [_flow(a, b, count, most) for a, b, count in pairs]
    # every persona's path can be traced: its moves too must stay inside the drawing
    moves = {
        (index[s.touchpoint], index[t.touchpoint])
        for pid in ctx.persona_ids
        for s, t in zip(ctx.journey(pid), ctx.journey(pid)[1:], strict=False)
        if s.touchpoint != t.touchpoint and s.touchpoint in index and t.touchpoint in index
    }
    curves = [edge_points(nodes[i], nodes[j]) for i, j in moves]
    desc = (
        f"{plural(len(nodes), 'touchpoint')} in {plural(len(ctx.ws.stages), 'stage')}; "
        "onstage above the line of "
        f"visibility, backstage below. Line width: how many personas take a flow."
    )
    svg = svg_root(
        width,
        height,
        "network",
        *titled("Touchpoint network", desc, "network"),
        _arrow(),
        _frame(ctx, width, line_y),
        el("g", {"class_": "flows"}, edges),
        el("g", {"class_": "supports"}, _supports(ctx, nodes, index, line_y)),
        el("g", {"class_": "highlight", "aria-hidden": "true"}),
        el("g", {"class_": "nodes"}, [_box(n, i) for i, n in enumerate(nodes)]),
        class_="network",
        role="group",
        viewBox=extent(curves, (0, 0, width, height)),
        style=f"max-width: {num(width)}px",
    )
    data = script_data(ctx, nodes, index, (BOX_W, BOX_H))
    personas = data["personas"]
    return {
        "svg": svg,
        "data": data,
        "personas": [{"index": i, "name": p["name"]} for i, p in enumerate(personas)],
        "picker": "buttons" if len(personas) <= BUTTONS_UP_TO else "select",
        "edges_shown": len(shown),
        "edges_total": len(found),
    }


def _arrow() -> Markup:
    """The arrowhead of a traced persona's path (drawn by the page's script)."""
    head = {"id": "net-arrow", "viewBox": "0 0 10 10", "refX": 9, "refY": 5}
    size = {"markerWidth": 7, "markerHeight": 7, "orient": "auto-start-reverse"}
    shape = el("path", {"d": "M0,0 L10,5 L0,10 z", "class_": "arrow"})
    return el("defs", None, el("marker", {**head, **size}, shape))


def _flow(a: dict[str, Any], b: dict[str, Any], count: int, most: int) -> Markup:
    title = f"{a['name']} \u2192 {b['name']}: {plural(count, 'persona')}"
    width = 1.2 + 6 * count / most
    return el("path", {"class_": "flow", "d": edge_path(a, b), "stroke-width": width},
              el("title", None, title))  # fmt: skip


def _frame(ctx: MapContext, width: float, line_y: float) -> Markup:
    parts = []
    for column, stage in enumerate(ctx.ws.stages):
        x = LEFT + column * COL_W
        parts.append(el("text", {"class_": "stage-label", "x": x, "y": 22}, clip(stage.name, 30)))
    attrs = {"class_": "lov", "x1": 0, "x2": width, "y1": line_y, "y2": line_y}
    parts.append(el("line", attrs))
    parts.append(el("text", {"class_": "lov-label", "x": width - 8, "y": line_y - 6},
                    "\u25b2 onstage: what guests see"))  # fmt: skip
    parts.append(el("text", {"class_": "lov-label", "x": width - 8, "y": line_y + 15},
                    "\u25bc backstage: what supports it (line of visibility)"))  # fmt: skip
    return el("g", {"class_": "frame", "aria-hidden": "true"}, parts)


def _supports(
    ctx: MapContext, nodes: list[dict[str, Any]], index: dict[str, int], line_y: float
) -> Markup:
    """Dashed support lines that cross no box: out of the supporting box's left side into the
    gutter between columns, along the band at the line of visibility, and up (or down) the
    gutter left of the supported box."""
    lines = []
    count = 0
    for target, sources in ctx.report.scope.supported_by.items():
        for tid in sources:
            if tid not in index or target not in index:
                continue  # out of scope: not drawn
            a, b = nodes[index[tid]], nodes[index[target]]
            lane = (count % 5) * 4
            count += 1
            ga, gb = a["x"] - 10 - lane, b["x"] - 10 - lane
            y1, y2, band = a["y"] + BOX_H / 4, b["y"] + BOX_H / 4, line_y + 6 + lane
            turns = f"H{num(ga)} V{num(band)} H{num(gb)} V{num(y2)} H{num(b['x'])}"
            d = f"M{num(a['x'])},{num(y1)} {turns}"
            title = f"{a['name']} supports {b['name']}"
            lines.append(el("path", {"class_": "support", "d": d}, el("title", None, title)))
    return Markup("".join(lines))


def _box(node: dict[str, Any], i: int) -> Markup:
    css = f"tp {'on' if node['vis'] == 'onstage' else 'back'}"
    css += " mot" if node["mot"] else ""
    css += "" if node["visitors"] else " unvisited"
    lines = wrap(("\u2605 " if node["mot"] else "") + node["name"], LINE_CHARS, 2)
    top = node["y"] + 4 - 6.5 * (len(lines) - 1)
    texts = [
        el("text", {"class_": "name", "x": node["x"] + 7, "y": top + 13 * k}, line)
        for k, line in enumerate(lines)
    ]
    count = {"class_": "count", "x": node["x"] + BOX_W - 6, "y": node["y"] + 4}
    box = {"x": node["x"], "y": node["y"] - BOX_H / 2, "width": BOX_W, "height": BOX_H, "rx": 5}
    visits = plural(node["visitors"], "persona")
    label = f"{node['name']} ({visits}): show what it serves"
    return el(
        "g",
        {"class_": css, "data-i": i, "tabindex": 0, "role": "button", "aria-label": label},
        el("title", None, f"{node['name']}: {visits}"),
        el("rect", box),
        texts,
        el("text", count, node["visitors"]),
    )
