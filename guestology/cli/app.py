"""The Typer app object, the exit codes and the root options; every command registers itself.

This module imports nothing of the commands, so a command can import ``app`` without a
circle; ``guestology.cli`` imports every command module, so importing it gives the whole CLI.
The root callback reads the configuration file (``guestology.cli.config``) and hands its
settings to the commands as option defaults: what the command line gives wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from guestology import __version__

if TYPE_CHECKING:
    from guestology.cli.config import Config

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 3

app = typer.Typer(
    name="guestology",
    help="Guestology for service designers: validate persona YAML, report, and map journeys.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"guestology {__version__}")
        raise typer.Exit()


def _show_config(value: bool) -> None:
    if value:
        typer.echo("\n".join(_config().lines()))
        raise typer.Exit()


def _config() -> Config:
    from guestology.cli.config import ConfigError, find_config

    try:
        return find_config()
    except ConfigError as exc:
        typer.echo(f"guestology: error: {exc}", err=True)
        raise typer.Exit(EXIT_PROBLEMS) from None


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help="Show the version and exit.",
    ),
    show_config: bool = typer.Option(
        False,
        "--show-config",
        callback=_show_config,
        is_eager=True,
        help="Show the settings in force (pyproject.toml `[tool.guestology]` or "
        "`.guestology.yaml`, found from here upwards) and where each comes from, then exit.",
    ),
) -> None:
    """Guestology for service designers: validate persona YAML, report, and map journeys.

    Defaults for `workspace`, `paper`, `strict` and `max-file-size` may come from the
    nearest `pyproject.toml` (`[tool.guestology]`) or `.guestology.yaml`; options win.
    """
    config = _config()
    ctx.obj = config
    ctx.default_map = {**(ctx.default_map or {}), **config.default_map()}
