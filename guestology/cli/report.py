"""``guestology report``: the analyses a Guestology workshop runs, as text, Markdown or JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from guestology.cli.app import EXIT_OK, EXIT_PROBLEMS, app
from guestology.cli.common import (
    MaxSizeOpt,
    WorkspaceArg,
    check,
    fail,
    print_problems,
    resolve_workspace,
    write_output,
)

if TYPE_CHECKING:
    from guestology.analysis import Report


class ReportFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("report")
def report_command(
    workspace: Path = WorkspaceArg,
    persona: list[str] = typer.Option(
        [], "--persona", "-p", help="Only this persona's journey (repeatable)."
    ),
    output_format: ReportFormat = typer.Option(
        ReportFormat.text, "--format", "-f", help="text (terminal), markdown, or json."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file instead of the terminal."
    ),
    width: int = typer.Option(100, "--width", help="Text width in columns.", min=60, max=400),
    max_file_size: float = MaxSizeOpt,
) -> None:
    """Analyse a workspace: what a service designer runs a Guestology workshop for.

    Twelve sections, most important findings first: needs coverage, emotion curves
    (peak-end), moments of truth, expectation vs delivery, frugal wow, stereotypes, one
    size does not fit all, channel coverage, blueprint integrity, internal customers,
    Five Keys x delivery systems, recovery readiness. Every finding names its persona,
    touchpoint and `path:line:col`. An invalid workspace prints its problems and exits 1;
    warnings do not stop a report.

    Examples:

        guestology report personas

        guestology report personas --persona ramirez-family --persona marcus-bell

        guestology report personas --format markdown -o report.md

        guestology report personas --format json | jq '.findings[0]'
    """
    from guestology.analysis import analyse
    from guestology.graph import build_graph
    from guestology.problems import GuestologyError

    result = check(resolve_workspace(workspace), max_file_size)
    if result.workspace is None:
        print_problems(result.problems, hide_warnings=True)
        raise typer.Exit(EXIT_PROBLEMS)
    try:
        report = analyse(build_graph(result.workspace), persona or None)
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    del result  # the report stands alone: let the workspace go before rendering
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    text = formatters(width, color)[output_format](report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_output(output, text)
        typer.echo(f"wrote {output}", err=True)
    raise typer.Exit(EXIT_OK)


def formatters(width: int, color: bool) -> dict[ReportFormat, Callable[[Report], str]]:
    """One renderer per ``--format`` (imported here, so that start-up stays light)."""
    from guestology.render.report import to_json, to_markdown, to_text

    return {
        ReportFormat.text: partial(to_text, width=width, color=color),
        ReportFormat.markdown: to_markdown,
        ReportFormat.json: to_json,
    }
