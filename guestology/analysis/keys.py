"""The Five Keys x the delivery systems, and pain points that touch safety.

Rows are the service's keys in priority order (Safety, Courtesy, Inclusion, Show,
Efficiency by default), columns the delivery systems (cast, setting, process); a cell lists
the touchpoints in scope whose ``keys`` include the key and whose ``system`` is that
system. An empty cell is a key nobody delivers through that system; an empty row is a key
the service never plans for. Safety comes first in the Keys: a pain point touches safety
when its touchpoint carries the ``safety`` key or its text speaks of harm (``SAFETY_WORDS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from guestology.analysis.findings import CRITICAL, MINOR, NOTABLE, NOTE, SERIOUS, Finding, located
from guestology.analysis.view import View, where_of

SYSTEMS = ("cast", "setting", "process")
SAFETY = "safety"
SAFETY_WORDS = re.compile(
    r"\b(safe|safety|unsafe|injur\w*|hurt\w*|danger\w*|accident\w*|hazard\w*|slip\w*|"
    r"trip(?:ped|s)? over|fall\w*|fell|lost (?:child|kid|son|daughter)|separated|medical|"
    r"first aid|heat ?stroke|dehydrat\w*|faint\w*|allerg\w*|emergenc\w*|crush\w*|unlit)\b",
    re.IGNORECASE,
)


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
    safety: list[SafetyPain] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def cell(self, key: str, system: str) -> list[str]:
        return self.cells.get(key, {}).get(system, [])


def keys_matrix(view: View) -> KeysSection:
    section = KeysSection(keys=list(view.keys))
    section.cells = {key: {system: [] for system in SYSTEMS} for key in view.keys}
    for tp, attrs in view.touchpoints.items():
        system = attrs["system"]
        if system is None:
            section.no_system.append(tp)
            continue
        for key in attrs["keys"]:
            section.cells.setdefault(key, {}).setdefault(system, []).append(tp)
    section.empty = [(k, s) for k in view.keys for s in SYSTEMS if not section.cell(k, s)]
    section.safety = safety_pains(view)
    section.findings = _cell_findings(view, section) + _safety_findings(view, section.safety)
    return section


def safety_pains(view: View) -> list[SafetyPain]:
    out = []
    for tp, visits in view.visits.items():
        attrs = view.touchpoints.get(tp)
        keyed = attrs is not None and SAFETY in attrs["keys"]
        for visit in visits:
            for pain in visit["pain_points"]:
                text = pain.text
                match = SAFETY_WORDS.search(text)
                if not keyed and match is None:
                    continue
                why = "safety key" if keyed else f"mentions '{match.group(0).lower()}'"  # type: ignore[union-attr]
                out.append(
                    SafetyPain(
                        tp,
                        visit["persona"],
                        text,
                        pain.severity,
                        why,
                        *where_of(pain, visit),
                    )
                )
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
    worded = any(p.why != "safety key" for p in group)
    severity = CRITICAL if first.severity >= 3 else SERIOUS if worded else NOTABLE
    severity = MINOR if first.severity == 1 and not worded else severity
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
