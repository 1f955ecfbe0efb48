"""What commands print besides their results: colour, notes, and the ``--quiet`` switch.

Results (a report, a schema, a drawing on stdout, validate's problem list) go to stdout;
everything else (problems that stop a command, notes, progress, "wrote FILE") goes to
stderr, so ``guestology report -f json > report.json`` holds JSON and nothing else.
Colour follows https://no-color.org: ``NO_COLOR`` (non-empty) turns it off, ``FORCE_COLOR``
(non-empty, not ``0``) turns it on, else a terminal gets colour and a pipe does not.
"""

from __future__ import annotations

import os
import sys

import typer

QuietOpt = typer.Option(
    False, "--quiet", "-q", help="Print only results and errors: no notes, no progress."
)


def use_color(err: bool = False) -> bool:
    """Colour on stdout (or stderr, with ``err``)? ``NO_COLOR`` wins over ``FORCE_COLOR``."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return (sys.stderr if err else sys.stdout).isatty()


def say(message: str, *, fg: str | None = None, bold: bool = False, err: bool = False) -> None:
    """One line, coloured only where ``use_color`` says so."""
    typer.secho(message, fg=fg, bold=bold, err=err, color=use_color(err))


def note(message: str, quiet: bool = False) -> None:
    """``guestology: note: ...`` on stderr, unless ``--quiet``."""
    if not quiet:
        say(f"guestology: note: {message}", fg="cyan", err=True)


def wrote(target: object, quiet: bool = False) -> None:
    """``wrote FILE`` on stderr (not for ``-o -``: the output itself went to stdout)."""
    if not quiet and str(target) != "-":
        typer.echo(f"wrote {target}", err=True)
