"""View data for a persona's journey map: stages as columns, lanes as rows.

A journey is cut into rows of at most ``per_row`` steps (12 on A3, 8 on A4) so that no lane
is ever cut off at the edge of the paper; each row is a complete table with every lane and
its own stretch of the emotion curve.
"""

from __future__ import annotations

from typing import Any

from guestology.model import Item, Opportunity, Step
from guestology.render.common import plural, signed
from guestology.render.html.curve import emotion_curve, expectation_view, tone
from guestology.render.html.view import MapContext

STEPS_PER_ROW = {"a3": 12, "a4": 8}
LANES = [
    ("doing", "Doing"),
    ("thinking", "Thinking"),
    ("onstage", "Onstage touchpoints"),
    ("backstage", "Backstage"),
    ("compass", "Needs & wants served"),
    ("emotion", "Emotion"),
    ("expectation", "Expected vs delivered"),
    ("pains", "Pain points"),
    ("opportunities", "Opportunities"),
    ("wow", "Wow gestures"),
]


def journey_view(ctx: MapContext, pid: str, per_row: int) -> dict[str, Any]:
    persona = ctx.persona(pid)
    items = {item.id: (kind, item) for kind, item in persona.compass.items()}
    views = [_step(ctx, pid, items, i, step) for i, step in enumerate(ctx.journey(pid))]
    rows = []
    for start in range(0, len(views), per_row):
        part = views[start : start + per_row]
        points = [{"n": s["n"], "name": s["tp"]["name"], "emotion": s["emotion"]} for s in part]
        label = f"curve-{pid}-{start // per_row + 1}"
        rows.append(
            {
                "first": part[0]["n"],
                "last": part[-1]["n"],
                "steps": part,
                "stages": _stage_groups(part),
                "curve": emotion_curve(points, label, persona.name),
            }
        )
    return {
        "id": pid,
        "name": persona.name,
        "kind": persona.kind,
        "summary": persona.summary or "",
        "total": len(views),
        "rows": rows,
        "lanes": LANES,
        "lede": _lede(ctx, pid),
    }


def _lede(ctx: MapContext, pid: str) -> str:
    curve = ctx.report.emotions.curve(pid)
    if curve is None or curve.high is None or curve.low is None:
        return "No journey steps yet."
    high, low = curve.high, curve.low
    return (
        f"{plural(len(curve.points), 'step')}. "
        f"High point: {ctx.touchpoint(high.touchpoint).name} ({signed(high.emotion)}); "
        f"low point: {ctx.touchpoint(low.touchpoint).name} ({signed(low.emotion)})."
    )


def _stage_groups(part: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for step in part:
        if groups and groups[-1]["id"] == step["stage_id"]:
            groups[-1]["span"] += 1
        else:
            groups.append({"id": step["stage_id"], "name": step["stage"], "span": 1})
    return groups


def _step(
    ctx: MapContext, pid: str, items: dict[str, tuple[str, Item]], index: int, step: Step
) -> dict[str, Any]:
    tp = ctx.touchpoint(step.touchpoint)
    onstage = tp.visibility == "onstage"
    scope = ctx.report.scope
    across = scope.supporters(tp.id) if onstage else tuple(tp.supports)
    expected = step.expectation
    return {
        "n": index + 1,
        "stage_id": tp.stage,
        "stage": ctx.stage_names.get(tp.stage, tp.stage),
        "tp": {
            "id": tp.id,
            "name": tp.name,
            "channel": tp.channel or "",
            "system": tp.system or "",
            "owner": tp.owner or "",
            "mot": tp.moment_of_truth,
        },
        "onstage": onstage,
        "across": [ctx.touchpoint(t).name for t in across],
        "doing": step.doing or "",
        "thinking": step.thinking or "",
        "served": _refs(items, step.serves),
        "counters": [items[r][1].text for r in step.counters if r in items],
        "reinforces": [items[r][1].text for r in step.reinforces if r in items],
        "evokes": _refs(items, step.evokes),
        "emotion": step.emotion,
        "emotion_text": signed(step.emotion),
        "tone": tone(step.emotion),
        "expect": expectation_view(
            expected.adequate if expected else None,
            expected.desired if expected else None,
            step.delivery,
            ctx.report.expectations.at(pid, index),
        ),
        "pains": [{"text": p.text, "severity": p.severity} for p in step.pain_points],
        "opps": [_opportunity(o) for o in step.opportunities],
        "wow": list(step.wow),
    }


def _refs(items: dict[str, tuple[str, Item]], refs: list[str]) -> list[dict[str, Any]]:
    out = []
    for ref in refs:
        if ref in items:
            kind, item = items[ref]
            extra = getattr(item, "priority", None) or getattr(item, "valence", "")
            out.append({"kind": kind, "text": item.text, "extra": extra})
    return out


def _opportunity(opp: Opportunity) -> dict[str, Any]:
    quick = opp.impact == "high" and opp.effort == "low"
    return {"text": opp.text, "effort": opp.effort, "impact": opp.impact, "quick_win": quick}
