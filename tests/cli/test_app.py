"""The CLI is complete at import, and importing it stays light (``--version`` starts fast)."""

from __future__ import annotations

import json
import os
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


RUN_PROBE = f"""
import atexit, json, os, sys
atexit.register(lambda: os.write(2, ("HEAVY=" + json.dumps(
    [m for m in {HEAVY + ["watchfiles"]!r} if m in sys.modules]) + "\\n").encode()))
sys.argv = ["guestology", *sys.argv[1:]]
from guestology.cli import main
main()
"""
# What each command must not import (typer itself imports pydantic to read any command's
# options, and renders --help with rich: those two are typer's, not ours).
NOT_NEEDED = {
    ("--version",): HEAVY + ["watchfiles"],
    ("--help",): ["networkx", "jinja2", "pydantic", "graphviz", "yaml", "watchfiles"],
    ("validate", "{ws}"): ["networkx", "jinja2", "rich", "graphviz", "markupsafe", "watchfiles"],
    ("report", "{ws}", "-f", "json"): ["jinja2", "rich", "graphviz", "markupsafe", "watchfiles"],
    ("map", "{ws}", "-o", "{out}/map.dot"): ["jinja2", "rich", "markupsafe", "watchfiles"],
    ("map", "{ws}", "-o", "{out}/map.html"): ["rich", "graphviz", "watchfiles"],
}


def test_each_command_imports_only_what_it_needs(tmp_path: Path) -> None:
    ws = Path(__file__).resolve().parents[1] / "golden" / "html_workspace"
    for args, unwanted in NOT_NEEDED.items():
        argv = [a.format(ws=ws, out=tmp_path) for a in args]
        done = subprocess.run(
            [sys.executable, "-c", RUN_PROBE, *argv],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "GUESTOLOGY_NO_CACHE": "1"},  # the test data stays as it is
        )
        assert done.returncode == 0, done.stderr
        line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY="))
        loaded = json.loads(line.removeprefix("HEAVY="))
        assert not set(loaded) & set(unwanted), (args, loaded)
