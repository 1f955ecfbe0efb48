"""View data for a persona's journey map: stages as columns, lanes as rows.

A journey is cut into printed pages (``split_pages``): on A3 up to 16 steps stay on one page,
on A4 a journey of up to 16 steps takes at most two, cut between whole stages where it can.
Each page is a complete table with every lane, its own stretch of the emotion curve and a
running head (persona, steps, page i of n), so no lane is ever cut off at the paper's edge.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from guestology.model import Item, Opportunity, Step
from guestology.render.common import plural, signed
from guestology.render.html.curve import STEP_W, emotion_curve, expectation_view, tone
from guestology.render.html.view import MapContext

PAGE_STEPS = {"a3": 16, "a4": 8}  # steps a printed page holds at best
PAGE_MOST = {"a3": 16, "a4": 10}  # ...and at most, to keep a cut between whole stages
STEPS_PX = {"a3": 1450, "a4": 985}  # printed width of a page's steps (less the lane names)
CURVE_SCALE = 0.62  # printed size of the curve's SVG units: flat, labels still legible
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


def split_pages(stages: list[str], best: int, most: int) -> list[tuple[int, int]]:
    """Cut a journey (the stage id of each step) into the fewest pages of about ``best``
    steps, each ``(start, end)``: between whole stages when no page then holds more than
    ``most`` steps, else evenly (a stage too long for one page is split)."""
    n = len(stages)
    count = max(1, -(-n // best))
    cuts = [i for i in range(1, n) if stages[i] != stages[i - 1]]
    chosen = _balanced_cuts(n, count, cuts)
    if chosen is None or max(b - a for a, b in _spans(chosen, n)) > most:
        chosen = [round(n * k / count) for k in range(1, count)]
    return _spans(chosen, n)


def _spans(cuts: list[int], n: int) -> list[tuple[int, int]]:
    edges = [0, *cuts, n]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b > a] or [(0, 0)]


def _balanced_cuts(n: int, count: int, cuts: list[int]) -> list[int] | None:
    """``count - 1`` of ``cuts`` (or fewer) that make the longest page shortest (``None``:
    too few cuts). The smallest longest page is found by bisection, each size tried by
    filling pages from the end (so early pages are the shorter ones): O(n log n), where a
    search over every choice of cuts was cubic on a journey of a thousand steps."""
    if count <= 1:
        return []
    if len(cuts) < count - 1:
        return None

    def fill(limit: int) -> list[int] | None:
        chosen: list[int] = []
        end = n
        while end > limit:
            k = bisect_left(cuts, end - limit)  # the earliest cut leaving a page <= limit
            if k == len(cuts) or cuts[k] >= end or len(chosen) == count - 1:
                return None
            end = cuts[k]
            chosen.append(end)
        return chosen[::-1]

    low, high = 1, n
    while low < high:
        middle = (low + high) // 2
        if fill(middle) is None:
            low = middle + 1
        else:
            high = middle
    return fill(low)


def journey_view(ctx: MapContext, pid: str, paper: str) -> dict[str, Any]:
    persona = ctx.persona(pid)
    items = {item.id: (kind, item) for kind, item in persona.compass.items()}
    views = [_step(ctx, pid, items, i, step) for i, step in enumerate(ctx.journey(pid))]
    spans = split_pages([v["stage_id"] for v in views], PAGE_STEPS[paper], PAGE_MOST[paper])
    rows = []
    for number, (start, end) in enumerate(spans, 1):
        part = views[start:end]
        if not part:
            continue
        points = [{"n": s["n"], "name": s["tp"]["name"], "emotion": s["emotion"]} for s in part]
        step_w = max(STEP_W, STEPS_PX[paper] / len(part) / CURVE_SCALE)
        rows.append(
            {
                "first": part[0]["n"],
                "last": part[-1]["n"],
                "steps_text": _steps_text(part[0]["n"], part[-1]["n"]),
                "page": number,
                "pages": len(spans),
                "steps": part,
                "stages": _stage_groups(part),
                "curve": emotion_curve(points, f"curve-{pid}-{number}", persona.name, step_w),
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


def _steps_text(first: int, last: int) -> str:
    """``step 13`` or ``steps 1\u201313``: never ``steps 13\u201313``."""
    return f"step {first}" if first == last else f"steps {first}\u2013{last}"


def _lede(ctx: MapContext, pid: str) -> str:
    curve = ctx.report.emotions.curve(pid)
    if curve is None or curve.high is None or curve.low is None:
        return "No journey steps yet."
    high, low, peak = curve.high, curve.low, curve.peak or curve.high
    return (  # the peak as the report names it: the most intense step, either way
        f"{plural(len(curve.points), 'step')}. "
        f"Peak: {ctx.touchpoint(peak.touchpoint).name} ({signed(peak.emotion)}); "
        f"high point: {ctx.touchpoint(high.touchpoint).name} ({signed(high.emotion)}); "
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
        "outcome": _outcome(ctx, pid, index),
        "opps": [_opportunity(o) for o in step.opportunities],
        "wow": list(step.wow),
    }


def _outcome(ctx: MapContext, pid: str, index: int) -> list[dict[str, str]]:
    """Service recovery at one step: it goes wrong (recovered later or not), it recovers
    earlier failures. ``short`` marks the step number (print too); ``text`` is the screen's
    line; ``title`` says why (the step's emotion, pains and delivery show it as well)."""
    recovery, journey = ctx.report.recovery, ctx.journey(pid)
    out = []
    failure = recovery.failure_at(pid, index)
    if failure is not None:
        later = failure.recovered_by
        status = f"recovered at step {later + 1}" if later is not None else "not recovered"
        cause = " (outside cause)" if failure.cause == "external" else ""
        out.append({
            "css": "fails" if later is None else "fails recovered",
            "short": "\u2717" if later is None else f"\u2717\u2192{later + 1}",
            "text": f"\u2717 {status}{cause}",
            "title": f"goes wrong: {'; '.join(failure.reasons)}; {status}{cause}",
        })  # fmt: skip
    for f in recovery.recovered_at(pid, index):
        name = ctx.touchpoint(journey[f.step].touchpoint).name
        text = f"\u21ba recovers step {f.step + 1}"
        if f.paradox:
            now, before = signed(f.after or 0), signed(f.before or 0)
            text += f"; recovery paradox ({now} against {before} before)"
        out.append({"css": "recovers", "short": f"\u21ba{f.step + 1}", "text": text,
                    "title": f"recovers {name} (step {f.step + 1})"})  # fmt: skip
    return out


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
