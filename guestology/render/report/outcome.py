"""Summaries and tables of the sections about what comes of a journey: service recovery,
root causes and the return loop (see ``report_model``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guestology.render.common import name_list
from guestology.render.report.tables import Table, clip, pct, plural, signed, table

if TYPE_CHECKING:
    from guestology.analysis import Report

Limit = int | None


def recovery(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    recovered = sum(1 for f in s.failures if f.recovered_by is not None)
    external = sum(1 for f in s.failures if f.recovered_by is None and f.cause == "external")
    if s.failures:
        summary = (
            f"{plural(len(s.failures), 'guest step')} go wrong; {recovered} recovered later "
            f"(recovery rate {pct(s.rate)}), {len(s.failures) - recovered} left as they are"
        )
        if external:
            summary += f" ({external} with an outside cause: not our fault, but our problem)"
        if s.paradoxes:
            summary += f"; {plural(len(s.paradoxes), 'recovery paradox', 'recovery paradoxes')}"
    else:
        summary = "No guest step goes wrong in scope"
    severe = len(s.unowned) + len(s.owned)
    summary += (
        f". {plural(severe, 'severity-3 pain point')}, {len(s.unowned)} at touchpoints nobody owns."
    )
    tables = []
    if s.personas:
        cells = [[report.persona_name(p.persona), str(p.failures), str(p.recovered), pct(p.rate)]
                 for p in sorted(s.personas, key=lambda p: (p.rate if p.rate is not None else 2,
                                                            p.persona))]  # fmt: skip
        headers = ["Guest", "Go wrong", "Recovered", "Rate"]
        tables.append(table("Recovery by guest, lowest rate first", headers, cells, limit,
                            {1, 2, 3}))  # fmt: skip
    if s.failures:
        cells = [[report.persona_name(f.persona), str(f.step + 1), report.tp_name(f.touchpoint),
                  "; ".join(f.reasons), f.cause, _recovery(f)] for f in s.failures]  # fmt: skip
        headers = ["Guest", "Step", "At", "Why it fails", "Cause", "Recovered"]
        tables.append(table("What goes wrong, in journey order", headers, cells, limit, {1}))
    if severe:
        rows = [*s.unowned, *s.owned]
        cells = [[report.tp_name(p.touchpoint), p.owner or "NOBODY", report.persona_name(p.persona),
                  clip(p.text, 80)] for p in rows]  # fmt: skip
        headers = ["Touchpoint", "Owner", "Persona", "Pain"]
        tables.append(table("Severe pain points, unowned first", headers, cells, limit))
    return summary, tables


def _recovery(f: Any) -> str:
    if f.recovered_by is None:
        return "no"
    words = f"at step {f.recovered_by + 1}"
    if f.before is not None and f.after is not None:
        words += f" ({signed(f.before)} before, {signed(f.after)} after)"
    return words + (", paradox" if f.paradox else "")


def causes(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.causes:
        return ("No pain is shared by two personas (at one touchpoint, under one theme, or "
                "behind one backstage touchpoint): no root cause to name."), []  # fmt: skip
    kinds = {
        k: sum(1 for c in s.causes if c.kind == k) for k in ("backstage", "touchpoint", "theme")
    }
    summary = (
        f"{plural(len(s.causes), 'root cause')} shared by several personas: "
        f"{kinds['backstage']} backstage, {kinds['touchpoint']} at a touchpoint, "
        f"{kinds['theme']} by theme."
    )
    cells = [[c.kind, c.name if c.kind == "theme" else report.tp_name(c.id), str(c.severity),
              str(len(c.pains)), name_list([report.persona_name(p) for p in c.personas])]
             for c in s.causes]  # fmt: skip
    headers = ["Kind", "Cause", "Severity", "Pains", "Personas"]
    return summary, [table("Ranked by the severity they explain", headers, cells, limit, {2, 3})]


def loyalty(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.personas:
        return s.hint, []
    summary = (
        f"{plural(len(s.personas), 'persona')} with loyalty data: {s.returning} come back, "
        f"{s.lost} do not"
    )
    if s.recommend is not None:
        summary += f"; they would recommend the service {s.recommend:.1f} of 10 on average"
    if s.missing:
        summary += f"; no data yet for {plural(len(s.missing), 'guest')}"
    cells = [[report.persona_name(p.persona), _yes(p.returns), _score(p.recommend),
              _point(report, p.low), _point(report, p.end), str(len(p.unrecovered)),
              str(len(p.wows))] for p in s.personas]  # fmt: skip
    headers = ["Persona", "Returns", "Recommends", "Low", "End", "Unrecovered", "Wows"]
    tables = [table("What each remembers (peak-end) and whether they return", headers, cells,
                    limit, {2, 5, 6})]  # fmt: skip
    if s.drivers:
        cells = [[d.kind, clip(d.text if d.kind == "wow" else report.tp_name(d.text), 60),
                  report.tp_name(d.touchpoint), str(len(d.returning)), str(len(d.lost))]
                 for d in s.drivers]  # fmt: skip
        headers = ["Kind", "Gesture or recovery of", "At", "Before a return", "Before a loss"]
        tables.append(table("What comes before a return", headers, cells, limit, {3, 4}))
    return summary + ".", tables


def _yes(value: bool | None) -> str:
    return "?" if value is None else "yes" if value else "no"


def _score(value: int | None) -> str:
    return "?" if value is None else f"{value}/10"


def _point(report: Report, point: Any) -> str:
    if point is None:
        return "-"
    return f"{signed(point.emotion)} {clip(report.tp_name(point.touchpoint), 30)}"


OUTCOME_SECTIONS = {
    "recovery": recovery,
    "causes": causes,
    "loyalty": loyalty,
}


def future(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.states:
        return ("No persona has a `future:` journey: add one (same step shape as `journey:`) "
                "to compare the designed future with today."), []  # fmt: skip
    summary = (
        f"{plural(len(s.states), 'persona')} with a designed future journey; "
        f"{sum(1 for x in s.states if x.planned)} rely on planned touchpoints."
    )

    def arrow(pair: Any, fmt: Any = str) -> str:
        return f"{fmt(pair[0])} → {fmt(pair[1])}"

    cells = [[report.persona_name(x.persona), arrow(x.mean, lambda v: signed(v, 1)),
              arrow(x.low, lambda p: signed(p.emotion) if p else "-"),
              arrow(x.end, lambda p: signed(p.emotion) if p else "-"),
              arrow((x.needs[0]["met"], x.needs[1]["met"])), arrow(x.pains),
              arrow(x.unrecovered), str(len(x.planned))] for x in s.states]  # fmt: skip
    headers = ["Persona", "Mean", "Low", "End", "Needs met", "Pains", "Unrecovered", "Planned"]
    return summary, [table("Today → the designed future", headers, cells, limit)]


def evidence(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    shares = ", ".join(f"{x.evidenced} of {x.total} {x.what}" for x in s.shares if x.total)
    if not s.sources:
        summary = ("The service file lists no `sources:`: every finding is an assumption. "
                   "List your research and cite it with `evidence:`.")  # fmt: skip
    else:
        summary = f"Resting on research: {shares}."
    tables = []
    if s.sources:
        cells = [[x.id, x.kind, str(x.n) if x.n is not None else "-", str(x.cited_by)]
                 for x in s.sources]  # fmt: skip
        tables.append(table("Sources", ["Source", "Kind", "n", "Cited"], cells, limit, {2, 3}))
    if s.research_next:
        cells = [[f.severity_name, clip(f.title, 90)] for f in s.research_next]
        tables.append(table("What to research next: the most important assumed findings",
                            ["Severity", "Finding"], cells, limit))  # fmt: skip
    return summary, tables


OUTCOME_SECTIONS["future"] = future
OUTCOME_SECTIONS["evidence"] = evidence
