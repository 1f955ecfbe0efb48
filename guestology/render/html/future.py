"""The designed future beside today: both emotion curves on one chart, and what changes.

Today's curve is solid with filled dots, the future's dashed with hollow squares: the two
read apart in a black-and-white print as well as on screen. The journeys may have different
lengths, so each is drawn along the visit's progress (first step on the left, last on the
right). The figures and the planned touchpoints come from the report's ``future`` section.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from guestology.analysis.future import FutureState
from guestology.render.common import signed
from guestology.render.html.curve import CURVE_H, emotion_grid, emotion_y
from guestology.render.html.svg import el, num, svg_root, titled
from guestology.render.html.view import MapContext

WIDTH, PAD_X = 640, 28


def future_view(ctx: MapContext, pid: str) -> dict[str, Any] | None:
    """The future block of one persona's journey, or ``None`` without a ``future:``."""
    state = ctx.report.future.of(pid)
    if state is None:
        return None
    today = [(p.touchpoint, p.emotion) for p in _points(ctx, pid)]
    future = [(p.touchpoint, p.emotion) for p in state.points]
    report = ctx.report
    return {
        "chart": _chart(report.tp_name, today, future, f"future-{pid}", state.name),
        "figures": _figures(state),
        "planned": [report.tp_name(tp) for tp in state.planned],
        "realised": list(state.realised),
        "removed": list(state.removed),
    }


def _points(ctx: MapContext, pid: str) -> list[Any]:
    curve = ctx.report.emotions.curve(pid)
    return list(curve.points) if curve else []


def _x(i: int, n: int) -> float:
    return PAD_X + (WIDTH - 2 * PAD_X) * (i / (n - 1) if n > 1 else 0.5)


def _line(name: Any, points: list[tuple[str, int]], css: str, what: str) -> Markup:
    coords = [(_x(i, len(points)), emotion_y(e)) for i, (_, e) in enumerate(points)]
    path = " ".join(f"{num(x)},{num(y)}" for x, y in coords)
    marks = []
    for i, ((tp, e), (x, y)) in enumerate(zip(points, coords, strict=True)):
        tip = el("title", None, f"{what}, step {i + 1}, {name(tp)}: {signed(e)}")
        shape = (
            el("rect", {"x": x - 5, "y": y - 5, "width": 10, "height": 10})
            if css == "future"
            else el("circle", {"cx": x, "cy": y, "r": 5})
        )
        marks.append(el("g", {"class_": "pt"}, tip, shape))
    return el("g", {"class_": f"line-{css}"}, el("polyline", {"points": path}), marks)


def _chart(
    name: Any, today: list[tuple[str, int]], future: list[tuple[str, int]], label: str, who: str
) -> Markup:
    def values(points: list[tuple[str, int]]) -> str:
        return ", ".join(signed(e) for _, e in points)

    desc = (
        f"Emotion from -2 to +2 along the visit. Today (solid line, dots): {values(today)}. "
        f"Designed future (dashed line, squares): {values(future)}."
    )
    return svg_root(
        WIDTH,
        CURVE_H,
        label,
        *titled(f"{who}: today and the designed future", desc, label),
        emotion_grid(WIDTH),
        _line(name, today, "today", "Today") if today else "",
        _line(name, future, "future", "Future"),
        class_="curve future-chart",
        preserveAspectRatio="xMinYMid meet",
    )


def _figures(s: FutureState) -> list[dict[str, str]]:
    def pair(values: tuple[Any, Any], show: Any = str) -> str:
        return f"{show(values[0])} \u2192 {show(values[1])}"

    def point(p: Any) -> str:
        return signed(p.emotion) if p is not None else "\u2014"

    return [
        {"label": "Mean emotion", "value": pair(s.mean, lambda v: signed(v or 0, 1))},
        {"label": "Lowest point", "value": pair(s.low, point)},
        {"label": "End of the visit", "value": pair(s.end, point)},
        {"label": "Needs met", "value": pair((s.needs[0]["met"], s.needs[1]["met"]))},
        {"label": "Needs failed or unmet", "value": pair(
            (s.needs[0]["failed"] + s.needs[0]["unmet"], s.needs[1]["failed"] + s.needs[1]["unmet"])
        )},
        {"label": "Pain points (severe)", "value": f"{s.pains[0]} ({s.severe[0]}) \u2192 "
                                                   f"{s.pains[1]} ({s.severe[1]})"},
        {"label": "Failures nothing recovers", "value": pair(s.unrecovered)},
    ]  # fmt: skip
