"""Summaries and tables of the service-centred sections: divergence, channels, blueprint,
internal customers and Five Keys (see ``report_model``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guestology.render.report.tables import Table, clip, pct, plural, signed, table

if TYPE_CHECKING:
    from guestology.analysis import Report

Limit = int | None
EMPTY = "·"


def divergence(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.shared:
        return "No touchpoint is shared by two personas of one kind: nothing to compare.", []
    if not s.touchpoints:
        return (f"None of the {plural(s.shared, 'shared touchpoint')} splits personas into "
                "happy and unhappy: one design fits them."), []  # fmt: skip
    summary = f"{len(s.touchpoints)} of {plural(s.shared, 'shared touchpoint')} split personas: "
    summary += "some are happy there while others are not."
    cells = [
        [d.name, d.kind, signed(d.spread).lstrip("+"),
         f"{report.persona_name(d.highest[0])} {signed(d.highest[1])}",
         f"{report.persona_name(d.lowest[0])} {signed(d.lowest[1])}"]
        for d in s.touchpoints
    ]  # fmt: skip
    headers = ["Touchpoint", "Among", "Spread", "Happiest", "Unhappiest"]
    return summary, [table("Widest spread first", headers, cells, limit, {2})]


def channels(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    onstage = sum(len(tps) for row in s.cells.values() for tps in row.values())
    if not onstage:
        return "No onstage touchpoint in scope: no channel to map.", []
    other = [x for x in s.single_channel if x.channel != "in-person"]
    summary = (
        f"{plural(onstage, 'onstage touchpoint')} over {plural(len(s.stages), 'stage')} and "
        f"{plural(len(s.channels), 'channel')}; needs reaching guests through one channel only: "
        f"{len(s.single_channel)} ({len(other)} of them not in person)."
    )
    cells = [[stage, *(str(len(s.cell(stage, c))) if s.cell(stage, c) else EMPTY
                       for c in s.channels)] for stage in s.stages]  # fmt: skip
    title = f"Onstage touchpoints by stage x channel ({EMPTY} = none)"
    numeric = set(range(1, len(s.channels) + 1))
    return summary, [table(title, ["Stage", *s.channels], cells, None, numeric)]


def blueprint(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    summary = (
        f"{s.onstage} onstage and {s.backstage} backstage touchpoints; "
        f"{len(s.unsupported)} onstage with pain points and no backstage support, "
        f"{len(s.idle)} backstage supporting nothing."
    )
    if not s.unsupported:
        return summary, []
    cells = [
        [u.name, str(u.pains), str(u.worst), ", ".join(report.persona_name(p) for p in u.personas)]
        for u in s.unsupported
    ]
    headers = ["Onstage touchpoint", "Pains", "Worst", "Felt by"]
    return summary, [
        table("Pain with nothing backstage, worst first", headers, cells, limit, {1, 2})
    ]


def internal(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.cast:
        return ("No cast persona in scope: add `kind: cast` personas to see the internal "
                "customers behind the guest touchpoints."), []  # fmt: skip
    unmet = sum(len(c.unmet) for c in s.cast)
    summary = (
        f"{plural(len(s.cast), 'cast persona')}: {plural(unmet, 'need')} unmet or weakly met; "
        f"their work reaches {len({t for c in s.cast for t in c.downstream})} guest touchpoints."
    )
    cells = [
        [c.name, pct(c.coverage), "; ".join(clip(n.text, 40) for n in c.unmet) or "-",
         signed(None if c.mean_emotion is None else round(c.mean_emotion, 1)),
         str(len(c.downstream)), str(len(c.guests))]
        for c in s.cast
    ]  # fmt: skip
    headers = ["Cast persona", "Coverage", "Unmet or weak needs", "Mood", "Reaches", "Guests"]
    return summary, [table("Happy cast, happy guests", headers, cells, limit, {1, 3, 4, 5})]


def keys(report: Report, s: Any, limit: Limit) -> tuple[str, list[Table]]:
    if not s.keys:
        return "The service declares no keys: nothing to report.", []
    places = len({p.touchpoint for p in s.safety})
    summary = (
        f"Empty key x system cells: {len(s.empty)} of {len(s.keys) * len(s.systems)}; "
        f"{plural(places, 'touchpoint')} with pain points that touch safety."
    )
    if s.no_system:
        summary += f" {plural(len(s.no_system), 'touchpoint')} name no delivery system (not shown)."
    cells = [[k, *(str(len(s.cell(k, sy))) if s.cell(k, sy) else EMPTY for sy in s.systems)]
             for k in s.keys]  # fmt: skip
    title = f"Touchpoints by key (priority order) x delivery system ({EMPTY} = none)"
    return summary, [table(title, ["Key", *s.systems], cells, None, {1, 2, 3})]


SERVICE_SECTIONS = {
    "divergence": divergence,
    "channels": channels,
    "blueprint": blueprint,
    "internal": internal,
    "keys": keys,
}
