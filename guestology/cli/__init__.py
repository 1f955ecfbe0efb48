"""The Typer app: thin commands over the library; errors become exit codes here only.

Exit codes: 0 clean, 1 problems or a user error, 2 usage, 3 unexpected (with a hint to report
it; tracebacks never show local variables, so persona data cannot leak into them).
"""

from __future__ import annotations

import sys

import typer

from guestology import __version__

app = typer.Typer(
    name="guestology",
    help="Guestology for service designers: validate persona YAML, report, and map journeys.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 3
REPORT_HINT = "This is a bug in guestology: please report it with the command you ran."


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


def main() -> None:
    """The console script: run the app, turning any unexpected exception into exit code 3."""
    from guestology.cli import diff, init, map, report, schema, validate  # noqa: F401  (registers the commands)

    try:
        app(prog_name="guestology")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("guestology: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the one place that catches everything
        sys.stderr.write(f"guestology: unexpected error: {type(exc).__name__}\n{REPORT_HINT}\n")
        sys.exit(EXIT_UNEXPECTED)
