"""``guestology export``: a workspace as mermaid, CSV, node-link JSON, GraphML or GEXF
(the library is ``guestology.interop.exports``; docs/interop.md)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from guestology.cli.app import EXIT_PROBLEMS, app
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
from guestology.cli.console import QuietOpt, note, wrote
from guestology.cli.map import FutureStateOpt, State, future_state


class ExportFormat(str, Enum):
    mmd = "mmd"
    md = "md"
    csv = "csv"
    json = "json"
    graphml = "graphml"
    gexf = "gexf"


class Layout(str, Enum):
    steps = "steps"
    lanes = "lanes"


def choose_format(output: str, given: ExportFormat | None) -> ExportFormat:
    """``--to`` wins; else the suffix of ``-o``; a folder (``-o DIR/``) means ``mmd``."""
    if given is not None:
        return given
    if output.endswith(("/", "\\")) or Path(output).is_dir():
        return ExportFormat.mmd
    suffix = Path(output).suffix.lower().lstrip(".")
    suffix = {"mermaid": "mmd", "markdown": "md"}.get(suffix, suffix)
    if suffix in ExportFormat.__members__:
        return ExportFormat(suffix)
    known = "|".join(ExportFormat.__members__)
    raise fail(f"cannot tell the format from `{output}`: use --to {known}", 2)


@app.command("export")
def export_command(
    workspace: Path = WorkspaceArg,
    output: str = typer.Option(..., "--output", "-o", help="File to write; `DIR/` for .mmd files."),
    to: ExportFormat | None = typer.Option(
        None, "--to", help="mmd, md, csv, json, graphml or gexf (default: from -o's suffix)."
    ),
    persona: list[str] = typer.Option(
        [], "--persona", "-p", help="Only this persona (repeatable)."
    ),
    layout: Layout = typer.Option(
        Layout.steps, "--layout", help="CSV: `steps` (a row per step) or `lanes` (a row per lane)."
    ),
    state: State = FutureStateOpt,
    quiet: bool = QuietOpt,
    max_file_size: float = MaxSizeOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Write a workspace for other tools: mermaid, spreadsheets, D3, Gephi, yEd.

    `.mmd` is one mermaid `journey` per persona (`-o DIR/` writes `DIR/<persona>.mmd`; a
    single `.mmd` file needs one `--persona`), `.md` all of them in one Markdown page that
    GitHub draws; `.csv` a journey-map spreadsheet (`--layout steps|lanes`); `.json`
    node-link JSON (D3, networkx); `.graphml` and `.gexf` (Gephi: colours by emotion and
    positions). The same workspace gives the same bytes. Notes say what had to change.

    Examples:

        guestology export personas -o journeys.md

        guestology export personas -o mermaid/

        guestology export personas -o ramirez.mmd --persona ramirez-family

        guestology export personas -o journey-map.csv --layout lanes

        guestology export personas -o park.gexf

        guestology export personas -o future.md --state future
    """
    from guestology.interop.exports import export_workspace
    from guestology.problems import GuestologyError

    fmt = choose_format(output, to)
    folder = output.endswith(("/", "\\")) or Path(output).is_dir()
    if fmt is ExportFormat.mmd and not folder and len(persona) != 1:
        raise fail("a .mmd file holds one diagram: give one --persona ID, or write a folder"
                   " (-o DIR/, a .mmd per persona) or a Markdown page (-o FILE.md)", 2)  # fmt: skip
    if fmt is not ExportFormat.mmd and folder:
        raise fail(f"{output} is a folder: only --to mmd writes a folder", 2)
    result = check(resolve_workspace(workspace), max_file_size, quiet, not no_cache)
    if result.workspace is None:
        print_problems(result.problems, hide_warnings=True, err=True)
        raise typer.Exit(EXIT_PROBLEMS)
    ws = result.workspace
    if state is State.future:  # only the personas with a designed future
        ws = future_state(ws, persona)
    try:
        exported = export_workspace(ws, fmt.value, persona or None, layout.value)
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    for text in exported.notes:
        note(text, quiet)
    for name, text in exported.files.items():
        target = Path(output) / name if folder else Path(output)
        write_output(target, text)
        wrote(target, quiet)
