"""``guestology init``: scaffold a small starter workspace that validates cleanly."""

from __future__ import annotations

from pathlib import Path

import typer

from guestology.cli.app import app
from guestology.cli.common import write_output
from guestology.cli.console import QuietOpt


@app.command()
def init(
    directory: Path = typer.Argument(Path("personas"), help="Where to create the workspace."),
    quiet: bool = QuietOpt,
) -> None:
    """Create a starter workspace: a service file, one guest and one cast persona.

    The files are commented so that a newcomer learns the format from them. Existing files
    are never overwritten: they are left as they are and listed.

    Examples:

        guestology init

        guestology init research/park && guestology validate research/park
    """
    from guestology.resources import starter_files

    created, kept = [], []
    for relative, text in starter_files().items():
        target = directory / relative
        if target.exists():
            kept.append(target)
            continue
        write_output(target, text)
        created.append(target)
    if quiet:
        return
    for path in created:
        typer.echo(f"created {path}")
    for path in kept:
        typer.echo(f"kept    {path} (exists; not overwritten)")
    if created:
        typer.echo(f"\nNext: guestology validate {directory}  (help: guestology --help)")
