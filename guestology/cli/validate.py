"""``guestology validate``: check every file of a workspace, report every problem located."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from guestology.cli.app import EXIT_OK, EXIT_PROBLEMS, app
from guestology.cli.common import (
    MaxSizeOpt,
    WorkspaceArg,
    check,
    print_problems,
    resolve_workspace,
)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    workspace: Path = WorkspaceArg,
    strict: bool = typer.Option(False, "--strict", help="Warnings fail the run too (exit 1)."),
    output_format: ProblemFormat = typer.Option(
        ProblemFormat.text, "--format", "-f", help="text, json, or github (Actions annotations)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only what fails the run."),
    max_file_size: float = MaxSizeOpt,
) -> None:
    """Validate a workspace's persona and service files.

    Every problem in every file is reported as `path:line:col: [level] message (code)`,
    sorted by path and line. Exit code 0 when clean (warnings allowed unless `--strict`),
    1 when there are problems.

    Examples:

        guestology validate personas

        guestology validate personas --strict --quiet

        guestology validate personas --format github
    """
    from guestology.problems import Level

    result = check(resolve_workspace(workspace), max_file_size)
    errors, warnings = result.count(Level.ERROR), result.count(Level.WARNING)
    failed = errors > 0 or (strict and warnings > 0)
    if output_format is ProblemFormat.json:
        doc = {
            "format": 1,
            "files": result.files,
            "errors": errors,
            "warnings": warnings,
            "ok": not failed,
            "problems": [p.to_dict() for p in result.problems],
        }
        typer.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    elif output_format is ProblemFormat.github:
        for problem in result.problems:
            typer.echo(problem.to_github())
    else:
        print_problems(result.problems, hide_warnings=quiet and not strict)
        if not quiet:
            verdict = "failed" if failed else "ok"
            summary = f"{verdict}: {result.files} files, {errors} errors, {warnings} warnings"
            typer.secho(summary, fg="red" if failed else "green", bold=True)
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)
