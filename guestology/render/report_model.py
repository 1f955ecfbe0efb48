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

if TYPE_CHECKING:
    from guestology.analysis import Report

SPARK = {-2: "▁", -1: "▂", 0: "▄", 1: "▆", 2: "█"}


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    total: int = 0  # rows before the limit
    numeric: set[int] = field(default_factory=set)  # columns to right-align

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


@dataclass
class SectionView:
    name: str
    title: str
    summary: str
    tables: list[Table] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # most important first


def table(title: str, headers: list[str], rows: list[list[str]], limit: int | None,
          numeric: set[int] | None = None) -> Table:  # fmt: skip
    kept = rows if limit is None else rows[:limit]
    return Table(title, headers, kept, len(rows), numeric or set())


def pct(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def signed(value: float | None) -> str:
    if value is None:
        return "-"
    value = round(value, 1)
    if value == 0:
        return "0"
    return f"{value:+.0f}" if float(value).is_integer() else f"{value:+.1f}"


def spark(values: list[int]) -> str:
    """An emotion curve in one line: ``▄▆█▂▁`` for 0 +1 +2 -1 -2."""
    return "".join(SPARK.get(v, "?") for v in values)


def cut(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def headline(report: Report) -> list[str]:
    """``7 personas (5 guests, 2 cast)``, ``98 findings: 4 critical, 21 serious, ...``."""
    cast = sum(1 for c in report.needs.personas if c.kind == "cast")
    guests = len(report.personas) - cast
    people = f"{plural(len(report.personas), 'persona')} ({plural(guests, 'guest')}, {cast} cast)"
    if report.filtered:
        people = "Selected: " + people
    counts = Counter(f.severity for f in report.findings())
    parts = [f"{counts[s]} {SEVERITY_NAMES[s]}" for s in sorted(SEVERITY_NAMES, reverse=True)]
    return [people, f"{plural(sum(counts.values()), 'finding')}: " + ", ".join(parts)]


def section_views(report: Report, limit: int | None = None) -> list[SectionView]:
    """Every section in report order; ``limit`` caps the rows of each table."""
    from guestology.analysis import SECTION_TITLES, SECTIONS
    from guestology.render.report_guest import GUEST_SECTIONS
    from guestology.render.report_service import SERVICE_SECTIONS

    builders: dict[str, Callable[..., tuple[str, list[Table]]]] = {
        **GUEST_SECTIONS,
        **SERVICE_SECTIONS,
    }
    views = []
    for name in SECTIONS:
        section = getattr(report, name)
        summary, tables = builders[name](report, section, limit)
        findings = sorted(section.findings, key=lambda f: -f.severity)  # keeps section order
        views.append(SectionView(name, SECTION_TITLES[name], summary, tables, findings))
    return views
