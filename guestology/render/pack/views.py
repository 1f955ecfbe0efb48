"""View data for the pack's own pages: persona cards with an emotion sparkline, and the blank
journey canvas and compass that a workshop fills with sticky notes."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from guestology.model import Workspace
from guestology.render.common import signed
from guestology.render.html.curve import tone
from guestology.render.html.journey import LANES
from guestology.render.html.svg import el, num
from guestology.render.html.view import MapContext, persona_card

NEEDS_ON_CARD, STEREOTYPES_ON_CARD = 3, 3
PRIORITY = {"high": 0, "medium": 1, "low": 2}
SPARK_W, SPARK_H, SPARK_PAD = 300, 64, 10
COMPASS_POINTS = [
    ("N", "Needs", "needs", "must-haves: water, shade, a restroom, a way in"),
    ("W", "Wants", "wants", "preferences tied to a need"),
    ("S", "Stereotypes", "stereotypes", "what they believe before they arrive"),
    ("E", "Emotions", "emotions", "how they feel along the way"),
]


def card_view(ctx: MapContext, pid: str) -> dict[str, Any]:
    """A persona card: who, their words, their top needs, the stereotypes to counter and the
    shape of their day."""
    persona = ctx.persona(pid)
    needs = sorted(persona.compass.needs, key=lambda n: PRIORITY.get(n.priority, 1))
    counter = [s.text for s in persona.compass.stereotypes if s.valence == "negative"]
    emotions = [step.emotion for step in persona.journey]
    return {
        **persona_card(ctx, pid),
        "needs": [{"text": n.text, "priority": n.priority} for n in needs[:NEEDS_ON_CARD]],
        "more_needs": max(0, len(needs) - NEEDS_ON_CARD),
        "counter": counter[:STEREOTYPES_ON_CARD],
        "more_counter": max(0, len(counter) - STEREOTYPES_ON_CARD),
        "sparkline": sparkline(emotions, persona.name),
    }


def sparkline(values: list[int], who: str) -> Markup:
    """The emotion of every step (-2..+2) as a small line over a dashed zero, each point
    marked by its sign so that it reads in black and white."""
    if not values:
        return Markup("")
    step = (SPARK_W - 2 * SPARK_PAD) / max(len(values) - 1, 1)

    def y(v: float) -> float:
        return SPARK_PAD + (2 - v) * (SPARK_H - 2 * SPARK_PAD) / 4

    points = [(SPARK_PAD + i * step, y(v)) for i, v in enumerate(values)]
    line = " ".join(f"{num(x)},{num(yy)}" for x, yy in points)
    dots = [
        el("circle", {"class_": f"pt {tone(v)}", "cx": x, "cy": yy, "r": 3.5})
        for v, (x, yy) in zip(values, points, strict=True)
    ]
    label = f"Emotion of {who} at each of {len(values)} steps: " + ", ".join(map(signed, values))
    zero = {"class_": "zero", "x1": 0, "x2": SPARK_W, "y1": y(0), "y2": y(0)}
    return el(
        "svg",
        {"class_": "sparkline", "viewBox": f"0 0 {SPARK_W} {SPARK_H}", "role": "img",
         "aria-label": label, "focusable": "false"},
        el("line", zero),
        el("polyline", {"class_": "spark-line", "points": line}),
        dots,
    )  # fmt: skip


def blank_canvas(ws: Workspace, name: str) -> dict[str, Any]:
    """A journey canvas to fill by hand: the service's stages as columns, the map's lanes
    as rows, and the persona's name when one is given."""
    return {
        "name": name,
        "service": ws.service.service,
        "stages": [stage.name for stage in ws.stages] or ["", "", "", ""],
        "lanes": [{"id": lane, "name": title, "scale": lane == "emotion"} for lane, title in LANES],
    }


def blank_compass(name: str) -> dict[str, Any]:
    """An empty Guest Compass: the four points, each with a reminder of what goes there."""
    return {
        "name": name,
        "points": [
            {"key": key, "name": title, "css": css, "hint": hint}
            for key, title, css, hint in COMPASS_POINTS
        ],
    }
