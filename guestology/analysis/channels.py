"""Channel coverage: the stage x channel matrix, and needs reachable through one channel.

The matrix lists the onstage touchpoints in scope (channels are how guests meet the service;
backstage touchpoints are left out) by stage (rows, the service's order) and channel
(columns: the service's channels that some touchpoint uses, plus ``(none)`` for onstage
touchpoints without a channel). A stage with no onstage touchpoint is a hole in the journey. A need
served through one channel only leaves out every guest who cannot or will not use it (the
app-only need, the phone-only answer); in person only is the norm for physical needs
(a restroom, shade), so those are notes, the others minor (notable for a high priority).
Planned and retired touchpoints (``status:``) are not part of today's service: left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.analysis.findings import MINOR, NOTABLE, NOTE, Finding, located
from guestology.analysis.needs import NeedsSection, needs_coverage
from guestology.analysis.view import View
from guestology.render.common import name_list

NO_CHANNEL = "(none)"
IN_PERSON = "in-person"


@dataclass(frozen=True)
class SingleChannelNeed:
    persona: str
    need: str
    text: str
    priority: str
    channel: str
    touchpoints: tuple[str, ...]
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class ChannelsSection:
    stages: list[str] = field(default_factory=list)  # row ids, in order
    channels: list[str] = field(default_factory=list)  # column ids, in order
    cells: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # stage->channel->tps
    single_channel: list[SingleChannelNeed] = field(default_factory=list)
    backstage: int = 0  # backstage touchpoints in scope, left out of the matrix
    not_live: list[str] = field(default_factory=list)  # planned or retired: left out too
    findings: list[Finding] = field(default_factory=list)

    def cell(self, stage: str, channel: str) -> list[str]:
        return self.cells.get(stage, {}).get(channel, [])


def channel_coverage(view: View, needs: NeedsSection | None = None) -> ChannelsSection:
    needs = needs if needs is not None else needs_coverage(view)
    section = ChannelsSection(stages=list(view.stages))
    used: set[str] = set()
    for tp, attrs in view.touchpoints.items():
        if attrs["status"] != "live":
            section.not_live.append(tp)
            continue
        if attrs["visibility"] == "backstage":
            section.backstage += 1
            continue
        channel = attrs["channel"] or NO_CHANNEL
        used.add(channel)
        section.cells.setdefault(attrs["stage"], {}).setdefault(channel, []).append(tp)
    extra = sorted(used - set(view.channels) - {NO_CHANNEL})
    order = [*view.channels, *extra, NO_CHANNEL]
    section.channels = [c for c in order if c in used]
    for stage in section.stages:
        if not section.cells.get(stage) and not view.filtered:
            name = view.stage_names.get(stage, stage)
            section.findings.append(
                Finding(
                    section="channels",
                    code="empty-stage",
                    severity=MINOR,
                    title=f"Stage {name} has no onstage touchpoint",
                    detail="Guests pass through this stage with nothing designed for them.",
                    subject=stage,
                    **located(view.stage_attrs.get(stage)),
                )
            )
    section.single_channel = single_channel_needs(view, needs)
    section.findings += [_finding(view, s) for s in section.single_channel]
    return section


def single_channel_needs(view: View, needs: NeedsSection) -> list[SingleChannelNeed]:
    out = []
    for cover in needs.personas:
        if cover.kind == "cast":  # channels are how guests reach the service
            continue
        for item in cover.needs:
            channels = {_channel(view, tp) for tp in item.touchpoints}
            if len(channels) == 1 and None not in channels:
                out.append(
                    SingleChannelNeed(
                        cover.persona,
                        item.id,
                        item.text,
                        item.priority,
                        str(channels.pop()),
                        item.touchpoints,
                        item.file,
                        item.line,
                        item.col,
                    )
                )
    return out


def _channel(view: View, touchpoint: str) -> str | None:
    attrs = view.touchpoints.get(touchpoint)
    return attrs["channel"] if attrs else None


def _finding(view: View, s: SingleChannelNeed) -> Finding:
    title = f"{view.persona_name(s.persona)}: need '{s.text}' is served through {s.channel} only"
    places = name_list([view.tp_name(t) for t in s.touchpoints])
    if s.channel == IN_PERSON:
        severity = NOTE
        detail = f"At {places}. Could they also get it ahead of the visit (app, web, phone)?"
    else:
        severity = NOTABLE if s.priority == "high" else MINOR
        detail = f"At {places}. Who cannot use {s.channel} has no other way to get it."
    return Finding(
        section="channels",
        code="single-channel-need",
        severity=severity,
        title=title,
        detail=detail,
        persona=s.persona,
        touchpoint=s.touchpoints[0] if len(s.touchpoints) == 1 else None,
        subject=s.need,
        file=s.file,
        line=s.line,
        col=s.col,
    )
