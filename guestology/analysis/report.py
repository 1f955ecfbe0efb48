"""``analyse(graph)``: every analysis over the graph, gathered in one ``Report``.

The sections, in the order a report shows them (attribute names are stable: JSON keys,
``Finding.section`` values and the HTML maps use them):

needs, emotions, moments, expectations, wow, stereotypes, divergence, channels, blueprint,
internal, keys, recovery, causes, loyalty.

Beside the sections, ``scope`` (the touchpoints in scope, their visits and flows) and
``figures`` (the headline figures): the facts every output draws. ``analyse`` runs once per
command, in the CLI or a library entry point; renderers read the ``Report`` it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import networkx as nx

from guestology.analysis.blueprint import BlueprintSection, blueprint_integrity
from guestology.analysis.causes import CausesSection, root_causes
from guestology.analysis.channels import ChannelsSection, channel_coverage
from guestology.analysis.divergence import DivergenceSection, divergent_touchpoints
from guestology.analysis.emotions import EmotionsSection, emotion_curves
from guestology.analysis.evidence import (
    EvidenceIndex,
    EvidenceSection,
    evidence_section,
    with_confidence,
)
from guestology.analysis.expectations import ExpectationsSection, expectation_gaps
from guestology.analysis.figures import Figures, headline_figures
from guestology.analysis.findings import Finding, sort_findings
from guestology.analysis.future import FutureSection, future_states
from guestology.analysis.internal import InternalSection, internal_customers
from guestology.analysis.keys import KeysSection, keys_matrix
from guestology.analysis.loyalty import LoyaltySection, return_loop
from guestology.analysis.moments import MomentsSection, moments_of_truth
from guestology.analysis.needs import NeedsSection, needs_coverage
from guestology.analysis.recovery import RecoverySection, recovery_readiness
from guestology.analysis.scope import Scope, find_scope
from guestology.analysis.stereotypes import StereotypesSection, stereotype_findings
from guestology.analysis.view import View, make_view
from guestology.analysis.wow import WowSection, frugal_wow
from guestology.perf import paused_gc

SECTIONS = (
    "needs",
    "emotions",
    "moments",
    "expectations",
    "wow",
    "stereotypes",
    "divergence",
    "channels",
    "blueprint",
    "internal",
    "keys",
    "recovery",
    "causes",
    "loyalty",
    "future",
    "evidence",
)
SECTION_TITLES = {
    "needs": "Needs coverage",
    "emotions": "Emotion curves",
    "moments": "Moments of truth",
    "expectations": "Expectation vs delivery",
    "wow": "Frugal wow",
    "stereotypes": "Stereotypes",
    "divergence": "One size does not fit all",
    "channels": "Channel coverage",
    "blueprint": "Blueprint integrity",
    "internal": "Internal customers",
    "keys": "Five Keys x delivery systems",
    "recovery": "Service recovery",
    "causes": "Root causes",
    "loyalty": "The return loop",
    "future": "Future state",
    "evidence": "Research evidence",
}


@dataclass
class Report:
    """Every section's typed findings and tables, for one workspace (or some personas)."""

    service: str = ""
    personas: list[str] = field(default_factory=list)
    filtered: bool = False
    persona_names: dict[str, str] = field(default_factory=dict)  # id -> display name
    touchpoint_names: dict[str, str] = field(default_factory=dict)  # all, id -> name
    scope: Scope = field(default_factory=Scope)
    figures: Figures = field(default_factory=Figures)
    needs: NeedsSection = field(default_factory=NeedsSection)
    emotions: EmotionsSection = field(default_factory=EmotionsSection)
    moments: MomentsSection = field(default_factory=MomentsSection)
    expectations: ExpectationsSection = field(default_factory=ExpectationsSection)
    wow: WowSection = field(default_factory=WowSection)
    stereotypes: StereotypesSection = field(default_factory=StereotypesSection)
    divergence: DivergenceSection = field(default_factory=DivergenceSection)
    channels: ChannelsSection = field(default_factory=ChannelsSection)
    blueprint: BlueprintSection = field(default_factory=BlueprintSection)
    internal: InternalSection = field(default_factory=InternalSection)
    keys: KeysSection = field(default_factory=KeysSection)
    recovery: RecoverySection = field(default_factory=RecoverySection)
    causes: CausesSection = field(default_factory=CausesSection)
    loyalty: LoyaltySection = field(default_factory=LoyaltySection)
    future: FutureSection = field(default_factory=FutureSection)
    evidence: EvidenceSection = field(default_factory=EvidenceSection)

    def section(self, name: str) -> object:
        return getattr(self, name)

    def persona_name(self, persona: str) -> str:
        return self.persona_names.get(persona, persona)

    def tp_name(self, touchpoint: str) -> str:
        return self.touchpoint_names.get(touchpoint, touchpoint)

    def findings(self) -> list[Finding]:
        """Every finding of every section, in section order."""
        return [f for name in SECTIONS for f in getattr(self, name).findings]

    def top_findings(self, limit: int = 10) -> list[Finding]:
        """The ``limit`` most important findings (highest severity first)."""
        return sort_findings(self.findings())[: max(limit, 0)]


def analyse(graph: nx.MultiDiGraph, personas: Sequence[str] | None = None) -> Report:
    """Run every analysis over ``graph`` (from ``build_graph``); ``personas`` limits them.

    Pure: the graph is not changed. Raises ``GuestologyError`` for an unknown persona id.
    """
    with paused_gc():
        return analyse_view(make_view(graph, personas))


def analyse_view(view: View) -> Report:
    scope = find_scope(view)
    needs = needs_coverage(view)
    emotions = emotion_curves(view)
    moments = moments_of_truth(view, scope)
    expectations = expectation_gaps(view)
    recovery = recovery_readiness(view)
    report = Report(
        service=str(view.graph.graph.get("service", "")),
        personas=list(view.personas),
        filtered=view.filtered,
        persona_names={pid: view.persona_name(pid) for pid in view.personas},
        touchpoint_names={tp: d["name"] for tp, d in view.all_touchpoints.items()},
        scope=scope,
        figures=headline_figures(view, scope, needs, emotions, moments, expectations, recovery),
        needs=needs,
        emotions=emotions,
        moments=moments,
        expectations=expectations,
        wow=frugal_wow(view),
        stereotypes=stereotype_findings(view),
        divergence=divergent_touchpoints(view, scope),
        channels=channel_coverage(view, needs),
        blueprint=blueprint_integrity(view),
        internal=internal_customers(view, needs),
        keys=keys_matrix(view),
        recovery=recovery,
        causes=root_causes(view),
        loyalty=return_loop(view, emotions, recovery),
        future=future_states(view),
    )
    _unique_keys(report)
    _confidence(view, report)
    return report


def _confidence(view: View, report: Report) -> None:
    """Give every finding its confidence, then list what to research next."""
    index = EvidenceIndex(view)
    for name in SECTIONS:
        section = getattr(report, name)
        section.findings = with_confidence(index, section.findings)
    report.evidence = evidence_section(index, report.findings())


def _unique_keys(report: Report) -> None:
    """Give a repeated key (the same pain written twice at one step) a ``#2``, ``#3`` ...."""
    seen: dict[tuple[str, ...], int] = {}
    for name in SECTIONS:
        section = getattr(report, name)
        kept = []
        for finding in section.findings:
            count = seen[finding.key()] = seen.get(finding.key(), 0) + 1
            if count > 1:
                finding = replace(finding, subject=f"{finding.subject}#{count}")
            kept.append(finding)
        section.findings = kept
