"""``guestology diff``: what changed between two revisions, in Guestology terms."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from guestology.cli.app import EXIT_OK, EXIT_PROBLEMS, app
from guestology.cli.common import MaxSizeOpt, fail, megabytes, print_problems, write_output
from guestology.cli.console import QuietOpt, wrote
from guestology.cli.formats import choose


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


SUFFIXES = {
    ".txt": DiffFormat.text,
    ".md": DiffFormat.markdown,
    ".markdown": DiffFormat.markdown,
    ".json": DiffFormat.json,
}


def _configured_workspace() -> Path:
    """The configuration file's ``workspace``, else ``personas``."""
    from guestology.cli.config import ConfigError, find_config

    try:
        return find_config().workspace() or Path("personas")
    except ConfigError as exc:
        raise fail(str(exc)) from None


@app.command("diff")
def diff_command(
    old: str = typer.Argument(..., help="A git revision (`HEAD~1`, `main`, `main...HEAD`)."),
    new: str | None = typer.Argument(
        None, help="A git revision (default: the working tree); or, with OLD, two folders."
    ),
    workspace: Path | None = typer.Option(
        None,
        "--workspace",
        "-w",
        help="The workspace folder in the repository (default: the configured one, else "
        "`personas`).",
        show_default=False,
    ),
    output_format: DiffFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text, markdown (a PR comment) or json (default: from -o's suffix, else text).",
        show_default=False,
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (.txt, .md, .json) instead of printing."
    ),
    exit_code: bool = typer.Option(
        False, "--exit-code", help="Exit 1 when there are semantic changes (as `git diff`)."
    ),
    quiet: bool = QuietOpt,
    max_file_size: float = MaxSizeOpt,
) -> None:
    """Explain what changed in a workspace between two git revisions.

    Per persona: compass items added, removed or reworded; journey steps added, removed or
    moved; emotions (and the curve's mean, peak and end); expectation and delivery; needs
    that became unmet or met; touchpoints; and the report findings that appeared or
    disappeared. Identity is by id, so moving or splitting files is not a change.
    Revisions are read through git: the working tree and the index are left alone.

    Examples:

        guestology diff HEAD~1

        guestology diff main...HEAD --format markdown -o diff.md

        guestology diff v1.0 v2.0 --workspace research/personas --exit-code

        guestology diff old-copy/ personas/
    """
    from guestology import diff as semantic
    from guestology.problems import GuestologyError

    fmt = choose(output, output_format, SUFFIXES, DiffFormat.text)
    where = workspace or _configured_workspace()
    try:
        result = semantic.diff_revisions(old, new, where, megabytes(max_file_size))
    except semantic.InvalidSide as exc:
        typer.echo(f"guestology: error: {exc}:", err=True)
        print_problems(exc.problems, err=True)
        raise typer.Exit(EXIT_PROBLEMS) from None
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    formatters = {
        DiffFormat.text: semantic.to_text,
        DiffFormat.markdown: semantic.to_markdown,
        DiffFormat.json: semantic.to_json,
    }
    text = formatters[fmt](result)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_output(output, text)
        wrote(output, quiet)
    raise typer.Exit(EXIT_PROBLEMS if exit_code and result.changed else EXIT_OK)
