"""The overview's top findings and headline figures, from the analysis report.

``guestology.analysis.analyse`` finds what matters (unmet needs, moments of truth that
under-deliver, journeys that end low, ...); here its findings become plain view data with
links to the persona's journey on the map.
"""

from __future__ import annotations

from typing import Any

from guestology.analysis.findings import Finding
from guestology.analysis.report import Report
from guestology.render.common import clip, plural, signed
from guestology.render.html.curve import tone
from guestology.render.html.view import MapContext

LIMIT = 8
TITLE_CHARS, DETAIL_CHARS = 160, 280  # the report has the whole text


def findings_view(ctx: MapContext, report: Report, limit: int = LIMIT) -> list[dict[str, Any]]:
    """The ``limit`` most important findings, ready for the overview."""
    return [_finding(ctx, f) for f in report.top_findings(limit)]


def _finding(ctx: MapContext, finding: Finding) -> dict[str, Any]:
    pid, tid = finding.persona, finding.touchpoint
    persona = ctx.ws.personas.get(pid) if pid else None
    touchpoint = ctx.ws.touchpoints.get(tid) if tid else None
    return {
        "severity": finding.severity_name,
        "assumed": finding.confidence == "assumed",
        "section": finding.section,
        "title": clip(finding.title, TITLE_CHARS),
        "detail": clip(finding.detail, DETAIL_CHARS),
        "meta": [
            *([_meta(persona.name, ctx.href(pid) if pid in ctx.persona_ids else "")]
              if persona and pid else []),
            *([_meta(touchpoint.name)] if touchpoint else []),
            *([_meta(f"{finding.file}:{finding.line}", code=True)] if finding.file else []),
        ],
    }  # fmt: skip


def _meta(text: str, href: str = "", code: bool = False) -> dict[str, Any]:
    return {"text": text, "href": href, "code": code}


def headline_figures(ctx: MapContext, report: Report) -> list[dict[str, str]]:
    """Needs coverage, mean emotion, moments of truth, pain points, delivery, wow gestures,
    recovery: the report's ``figures``, worded for the overview."""
    f = report.figures
    coverage = f"{round(100 * f.coverage)}%" if f.coverage is not None else "\u2014"
    mean = f.mean_emotion if f.mean_emotion is not None else 0.0
    recovery = f"{round(100 * f.recovery_rate)}%" if f.recovery_rate is not None else "\u2014"
    return [
        _figure("Needs coverage", coverage,
                f"{f.unmet} unmet, {f.failed} failed, {f.weak} weak (by priority)",
                "pos" if not f.unmet and not f.failed and not f.weak else "neg"),
        _figure("Mean emotion", signed(mean, 1),
                f"over {plural(f.steps, 'step')}, from \u22122 to +2", tone(round(mean, 1))),
        _figure("Moments of truth", str(f.moments),
                f"{f.moment_visits_below} of {f.moment_visits} visits under-deliver; "
                f"{f.candidates} more candidates", "neg" if f.moment_visits_below else "pos"),
        _figure("Open pain points", str(f.pains), f"{f.severe_pains} severe (3 of 3)",
                "neg" if f.severe_pains else "zero"),
        _figure("Delivery", f"\u25b2{f.above} \u25bc{f.below}",
                f"{plural(f.above, 'step')} over-deliver, {f.below} under-deliver",
                "neg" if f.below > f.above else "pos"),
        _figure("Wow gestures", str(f.wow), "small, frugal moments of delight",
                "pos" if f.wow else "zero"),
        _figure("Recovery", recovery,
                f"of {plural(f.failures, 'guest step')} that go wrong, put right later",
                "zero" if not f.failures else "pos" if f.recovery_rate == 1 else "neg"),
    ]  # fmt: skip


def causes_view(report: Report, limit: int = LIMIT) -> list[dict[str, Any]]:
    """The root causes several personas share (``report.causes``), most severity first."""
    kinds = {"backstage": "Backstage", "touchpoint": "Touchpoint", "theme": "Theme"}
    return [
        {
            "kind": kinds[c.kind],
            "name": c.name if c.kind == "theme" else report.tp_name(c.id),
            "severity": c.severity,
            "personas": ", ".join(report.persona_name(p) for p in c.personas),
            "pains": [
                clip(f"{report.persona_name(p.persona)} at {report.tp_name(p.touchpoint)}: "
                     f"{p.text}", TITLE_CHARS)
                for p in c.pains
            ],
        }
        for c in report.causes.causes[:limit]
    ]  # fmt: skip


def _figure(label: str, value: str, detail: str, tone_: str) -> dict[str, str]:
    return {"label": label, "value": value, "detail": detail, "tone": tone_}
