"""The CLI is complete at import, and importing it stays light (``--version`` starts fast)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

COMMANDS = {"diff", "export", "import", "init", "map", "print", "report", "schema", "serve",
            "validate"}  # fmt: skip
HEAVY = ["networkx", "jinja2", "pydantic", "rich", "graphviz", "yaml", "markupsafe"]

PROBE = f"""
import json, sys
from guestology.cli import app
names = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
print(json.dumps({{"commands": names, "heavy": [m for m in {HEAVY!r} if m in sys.modules]}}))
"""


def test_importing_the_cli_registers_every_command_and_nothing_heavy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    seen = json.loads(done.stdout)
    assert set(seen["commands"]) == COMMANDS
    assert seen["heavy"] == []


def test_the_command_modules_do_not_import_the_package_itself() -> None:
    """Commands import ``guestology.cli.app``, never ``guestology.cli``: no import circle."""
    from guestology import cli

    for module in cli.COMMANDS:
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "from guestology.cli import" not in source, module.__name__
