"""``guestology report``: the analyses a Guestology workshop runs, as text, Markdown or JSON."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from guestology.cli.app import EXIT_OK, EXIT_PROBLEMS, app
from guestology.cli.common import (
    MaxSizeOpt,
    NoCacheOpt,
    WorkspaceArg,
    check,
    fail,
    print_problems,
    resolve_workspace,
    write_output,
)
from guestology.cli.console import QuietOpt, use_color, wrote
from guestology.cli.formats import choose

if TYPE_CHECKING:
    from guestology.analysis import Report


class ReportFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


SUFFIXES = {
    ".txt": ReportFormat.text,
    ".text": ReportFormat.text,
    ".md": ReportFormat.markdown,
    ".markdown": ReportFormat.markdown,
    ".json": ReportFormat.json,
}
WIDEST_DEFAULT, NARROWEST = 100, 60


@app.command("report")
def report_command(
    workspace: Path = WorkspaceArg,
    persona: list[str] = typer.Option(
        [], "--persona", "-p", help="Only this persona's journey (repeatable)."
    ),
    output_format: ReportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text (terminal), markdown, or json (default: from -o's suffix, else text).",
        show_default=False,
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the report to this file (.txt, .md or .json) instead of the terminal.",
    ),
    width: int | None = typer.Option(
        None,
        "--width",
        help="Text width in columns (default: the terminal's, at most 100).",
        min=NARROWEST,
        max=400,
        show_default=False,
    ),
    quiet: bool = QuietOpt,
    max_file_size: float = MaxSizeOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Analyse a workspace: what a service designer runs a Guestology workshop for.

    Twelve sections, most important findings first: needs coverage, emotion curves
    (peak-end), moments of truth, expectation vs delivery, frugal wow, stereotypes, one
    size does not fit all, channel coverage, blueprint integrity, internal customers,
    Five Keys x delivery systems, recovery readiness. Every finding names its persona,
    touchpoint and `path:line:col`. The format comes from `-o`'s suffix (`.txt`, `.md`,
    `.json`) or `--format`. An invalid workspace prints its problems on stderr and exits 1;
    warnings do not stop a report.

    Examples:

        guestology report personas

        guestology report personas --persona ramirez-family --persona marcus-bell

        guestology report personas -o report.md

        guestology report personas --format json | jq '.findings[0]'
    """
    from guestology.analysis import analyse
    from guestology.graph import build_graph
    from guestology.problems import GuestologyError

    fmt = choose(output, output_format, SUFFIXES, ReportFormat.text)
    result = check(resolve_workspace(workspace), max_file_size, quiet, not no_cache)
    if result.workspace is None:
        print_problems(result.problems, hide_warnings=True, err=True)
        raise typer.Exit(EXIT_PROBLEMS)
    try:
        report = analyse(build_graph(result.workspace), persona or None)
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    del result  # the report stands alone: let the workspace go before rendering
    if output is not None and fmt is ReportFormat.json:  # written as it is made: see iter_json
        from guestology.render.report import iter_json

        write_output(output, iter_json(report))
        wrote(output, quiet)
        raise typer.Exit(EXIT_OK)
    color = output is None and use_color()
    text = formatters(width or terminal_width(output), color)[fmt](report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_output(output, text)
        wrote(output, quiet)
    raise typer.Exit(EXIT_OK)


def terminal_width(output: Path | None) -> int:
    """The terminal's width (``COLUMNS`` first), between 60 and 100; 100 for a file."""
    if output is not None:
        return WIDEST_DEFAULT
    columns = shutil.get_terminal_size((WIDEST_DEFAULT, 24)).columns
    return max(NARROWEST, min(columns, WIDEST_DEFAULT))


def formatters(width: int, color: bool) -> dict[ReportFormat, Callable[[Report], str]]:
    """One renderer per ``--format``, each imported when called (JSON and Markdown need no
    rich; nothing heavy at start-up)."""
    from guestology.render import report as renderers

    def text(report: Report) -> str:
        return str(renderers.to_text(report, width=width, color=color))

    return {
        ReportFormat.text: text,
        ReportFormat.markdown: lambda report: str(renderers.to_markdown(report)),
        ReportFormat.json: lambda report: str(renderers.to_json(report)),
    }
