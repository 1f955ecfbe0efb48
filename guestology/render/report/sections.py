"""What every report format shows, as plain data: a headline, then per section a summary
sentence, tables (strings only) and findings. ``report_text`` and ``report_markdown`` only
format it, so the two always say the same thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from guestology.analysis.findings import SEVERITY_NAMES, Finding
from guestology.render.common import plural
from guestology.render.report.guest import GUEST_SECTIONS
from guestology.render.report.outcome import OUTCOME_SECTIONS
from guestology.render.report.service import SERVICE_SECTIONS
from guestology.render.report.tables import Table

if TYPE_CHECKING:
    from guestology.analysis import Report


@dataclass
class SectionView:
    name: str
    title: str
    summary: str
    tables: list[Table] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # most important first


def where_parts(finding: Finding, code: Callable[[str], str], assumed: str) -> list[str]:
    """Where a finding comes from, what is known of it: ``path:line:col``, ``persona x``,
    ``touchpoint y``, and ``assumed`` when it rests on no research source (``code`` quotes a
    path or an id as the format does)."""
    parts = [code(finding.location)] if finding.location else []
    if finding.persona:
        parts.append(f"persona {code(finding.persona)}")
    if finding.touchpoint:
        parts.append(f"touchpoint {code(finding.touchpoint)}")
    if finding.confidence == "assumed":
        parts.append(assumed)
    return parts


def headline(report: Report) -> list[str]:
    """``7 personas (5 guests, 2 cast)``, ``98 findings: 4 critical, 21 serious, ...``."""
    cast = sum(1 for c in report.needs.personas if c.kind == "cast")
    guests = len(report.personas) - cast
    people = f"{plural(len(report.personas), 'persona')} ({plural(guests, 'guest')}, {cast} cast)"
    if report.filtered:
        people = "Selected: " + people
    counts = Counter(f.severity for f in report.findings())
    parts = [_count(counts[s], SEVERITY_NAMES[s]) for s in sorted(SEVERITY_NAMES, reverse=True)]
    return [people, f"{plural(sum(counts.values()), 'finding')}: " + ", ".join(parts)]


def _count(count: int, severity: str) -> str:
    """``3 critical``, ``1 note``, ``20 notes``: only `note` is a noun."""
    return plural(count, severity) if severity == "note" else f"{count} {severity}"


def section_views(report: Report, limit: int | None = None) -> list[SectionView]:
    """Every section in report order; ``limit`` caps the rows of each table."""
    from guestology.analysis import SECTION_TITLES, SECTIONS

    builders: dict[str, Callable[..., tuple[str, list[Table]]]] = {
        **GUEST_SECTIONS,
        **SERVICE_SECTIONS,
        **OUTCOME_SECTIONS,
    }
    views = []
    for name in SECTIONS:
        section = getattr(report, name)
        summary, tables = builders[name](report, section, limit)
        findings = sorted(section.findings, key=lambda f: -f.severity)  # keeps section order
        views.append(SectionView(name, SECTION_TITLES[name], summary, tables, findings))
    return views
