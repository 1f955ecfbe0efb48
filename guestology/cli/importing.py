"""``guestology import``: a workspace from a mermaid journey, a CSV journey map or an
enablement-map-studio file (the library is ``guestology.interop``; docs/interop.md)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from guestology.cli.app import EXIT_PROBLEMS, app
from guestology.cli.common import check, fail, print_problems, write_output
from guestology.cli.console import QuietOpt
from guestology.problems import Level
from guestology.render.common import plural


class ImportFormat(str, Enum):
    mermaid = "mermaid"
    markdown = "markdown"
    csv = "csv"
    ems = "ems"


@app.command("import")
def import_command(
    source: Path = typer.Argument(..., help="The file to import (.mmd, .md, .csv, .yaml)."),
    output: Path = typer.Option(..., "--output", "-o", help="The workspace folder to write."),
    source_format: ImportFormat | None = typer.Option(
        None, "--from", help="mermaid, markdown, csv or ems (default: from the suffix)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite files that exist."),
    quiet: bool = QuietOpt,
) -> None:
    """Make a workspace from journeys kept elsewhere, and say every assumption it took.

    A mermaid `journey` (`.mmd`, or the mermaid blocks of a Markdown file: sections become
    stages, tasks touchpoints, actors personas, emotion = score - 3), a CSV journey map (a
    row per step, or a lane per row) or an enablement-map-studio journey (`kind: cjm`).
    It writes `service.yaml` and `guests/<persona>.yaml`, commented, that validate; it never
    overwrites a file, nor adds to a folder holding other YAML files, without `--force`.

    Examples:

        guestology import journey.mmd -o imported

        guestology import README.md -o imported --force

        guestology import journey-map.csv -o imported && guestology report imported
    """
    from guestology.interop import ImportProblems, import_source
    from guestology.problems import GuestologyError

    try:
        imported = import_source(source, source_format.value if source_format else None)
    except ImportProblems as exc:
        print_problems(exc.problems, err=True)
        raise typer.Exit(EXIT_PROBLEMS) from None
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    targets = {output / relative: text for relative, text in imported.files.items()}
    _refuse_to_clobber(output, list(targets), force)
    existed = {path for path in targets if path.exists()}
    for path, text in targets.items():
        write_output(path, text)
    draft = imported.draft
    if quiet:
        _report(output, quiet)
        return
    typer.echo(f"imported {source} ({draft.form}): {imported.summary()}")
    for path in targets:
        typer.echo(f"{'replaced' if path in existed else 'created '} {path}")
    for assumption in draft.assumptions:
        typer.echo(f"assumed: {assumption}")
    _report(output, quiet)


def _refuse_to_clobber(output: Path, targets: list[Path], force: bool) -> None:
    if force:
        return
    existing = [path for path in targets if path.exists()]
    if existing:
        names = ", ".join(str(p) for p in existing)
        raise fail(f"{names}: exists; nothing written (--force overwrites)")
    others = sorted(p for p in output.rglob("*.y*ml") if p.is_file()) if output.is_dir() else []
    if others:
        raise fail(f"{output} already holds {others[0]}: importing would mix two workspaces;"
                   " nothing written (choose an empty folder, or --force)")  # fmt: skip


def _report(output: Path, quiet: bool = False) -> None:
    """Validate what is now in the folder, as `guestology validate` would."""
    result = check(output, quiet=quiet)
    errors, warnings = result.count(Level.ERROR), result.count(Level.WARNING)
    if errors:
        print_problems(result.problems, hide_warnings=True, err=True)
        raise fail(f"{output} does not validate: {plural(errors, 'error')}")
    if not quiet:
        typer.echo(
            f"\n{output} validates: {plural(warnings, 'warning')} "
            f"(see `guestology validate {output}`)"
        )
