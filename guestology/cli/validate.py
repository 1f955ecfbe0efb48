"""``guestology validate``: check every file of a workspace, report every problem located."""

from __future__ import annotations

import json
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
    print_problems,
    resolve_workspace,
)
from guestology.cli.console import say

if TYPE_CHECKING:
    from guestology.workspace import CheckResult


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    workspace: Path = WorkspaceArg,
    strict: bool = typer.Option(
        False, "--strict/--no-strict", help="Warnings fail the run too (exit 1)."
    ),
    output_format: ProblemFormat = typer.Option(
        ProblemFormat.text, "--format", "-f", help="text, json, or github (Actions annotations)."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print only what fails the run: no summary, no notes."
    ),
    max_file_size: float = MaxSizeOpt,
    no_cache: bool = NoCacheOpt,
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
    result = check(resolve_workspace(workspace), max_file_size, quiet, not no_cache)
    PRINTERS[output_format](result, strict, quiet)
    raise typer.Exit(EXIT_OK if result.passed(strict) else EXIT_PROBLEMS)


def _print_text(result: CheckResult, strict: bool, quiet: bool) -> None:
    print_problems(result.problems, hide_warnings=quiet and not strict)
    if not quiet:
        passed = result.passed(strict)
        say(summary(result, strict), fg="green" if passed else "red", bold=True)


def summary(result: CheckResult, strict: bool = False) -> str:
    """``ok: 1 file, 0 errors, 2 warnings``: the last line of the text format."""
    from guestology.problems import Level
    from guestology.render.common import plural

    verdict = "ok" if result.passed(strict) else "failed"
    counts = [
        plural(result.files, "file"),
        plural(result.count(Level.ERROR), "error"),
        plural(result.count(Level.WARNING), "warning"),
    ]
    return f"{verdict}: " + ", ".join(counts)


def _print_json(result: CheckResult, strict: bool, quiet: bool) -> None:
    typer.echo(json.dumps(result.to_dict(strict), indent=2, ensure_ascii=False))


def _print_github(result: CheckResult, strict: bool, quiet: bool) -> None:
    for problem in result.problems:
        typer.echo(problem.to_github())


PRINTERS: dict[ProblemFormat, Callable[[CheckResult, bool, bool], None]] = {
    ProblemFormat.text: _print_text,
    ProblemFormat.json: _print_json,
    ProblemFormat.github: _print_github,
}  # one printer per --format: (result, strict, quiet)
