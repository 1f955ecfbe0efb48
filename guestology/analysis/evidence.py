"""Research evidence: which findings stand on research, and what to research next.

A persona nobody has met is a stereotype of our own. Sources are listed in the service file
(``sources:``, each with a ``kind``); a persona, a compass item, a step or a pain point cites
them in ``evidence:``. Something is **evidenced** when it, or what it belongs to, cites a
source whose kind is not ``assumption``: a persona's sources cover its compass items and
steps, a step's cover its pain points.

Every finding gets a **confidence**, ``evidenced`` or ``assumed``, from what it stands on:

- the item, step or pain point it is located at (a need finding at its need, a failure at its
  step, a severe pain at its pain point ...);
- else, a finding about one persona: that persona (or the compass item named in ``subject``);
- else, a finding about a touchpoint: evidenced when any step in scope at that touchpoint is;
- else ``assumed``.

The section gives the share of personas (their own ``evidence:``), needs, steps and severe
pains that rest on evidence, the sources by kind with what cites them, and the most important
findings that are assumptions: what to research next.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from guestology.analysis.findings import Finding, sort_findings
from guestology.analysis.outcomes import SEVERE
from guestology.analysis.view import View
from guestology.graph_types import SourceAttrs
from guestology.model import cited

NEXT = 10  # findings listed under "what to research next"
ASSUMPTION = "assumption"


@dataclass(frozen=True)
class Share:
    what: str  # personas | needs | steps | severe pains
    total: int
    evidenced: int


@dataclass(frozen=True)
class SourceUse:
    id: str
    kind: str
    n: int | None = None
    cited_by: int = 0  # personas, items, steps and pain points citing it


@dataclass
class EvidenceSection:
    shares: list[Share] = field(default_factory=list)
    sources: list[SourceUse] = field(default_factory=list)  # service file order
    by_kind: dict[str, int] = field(default_factory=dict)  # kind -> citations
    research_next: list[Finding] = field(default_factory=list)  # most important assumed first
    findings: list[Finding] = field(default_factory=list)


class EvidenceIndex:
    """What cites what, and whether each place rests on evidence: built once per report
    (one pass over the personas, their items, steps and pains), then asked per finding."""

    def __init__(self, view: View) -> None:
        self.sources: dict[str, SourceAttrs] = dict(view.graph.graph.get("sources", {}))
        self.kinds = {source: attrs["kind"] for source, attrs in self.sources.items()}
        self.counts: dict[str, int] = dict.fromkeys(self.kinds, 0)
        self.at: dict[tuple[str, int, int], bool] = {}  # (file, line, col) -> evidenced
        self.persona: dict[str, bool] = {}
        self.item: dict[tuple[str, str], bool] = {}
        self.touchpoint: dict[str, bool] = {}
        self.shares = {"personas": [0, 0], "needs": [0, 0], "steps": [0, 0], "severe": [0, 0]}
        for pid, attrs in view.personas.items():
            self._persona(view, pid, self.cites(attrs["evidence"]), (attrs["file"],
                          attrs["line"], attrs["col"]))  # fmt: skip

    def cites(self, ids: list[str]) -> bool:
        for source in ids:
            self.counts[source] = self.counts.get(source, 0) + 1
        return any(self.kinds.get(s, ASSUMPTION) != ASSUMPTION for s in ids)

    def _count(self, what: str, ok: bool) -> None:
        self.shares[what][0] += 1
        self.shares[what][1] += ok

    def _persona(self, view: View, pid: str, own: bool, where: tuple[str, int, int]) -> None:
        self.persona[pid] = self.at[where] = own
        self._count("personas", own)
        for item_id, item in view.items.get(pid, {}).items():
            ok = self.cites(item["evidence"]) or own
            self.item[pid, item_id] = self.at[item["file"], item["line"], item["col"]] = ok
            if item["kind"] == "need":
                self._count("needs", ok)
        for step in view.steps.get(pid, []):
            ok = self.cites(step["evidence"]) or own
            self.at[step["file"], step["line"], step["col"]] = ok
            self.touchpoint[step["touchpoint"]] = self.touchpoint.get(step["touchpoint"]) or ok
            self._count("steps", ok)
            for pain in step["pain_points"]:
                pain_ok = self.cites(cited(pain.evidence)) or ok
                path, (line, col) = pain.where()
                self.at[path, line, col] = pain_ok
                if pain.severity >= SEVERE:
                    self._count("severe", pain_ok)

    def confidence(self, f: Finding) -> str:
        found = self.at.get((f.file, f.line, f.col))
        if found is None and f.persona:
            found = self.item.get((f.persona, f.subject), self.persona.get(f.persona))
        if found is None and f.touchpoint:
            found = self.touchpoint.get(f.touchpoint)
        return "evidenced" if found else "assumed"


def with_confidence(index: EvidenceIndex, findings: list[Finding]) -> list[Finding]:
    """The findings, each with its ``confidence`` (see the module's rule)."""
    return [replace(f, confidence=index.confidence(f)) for f in findings]


def evidence_section(index: EvidenceIndex, findings: list[Finding]) -> EvidenceSection:
    """The evidence section; ``findings``: every finding of the report, with confidence."""
    names = {"personas": "personas", "needs": "needs", "steps": "steps", "severe": "severe pains"}
    section = EvidenceSection(
        shares=[Share(names[k], total, ok) for k, (total, ok) in index.shares.items()]
    )
    for source, attrs in index.sources.items():
        kind = attrs["kind"]
        section.sources.append(SourceUse(source, kind, attrs["n"], index.counts[source]))
        section.by_kind[kind] = section.by_kind.get(kind, 0) + index.counts[source]
    assumed = [f for f in findings if f.confidence == "assumed" and (f.persona or f.touchpoint)]
    section.research_next = sort_findings(assumed)[:NEXT]
    return section
