"""The journey map's small charts: the emotion curve and the expectation-vs-delivery scale.

Emotion is shown by sign and position, never by colour alone: every point carries its signed
value (``+2``, ``0``, ``−1``) above or below it, over a zero line, so a black-and-white print
reads as well as the screen.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from guestology.analysis.expectations import StepGap
from guestology.render.common import signed
from guestology.render.html.svg import el, num, svg_root, titled

STEP_W = 112  # one journey column, in CSS pixels (the SVG scales with the table)
CURVE_H = 132
CURVE_PAD = 22
TONE = {1: "pos", 0: "zero", -1: "neg"}
VERDICTS = {"above": "over", "below": "under", "within": "met"}  # the report's bands


def tone(value: float) -> str:
    """``pos``, ``zero`` or ``neg``: the CSS class of an emotion value."""
    return TONE[(value > 0) - (value < 0)]


def emotion_y(value: float, height: float = CURVE_H, pad: float = CURVE_PAD) -> float:
    """The y of an emotion (-2..+2) in a chart ``height`` high with ``pad`` above and below."""
    return pad + (2 - value) * (height - 2 * pad) / 4


def emotion_curve(
    points: list[dict[str, Any]], label_id: str, who: str, step_w: float = STEP_W
) -> Markup:
    """The emotion curve of a run of journey steps: one labelled point per step.

    ``points``: ``{"n", "name", "emotion"}`` per step, in order (one column each, ``step_w``
    wide: the wider, the flatter the curve drawn across a table's width).
    """
    width = step_w * len(points)
    coords = [((i + 0.5) * step_w, emotion_y(p["emotion"])) for i, p in enumerate(points)]
    line = " ".join(f"{num(x)},{num(y)}" for x, y in coords)
    values = ", ".join(f"step {p['n']} {signed(p['emotion'])}" for p in points)
    desc = f"Emotion from -2 to +2 at each step, zero in the middle: {values}."
    return svg_root(
        width,
        CURVE_H,
        label_id,
        *titled(f"Emotion curve of {who}", desc, label_id),
        emotion_grid(width),
        el("polyline", {"class_": "curve-line", "points": line}),
        [_point(p, x, y) for p, (x, y) in zip(points, coords, strict=True)],
        class_="curve",
        preserveAspectRatio="xMinYMid meet",
    )


def emotion_grid(width: float) -> Markup:
    """The emotion chart's background: positive and negative zones, grid lines, zero, axis."""
    zero = emotion_y(0)
    rows = [
        el("rect", {"class_": "zone-pos", "x": 0, "y": 0, "width": width, "height": zero}),
        el("rect", {"class_": "zone-neg", "x": 0, "y": zero, "width": width, "height": CURVE_H}),
    ]
    for level in (2, 1, -1, -2):
        y = emotion_y(level)
        rows.append(el("line", {"class_": "grid", "x1": 0, "x2": width, "y1": y, "y2": y}))
    rows.append(el("line", {"class_": "zero", "x1": 0, "x2": width, "y1": zero, "y2": zero}))
    for level in (2, 0, -2):
        y = emotion_y(level) + 3.5
        rows.append(el("text", {"class_": "axis", "x": 3, "y": y}, signed(level)))
    return el("g", {"aria-hidden": "true"}, rows)


def _point(point: dict[str, Any], x: float, y: float) -> Markup:
    value = point["emotion"]
    label_y = y - 11 if value >= 0 else y + 20
    text = signed(value)
    return el(
        "g",
        {"class_": f"pt {tone(value)}"},
        el("title", None, f"Step {point['n']}, {point['name']}: {text}"),
        el("circle", {"cx": x, "cy": y, "r": 6}),
        el("text", {"x": x, "y": label_y, "text-anchor": "middle"}, text),
    )


def expectation_view(
    adequate: int | None, desired: int | None, delivery: int | None, gap: StepGap | None
) -> dict[str, Any] | None:
    """Expectation vs delivery at one step: labels, the report's verdict and a 1..5 scale.

    ``gap`` is the report's measure of the step (``None`` when it lacks a figure).
    """
    if adequate is None and delivery is None:
        return None
    expected = None
    if adequate is not None and desired is not None:
        expected = f"{adequate}" if adequate == desired else f"{adequate}\u2013{desired}"
    verdict, text = "unknown", "not measured"
    if gap is not None:
        verdict = VERDICTS[gap.band]
        text = {
            "over": f"\u25b2 over-delivers by {gap.gap}",
            "under": f"\u25bc under-delivers by {-gap.gap}",
            "met": "= meets expectation",
        }[verdict]
    return {
        "expected": expected,
        "delivered": delivery,
        "verdict": verdict,
        "verdict_text": text,
        "scale": _scale(adequate, desired, delivery, verdict),
    }


def _scale(adequate: int | None, desired: int | None, delivery: int | None, verdict: str) -> Markup:
    def x(v: int) -> float:
        return 8 + (v - 1) * 21

    parts = [el("line", {"class_": "axis-line", "x1": x(1), "x2": x(5), "y1": 15, "y2": 15})]
    parts += [el("circle", {"class_": "tick", "cx": x(v), "cy": 15, "r": 1.8}) for v in range(1, 6)]
    if adequate is not None and desired is not None:
        left, right = x(adequate) - 5, x(desired) + 5
        zone = {"class_": "zone", "x": left, "y": 9, "width": right - left, "height": 12, "rx": 3}
        parts.insert(0, el("rect", zone))
    if delivery is not None:
        cx = x(delivery)
        shape = {
            "over": f"{num(cx - 6)},20 {num(cx + 6)},20 {num(cx)},9",
            "under": f"{num(cx - 6)},10 {num(cx + 6)},10 {num(cx)},21",
        }.get(verdict, f"{num(cx - 5)},15 {num(cx)},10 {num(cx + 5)},15 {num(cx)},20")
        parts.append(el("polygon", {"class_": f"mark {verdict}", "points": shape}))
    return el(
        "svg",
        {"class_": "scale", "viewBox": "0 0 100 30", "aria-hidden": "true", "focusable": "false"},
        parts,
    )
