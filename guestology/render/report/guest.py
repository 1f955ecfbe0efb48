"""Summaries and tables of the guest-centred sections: needs, emotions, moments of truth,
expectations, frugal wow and stereotypes (see ``report_model``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guestology.render.report.tables import Table, clip, pct, plural, signed, spark, table

if TYPE_CHECKING:
    from guestology.analysis import Report

Limit = int | None
STATUSES = ("met", "weak", "failed", "unmet")  # as ``NeedStatus.status``


def needs(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    covers = [c for c in s.personas if c.needs]
    if not covers:
        return "No persona in scope declares a need: nothing to report.", []
    every = [n for c in covers for n in c.needs]
    counts = {k: sum(1 for n in every if n.status == k) for k in STATUSES}
    summary = (
        f"{plural(len(every), 'need')} over {plural(len(covers), 'persona')}: "
        f"{counts['met']} met, {counts['weak']} weak, {counts['failed']} failed, "
        f"{counts['unmet']} unmet; priority-weighted coverage {pct(s.coverage)}. A need is weak "
        "when a step serving it goes wrong, failed when every one does and none is recovered."
    )
    rows = sorted(covers, key=lambda c: (c.coverage if c.coverage is not None else 2, c.persona))
    cells = [
        [c.name, c.kind, str(len(c.needs)), *(str(c.count(k)) for k in STATUSES), pct(c.coverage)]
        for c in rows
    ]  # fmt: skip
    headers = ["Persona", "Kind", "Needs", "Met", "Weak", "Failed", "Unmet", "Coverage"]
    return summary, [
        table("Coverage by persona, lowest first", headers, cells, limit, {2, 3, 4, 5, 6, 7})
    ]


def emotions(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    curves = [c for c in s.curves if c.points]
    if not curves:
        return "No journey in scope has a step: no emotion curve to draw.", []
    low_end = sum(1 for c in curves if c.end.emotion <= -1)
    low_peak = sum(1 for c in curves if c.peak.emotion <= -2)
    worst = min(curves, key=lambda c: (c.peak_end, c.persona))
    summary = (
        f"{plural(len(curves), 'journey')}: {plural(low_end, 'visit')} "
        f"end{'s' if low_end == 1 else ''} low, {low_peak} peak on a low; "
        f"the lowest peak-end score is {worst.name}'s ({signed(worst.peak_end)}). The end is the "
        "visit's last step; steps after it (the return) are counted apart."
    )
    rows = sorted(curves, key=lambda c: (c.peak_end, c.persona))
    cells = [
        [c.name, spark(c.values), signed(c.mean), signed(c.peak.emotion), signed(c.end.emotion),
         signed(c.peak_end), str(c.drop_size) if c.drop else "-", str(len(c.lows)),
         str(len(c.after)) if c.after else "-"]
        for c in rows
    ]  # fmt: skip
    headers = ["Persona", "Curve (▁ -2 … █ +2)", "Mean", "Peak", "End", "Peak-end", "Drop", "Lows",
               "Return"]  # fmt: skip
    tables = [table("Curves, lowest peak-end first (Return: steps after the visit)", headers,
                    cells, limit, {2, 3, 4, 5, 6, 7, 8})]  # fmt: skip
    if s.evoked:
        evoked = [[report.persona_name(e.persona), clip(e.text, 60), e.valence,
                   ", ".join(report.tp_name(t) for t in e.touchpoints) or "never"]
                  for e in s.evoked]  # fmt: skip
        headers = ["Persona", "Emotion", "Valence", "Evoked at"]
        tables.append(table("The feelings they come for (the compass's East)", headers, evoked,
                            limit))  # fmt: skip
    return summary, tables


def moments(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    negative = sum(1 for m in s.flagged if m.mean_emotion is not None and m.mean_emotion < 0)
    summary = f"{plural(len(s.flagged), 'flagged moment')} of truth ({negative} felt negative); "
    summary += f"{plural(len(s.candidates), 'candidate')} not flagged"
    if s.candidates:
        best = s.candidates[0]
        summary += f", the strongest {best.name} ({plural(len(best.reasons), 'reason')})"
    tables = []
    if s.flagged:
        rows = sorted(s.flagged, key=lambda m: m.mean_emotion if m.mean_emotion is not None else 9)
        cells = [[m.name, str(m.personas), signed(m.mean_emotion), "; ".join(m.reasons) or "-"]
                 for m in rows]  # fmt: skip
        headers = ["Moment of truth", "Personas", "Mean", "Why it matters"]
        tables.append(table("Flagged, lowest mean emotion first", headers, cells, limit, {1, 2}))
    if s.candidates:
        cells = [[m.name, str(m.personas), "; ".join(m.reasons)] for m in s.candidates]
        headers = ["Touchpoint", "Personas", "Reasons"]
        tables.append(table("Candidates, strongest first", headers, cells, limit, {1}))
    return summary + ".", tables


def expectations(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.steps:
        return (f"No step in scope has both an expectation and a delivery ({s.unmeasured} "
                "steps unmeasured): nothing to compare."), []  # fmt: skip
    bands = [g.band for g in s.steps]
    summary = (
        f"{plural(len(s.steps), 'measured step')} ({s.unmeasured} unmeasured): "
        f"{bands.count('below')} below the zone of tolerance, {bands.count('within')} within, "
        f"{bands.count('above')} above (over-delivery)."
    )
    cells = [
        [t.name, str(t.steps), str(t.below), str(t.within), str(t.above),
         signed(round(t.mean_gap, 1))]
        for t in s.touchpoints
    ]  # fmt: skip
    headers = ["Touchpoint", "Steps", "Below", "Within", "Above", "Mean gap"]
    return summary, [table("By touchpoint, worst first", headers, cells, limit, {1, 2, 3, 4, 5})]


def wow(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.ideas:
        return "No opportunity or wow gesture is written down yet: nothing to rank.", []
    opps = sum(1 for i in s.ideas if i.kind == "opportunity")
    best = s.ideas[0]
    summary = (
        f"{plural(opps, 'opportunity', 'opportunities')} and "
        f"{plural(len(s.ideas) - opps, 'wow gesture')}; best value for money: "
        f"{clip(best.text, 60)} at {report.tp_name(best.touchpoint)}."
    )
    cells = [
        [f"{i.score:g}", clip(i.text, 80), report.tp_name(i.touchpoint),
         "wow" if i.kind == "wow" else f"{i.impact}/{i.effort}", signed(i.emotion), str(i.passing)]
        for i in s.ideas
    ]  # fmt: skip
    headers = ["Score", "Idea", "At", "Impact/effort", "Feels", "Pass"]
    return summary, [table("Ranked by impact / effort x negativity x personas", headers, cells,
                           limit, {0, 4, 5})]  # fmt: skip


def stereotypes(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.stereotypes:
        return "No persona in scope lists a stereotype: nothing to report.", []
    neg = [x for x in s.stereotypes if x.valence == "negative"]
    pos = [x for x in s.stereotypes if x.valence == "positive"]
    summary = (
        f"{plural(len(neg), 'negative stereotype')}: {sum(1 for x in neg if not x.countered_by)} "
        f"countered by no step, {sum(1 for x in neg if x.reinforced_by)} reinforced somewhere; "
        f"{len(pos)} positive, {sum(1 for x in pos if x.reinforced_by)} reinforced."
    )
    rows = sorted(s.stereotypes, key=lambda x: (x.valence == "positive", len(x.countered_by),
                                                -len(x.reinforced_by)))  # fmt: skip
    cells = [
        [report.persona_name(x.persona), clip(x.text, 80), x.valence, str(len(x.countered_by)),
         ", ".join(report.tp_name(t) for t in x.reinforced_by) or "-"]
        for x in rows
    ]  # fmt: skip
    headers = ["Persona", "Stereotype", "Valence", "Countered", "Reinforced at"]
    title = "Negative first, least countered first (Countered: how many touchpoints)"
    return summary, [table(title, headers, cells, limit, {3})]


GUEST_SECTIONS = {
    "needs": needs,
    "emotions": emotions,
    "moments": moments,
    "expectations": expectations,
    "wow": wow,
    "stereotypes": stereotypes,
}
