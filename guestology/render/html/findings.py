"""The overview's top findings and headline figures, from the analysis report.

``guestology.analysis.analyse`` finds what matters (unmet needs, moments of truth that
under-deliver, journeys that end low, ...); here its findings become plain view data with
links to the persona's journey on the map.
"""

from __future__ import annotations

from statistics import fmean
from typing import Any

from guestology.analysis import Finding, Report
from guestology.render.html.curve import tone
from guestology.render.html.svg import clip, signed
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
        "section": finding.section,
        "title": clip(finding.title, TITLE_CHARS),
        "detail": clip(finding.detail, DETAIL_CHARS),
        "meta": [
            *([_meta(persona.name, ctx.href(pid) if pid in ctx.steps else "")]
              if persona and pid else []),
            *([_meta(touchpoint.name)] if touchpoint else []),
            *([_meta(f"{finding.file}:{finding.line}", code=True)] if finding.file else []),
        ],
    }  # fmt: skip


def _meta(text: str, href: str = "", code: bool = False) -> dict[str, Any]:
    return {"text": text, "href": href, "code": code}


def headline_figures(ctx: MapContext, report: Report) -> list[dict[str, str]]:
    """Needs coverage, mean emotion, moments of truth, pain points, delivery, wow gestures."""
    all_steps = [s for pid in ctx.persona_ids for s in ctx.steps[pid]]
    covered = [p.coverage for p in report.needs.personas if p.coverage is not None]
    unmet = sum(p.count("unmet") for p in report.needs.personas)
    weak = sum(p.count("weak") for p in report.needs.personas)
    coverage = f"{round(100 * fmean(covered))}%" if covered else "\u2014"
    emotions = [s["emotion"] for s in all_steps]
    mean = fmean(emotions) if emotions else 0.0
    flagged, candidates = report.moments.flagged, report.moments.candidates
    mot_ids = {m.touchpoint for m in flagged}
    mot_steps = [s for s in all_steps if s["touchpoint"] in mot_ids]
    mot_under = sum(1 for s in mot_steps if _band(s) == "under")
    pains = [p for s in all_steps for p in s["pain_points"]]
    severe = sum(1 for p in pains if p.severity == 3)
    over = sum(1 for s in all_steps if _band(s) == "over")
    under = sum(1 for s in all_steps if _band(s) == "under")
    wow = sum(len(s["wow"]) for s in all_steps)
    return [
        _figure("Needs coverage", coverage, f"{unmet} unmet, {weak} weakly met (by priority)",
                "pos" if not unmet and not weak else "neg"),
        _figure("Mean emotion", signed(mean, 1), f"over {len(emotions)} steps, from \u22122 to +2",
                tone(round(mean, 1))),
        _figure("Moments of truth", str(len(flagged)),
                f"{mot_under} of {len(mot_steps)} visits under-deliver; "
                f"{len(candidates)} more candidates", "neg" if mot_under else "pos"),
        _figure("Open pain points", str(len(pains)), f"{severe} severe (3 of 3)",
                "neg" if severe else "zero"),
        _figure("Delivery", f"\u25b2{over} \u25bc{under}",
                f"{over} steps over-deliver, {under} under-deliver",
                "neg" if under > over else "pos"),
        _figure("Wow gestures", str(wow), "small, frugal moments of delight",
                "pos" if wow else "zero"),
    ]  # fmt: skip


def _figure(label: str, value: str, detail: str, tone_: str) -> dict[str, str]:
    return {"label": label, "value": value, "detail": detail, "tone": tone_}


def _band(step: dict[str, Any]) -> str:
    delivery, adequate, desired = step["delivery"], step["adequate"], step["desired"]
    if delivery is None or adequate is None:
        return ""
    return "under" if delivery < adequate else "over" if delivery > desired else "within"
