"""``guestology schema``: the JSON Schema of persona and service files, for editors."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from guestology.cli.app import app
from guestology.cli.common import write_output
from guestology.cli.console import QuietOpt, wrote


class FileKind(str, Enum):
    persona = "persona"
    service = "service"


@app.command("schema")
def schema_command(
    kind: FileKind | None = typer.Option(
        None, "--kind", "-k", help="persona or service (default: one schema for either)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the schema to this file instead of printing it."
    ),
    quiet: bool = QuietOpt,
) -> None:
    """Print the JSON Schema (draft 2020-12) of persona and service files.

    Editors use it for completion, hover help and error squiggles while you type. Save it
    in your repository and point your YAML files at it with a first line such as
    `# yaml-language-server: $schema=../schemas/guestology.schema.json`.
    The schema checks each file on its own; `guestology validate` also checks the
    references between files.

    Examples:

        guestology schema -o schemas/guestology.schema.json

        guestology schema --kind persona > persona.schema.json
    """
    from guestology.editor_schema import editor_schema

    text = json.dumps(editor_schema(kind.value if kind else None), indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    write_output(output, text)
    wrote(output, quiet)
