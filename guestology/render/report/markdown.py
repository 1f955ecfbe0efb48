"""The report as Markdown, for a wiki page or a pull-request comment.

The most important findings come first as a numbered list; then each section: its summary,
its tables (GitHub-flavoured), and every one of its findings inside a ``<details>`` block so
a long report stays readable. Text from persona files is escaped: it cannot inject markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from guestology.render.report.sections import (
    SectionView,
    Table,
    headline,
    section_views,
    where_parts,
)

if TYPE_CHECKING:
    from guestology.analysis import Finding, Report

SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
TOP = 10


def md(text: str) -> str:
    """Escape Markdown and HTML specials; newlines become spaces."""
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(report: Report, *, limit: int | None = 30) -> str:
    """The whole report; ``limit`` caps the rows of each table (findings are all listed)."""
    lines = [f"# Guestology report: {md(report.service or 'the service')}", ""]
    lines += [md(". ".join(headline(report))) + ".", "", "## Most important findings", ""]
    top = report.top_findings(TOP)
    lines += [f"{i}. {finding_line(f)}" for i, f in enumerate(top, start=1)] or ["Nothing."]
    for number, view in enumerate(section_views(report, limit), start=1):
        lines += ["", *section(number, view)]
    return "\n".join(lines).rstrip() + "\n"


def section(number: int, view: SectionView) -> list[str]:
    lines = [f"## {number}. {md(view.title)}", "", md(view.summary)]
    for tbl in view.tables:
        lines += ["", *markdown_table(tbl)]
    if view.findings:
        count = len(view.findings)
        label = f"{count} finding{'s' if count != 1 else ''}"
        lines += ["", f"<details><summary>{label}</summary>", ""]
        lines += [f"- {finding_line(f, details=True)}" for f in view.findings]
        lines += ["", "</details>"]
    return lines


def markdown_table(tbl: Table) -> list[str]:
    lines = [f"*{md(tbl.title)}*", ""]
    lines.append("| " + " | ".join(md(h) for h in tbl.headers) + " |")
    align = ["---:" if i in tbl.numeric else "---" for i in range(len(tbl.headers))]
    lines.append("| " + " | ".join(align) + " |")
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in tbl.rows]
    if tbl.hidden:
        lines += ["", f"*… and {tbl.hidden} more rows (`--format json` has them all).*"]
    return lines


def finding_line(finding: Finding, *, details: bool = False) -> str:
    """``**serious** Title. Detail. `path:line:col` · persona `x` · touchpoint `y```."""
    parts = [f"**{finding.severity_name}** {md(finding.title)}"]
    if details and finding.detail:
        parts.append(f"— {md(finding.detail)}")
    where = where_parts(finding, lambda text: f"`{text}`", "*assumed*")
    if where:
        parts.append("(" + " · ".join(where) + ")")
    return " ".join(parts)
