"""The headline figures of a workspace (or of the chosen personas), read off the sections.

Every figure is counted from what a section already found, never recounted from the raw
steps with a rule of its own, so the map's overview and the report cannot disagree:

- needs coverage: the mean of the personas' priority-weighted coverage (``needs``);
- unmet, failed and weak needs (``needs``);
- guest failures, and the share recovered (``recovery``);
- steps and their mean emotion (``emotions``);
- moments of truth flagged, their visits, the visits below expectation, and candidates
  (``moments``, ``expectations``, ``scope``);
- pain points, and severe ones: severity 3 of 3 (``recovery`` lists every severe one);
- steps delivering above and below the zone of tolerance (``expectations``);
- wow gestures written down.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from guestology.analysis.emotions import EmotionsSection
from guestology.analysis.expectations import ExpectationsSection
from guestology.analysis.moments import MomentsSection
from guestology.analysis.needs import NeedsSection
from guestology.analysis.recovery import RecoverySection
from guestology.analysis.scope import Scope
from guestology.analysis.view import View


@dataclass(frozen=True)
class Figures:
    coverage: float | None = None  # 0..1; None when no persona declares a need
    unmet: int = 0
    failed: int = 0
    weak: int = 0
    failures: int = 0  # guests' failing steps
    recovery_rate: float | None = None  # 0..1; None without failures
    steps: int = 0
    mean_emotion: float | None = None
    moments: int = 0  # flagged moments of truth in scope
    moment_visits: int = 0
    moment_visits_below: int = 0
    candidates: int = 0
    pains: int = 0
    severe_pains: int = 0
    above: int = 0  # steps over-delivering (above the zone of tolerance)
    below: int = 0  # steps under-delivering
    wow: int = 0


def headline_figures(
    view: View,
    scope: Scope,
    needs: NeedsSection,
    emotions: EmotionsSection,
    moments: MomentsSection,
    expectations: ExpectationsSection,
    recovery: RecoverySection,
) -> Figures:
    covered = [p.coverage for p in needs.personas if p.coverage is not None]
    values = [point.emotion for curve in emotions.curves for point in curve.points]
    flagged = {m.touchpoint for m in moments.flagged}
    visits = [scope.stats[tp].visits for tp in flagged if tp in scope.stats]
    bands = [gap.band for gap in expectations.steps]
    steps = [step for journey in view.steps.values() for step in journey]
    return Figures(
        coverage=fmean(covered) if covered else None,
        unmet=sum(p.count("unmet") for p in needs.personas),
        failed=sum(p.count("failed") for p in needs.personas),
        weak=sum(p.count("weak") for p in needs.personas),
        failures=len(recovery.failures),
        recovery_rate=recovery.rate,
        steps=len(values),
        mean_emotion=fmean(values) if values else None,
        moments=len(moments.flagged),
        moment_visits=sum(visits),
        moment_visits_below=sum(
            1 for g in expectations.steps if g.band == "below" and g.touchpoint in flagged
        ),
        candidates=len(moments.candidates),
        pains=sum(len(step["pain_points"]) for step in steps),
        severe_pains=len(recovery.owned) + len(recovery.unowned),
        above=bands.count("above"),
        below=bands.count("below"),
        wow=sum(len(step["wow"]) for step in steps),
    )
