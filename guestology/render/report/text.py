"""The report for a terminal: rich tables and finding lists, most important first.

``to_text`` returns a string (plain by default, ANSI colours with ``color=True``) whose
lines fit ``width`` columns. Every finding shows its severity, one line a designer reads,
why, and where it comes from: ``path:line:col``, the persona and the touchpoint.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from guestology.render.report.sections import (
    SectionView,
    Table,
    headline,
    section_views,
    where_parts,
)

if TYPE_CHECKING:
    from guestology.analysis import Finding, Report

SEVERITY_STYLE = {5: "bold red", 4: "red", 3: "yellow", 2: "cyan", 1: "green"}
TOP = 10  # findings in the "most important" list


def to_text(report: Report, width: int = 100, *, color: bool = False, limit: int = 10) -> str:
    """The whole report; ``limit`` caps each section's findings and table rows."""
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    with console.capture() as capture:
        for part in render(report, limit):
            console.print(part)
    return "\n".join(line.rstrip() for line in capture.get().splitlines()) + "\n"


def render(report: Report, limit: int) -> list[RenderableType]:
    title = Text(f"Guestology report: {report.service or 'the service'}", style="bold")
    parts: list[RenderableType] = [title, *(Text(line) for line in headline(report)), Text("")]
    parts.append(Rule("Most important findings", align="left", style="bold"))
    top = report.top_findings(TOP)
    parts.append(findings_list(top, details=False) if top else Text("Nothing to report."))
    for number, view in enumerate(section_views(report, limit), start=1):
        parts.extend(section(number, view, limit))
    return parts


def section(number: int, view: SectionView, limit: int) -> list[RenderableType]:
    parts: list[RenderableType] = [Text("")]
    parts.append(Rule(f"{number}. {view.title}", align="left", style="bold"))
    parts.append(Text(view.summary))
    for tbl in view.tables:
        parts.append(rich_table(tbl))
    if view.findings:
        parts.append(Text(""))
        parts.append(findings_list(view.findings[:limit], details=True))
        hidden = len(view.findings) - limit
        if hidden > 0:
            more = f"… and {hidden} more here (all of them: --format markdown or json)"
            parts.append(Text(more, style="dim"))
    return parts


def rich_table(tbl: Table) -> RenderableType:
    out = RichTable(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for index, header in enumerate(tbl.headers):
        numeric = index in tbl.numeric
        out.add_column(header, justify="right" if numeric else "left", overflow="fold")
    for row in tbl.rows:
        out.add_row(*row)
    parts: list[RenderableType] = [Text(tbl.title, style="italic"), out]
    if tbl.hidden:
        parts.append(Text(f"… {tbl.hidden} more rows", style="dim"))
    return Group(*parts)


def findings_list(findings: list[Finding], *, details: bool) -> RenderableType:
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(width=8, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for finding in findings:
        body = Text(finding.title)
        if details and finding.detail:
            body.append("\n" + finding.detail, style="dim")
        where = where_line(finding)
        if where:
            body.append("\n" + where, style="blue")
        tag = Text(finding.severity_name, style=SEVERITY_STYLE.get(finding.severity, ""))
        grid.add_row(tag, body)
    return grid


def where_line(finding: Finding) -> str:
    """``path:line:col · persona x · touchpoint y · assumed`` (what is known of it; ``assumed``
    when it rests on no research source)."""
    return " · ".join(where_parts(finding, str, "assumed"))
