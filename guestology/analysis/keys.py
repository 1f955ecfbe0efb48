"""The Five Keys x the delivery systems, and pain points that touch safety.

Rows are the service's keys in priority order (Safety, Courtesy, Inclusion, Show,
Efficiency by default), columns the delivery systems (cast, setting, process); a cell lists
the touchpoints in scope whose ``keys`` include the key and whose ``system`` is that
system. An empty cell is a key nobody delivers through that system; an empty row is a key
the service never plans for. The matrix's findings (``key-unplanned``, ``empty-key-cell``)
appear only when the service file declares its ``keys:``: the theme-park defaults are not a
plan to hold a service to. Planned and retired touchpoints do not deliver today: left out.

Safety comes first in the Keys. A pain point belongs to a key only when it names one
(``key: safety``); it never inherits its touchpoint's keys, so a long buffet queue at a
touchpoint that carries ``safety`` is not a safety problem. Every pain with ``key: safety``
is a ``safety-pain`` finding, critical unless its severity is 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.analysis.findings import CRITICAL, MINOR, NOTABLE, NOTE, SERIOUS, Finding, located
from guestology.analysis.view import View, where_of

SYSTEMS = ("cast", "setting", "process")
SAFETY = "safety"
KEYED = "key: safety"


@dataclass(frozen=True)
class SafetyPain:
    touchpoint: str
    persona: str
    text: str
    severity: int
    why: str  # "safety key" or "mentions '<word>'"
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class KeysSection:
    keys: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=lambda: list(SYSTEMS))
    cells: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # key->system->tps
    empty: list[tuple[str, str]] = field(default_factory=list)  # (key, system), priority order
    no_system: list[str] = field(default_factory=list)  # touchpoints without a system
    not_live: list[str] = field(default_factory=list)  # planned or retired: not in the matrix
    safety: list[SafetyPain] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def cell(self, key: str, system: str) -> list[str]:
        return self.cells.get(key, {}).get(system, [])


def keys_matrix(view: View) -> KeysSection:
    section = KeysSection(keys=list(view.keys))
    section.cells = {key: {system: [] for system in SYSTEMS} for key in view.keys}
    for tp, attrs in view.touchpoints.items():
        if attrs["status"] != "live":  # not delivering today
            section.not_live.append(tp)
            continue
        system = attrs["system"]
        if system is None:
            section.no_system.append(tp)
            continue
        for key in attrs["keys"]:
            section.cells.setdefault(key, {}).setdefault(system, []).append(tp)
    section.empty = [(k, s) for k in view.keys for s in SYSTEMS if not section.cell(k, s)]
    section.safety = safety_pains(view)
    planned = _cell_findings(view, section) if view.keys_declared else []
    section.findings = planned + _safety_findings(view, section.safety)
    return section


def safety_pains(view: View) -> list[SafetyPain]:
    out = []
    for tp, visits in view.visits.items():
        for visit in visits:
            for pain in visit["pain_points"]:
                if pain.key != SAFETY:
                    continue
                where = where_of(pain, visit)
                found = SafetyPain(tp, visit["persona"], pain.text, pain.severity, KEYED, *where)
                out.append(found)
    return sorted(out, key=lambda p: (-p.severity, p.touchpoint, p.persona))


def _cell_findings(view: View, section: KeysSection) -> list[Finding]:
    where = located(view.service)
    out = []
    for rank, key in enumerate(section.keys):
        first = rank == 0
        empty = [system for system in SYSTEMS if not section.cell(key, system)]
        if len(empty) == len(SYSTEMS):
            title = f"No touchpoint is planned for the key {key}"
            detail = "No touchpoint lists it in `keys:` with a `system:`."
            code, severity = "key-unplanned", SERIOUS if first else NOTABLE
        elif empty:
            title = f"{key.capitalize()} is delivered by no {' or '.join(empty)} touchpoint"
            detail = "Each key is best delivered by the cast, the setting and the process."
            code, severity = "empty-key-cell", MINOR if first else NOTE
        else:
            continue
        out.append(Finding(section="keys", code=code, severity=severity, title=title,
                           detail=detail, subject=key, **where))  # fmt: skip
    return out


def _safety_findings(view: View, pains: list[SafetyPain]) -> list[Finding]:
    """One finding per touchpoint: its pain points that touch safety, worst first."""
    grouped: dict[str, list[SafetyPain]] = {}
    for pain in pains:
        grouped.setdefault(pain.touchpoint, []).append(pain)
    return [_safety(view, group) for group in grouped.values()]


def _safety(view: View, group: list[SafetyPain]) -> Finding:
    first, where = group[0], view.tp_name(group[0].touchpoint)
    severity = CRITICAL if first.severity >= 2 else SERIOUS
    personas = list(dict.fromkeys(p.persona for p in group))
    more = f" (and {len(group) - 1} more)" if len(group) > 1 else ""
    title = f"Safety at {where}: {first.text}{more}"
    lines = [
        f"{view.persona_name(p.persona)}: {p.text} (severity {p.severity}, {p.why})" for p in group
    ]
    return Finding(
        section="keys",
        code="safety-pain",
        severity=severity,
        title=title,
        detail="; ".join(lines) + ". Safety is the first Key.",
        persona=personas[0] if len(personas) == 1 else None,
        touchpoint=first.touchpoint,
        subject="safety",
        file=first.file,
        line=first.line,
        col=first.col,
    )
