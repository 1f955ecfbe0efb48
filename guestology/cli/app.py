"""The Typer app object and the exit codes; every command module registers itself on ``app``.

This module imports nothing of the commands, so a command can import ``app`` without a
circle; ``guestology.cli`` imports every command module, so importing it gives the whole CLI.
"""

from __future__ import annotations

import typer

from guestology import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_UNEXPECTED = 0, 1, 3  # 2 (usage) is Typer's, or fail(msg, 2)

app = typer.Typer(
    name="guestology",
    help="Guestology for service designers: validate persona YAML, report, and map journeys.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"guestology {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Guestology for service designers: validate persona YAML, report, and map journeys."""
