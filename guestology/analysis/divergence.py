"""One size does not fit all: shared touchpoints where personas feel very differently.

At each touchpoint visited by two or more personas of one kind (guests with guests, cast with
cast), each persona's emotion there (the mean of their visits) is compared. The touchpoint
diverges when someone is happy (+1 or more) while someone else is unhappy (-1 or less), or
when the spread is 3 or more. Such a touchpoint needs variants (per segment, per channel),
not one design for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.analysis.findings import MINOR, NOTABLE, Finding, located
from guestology.analysis.scope import Scope
from guestology.analysis.view import View
from guestology.render.common import name_list, signed

SPREAD = 3


@dataclass(frozen=True)
class Divergence:
    touchpoint: str
    name: str
    emotions: tuple[tuple[str, float], ...]  # (persona, mean emotion there), highest first
    spread: float
    kind: str = "guest"  # guests are compared with guests, cast with cast

    @property
    def highest(self) -> tuple[str, float]:
        return self.emotions[0]

    @property
    def lowest(self) -> tuple[str, float]:
        return self.emotions[-1]


@dataclass
class DivergenceSection:
    touchpoints: list[Divergence] = field(default_factory=list)  # widest spread first
    shared: int = 0  # touchpoints in scope visited by two or more personas
    findings: list[Finding] = field(default_factory=list)


def diverges(high: float, low: float) -> bool:
    return (high >= 1 and low <= -1) or high - low >= SPREAD


def divergent_touchpoints(view: View, scope: Scope) -> DivergenceSection:
    section = DivergenceSection()
    for tp, stats in scope.stats.items():
        shared = False
        for kind in ("guest", "cast"):
            emotions = {p: e for p, e in stats.emotions if view.is_cast(p) == (kind == "cast")}
            if len(emotions) < 2:
                continue
            shared = True
            ranked = tuple(sorted(emotions.items(), key=lambda pe: -pe[1]))
            high, low = ranked[0][1], ranked[-1][1]
            if diverges(high, low):
                found = Divergence(tp, view.tp_name(tp), ranked, high - low, kind)
                section.touchpoints.append(found)
        section.shared += shared
    section.touchpoints.sort(key=lambda d: (-d.spread, d.touchpoint))
    section.findings = [_finding(view, d) for d in section.touchpoints]
    return section


def _finding(view: View, d: Divergence) -> Finding:
    (top, high), (bottom, low) = d.highest, d.lowest
    happy = [view.persona_name(p) for p, e in d.emotions if e >= 1]
    unhappy = [view.persona_name(p) for p, e in d.emotions if e <= -1]
    title = f"One size does not fit all at {d.name}: {view.persona_name(top)} {signed(high)}, "
    title += f"{view.persona_name(bottom)} {signed(low)}"
    detail = (
        f"Happy there: {name_list(happy) or 'nobody'}. Unhappy: {name_list(unhappy) or 'nobody'}."
    )
    step = next(v for v in view.visits[d.touchpoint] if v["persona"] == bottom)
    return Finding(
        section="divergence",
        code="divergent-emotions",
        severity=NOTABLE if d.spread >= SPREAD else MINOR,
        title=title,
        detail=detail,
        persona=bottom,
        touchpoint=d.touchpoint,
        subject="spread",
        **located(step),
    )
