"""The children run as a user's install does: from bytecode compiled once, before timing.

A ``pip install`` leaves ``.pyc`` files beside the modules, so a user's every run but the
first imports compiled code. An environment with ``PYTHONDONTWRITEBYTECODE=1`` (as CI
machines often have) would instead make every measured child compile all of guestology
from source (about 0.3 s of a workshop's map). So the children run with that variable
removed and ``PYTHONPYCACHEPREFIX`` pointing into the runner's cache (``.bench/pycache``:
the source tree is not touched), and ``warm`` fills that folder before anything is timed:
the package compiled whole, then every command run once, untimed, on the small workspace
(the standard library and the dependencies a command imports compiled on the way).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from benchmarks.measure import run_once
from benchmarks.suite import GUESTOLOGY, ROOT, Command, Log, clear, commands, prepare

DROPPED = ("PYTHONDONTWRITEBYTECODE", "GUESTOLOGY_NO_CACHE")
PYCACHE = "pycache"  # the children's bytecode, inside the runner's cache folder
USER_CACHE = "user-cache"  # the children's user cache folder (compiled templates, the key)


def child_environment(cache: Path, base: Mapping[str, str]) -> dict[str, str]:
    """``base`` without what keeps a child from writing bytecode or using the file cache,
    with the runner's own bytecode and user cache folders."""
    environment = {key: value for key, value in base.items() if key not in DROPPED}
    environment["PYTHONPYCACHEPREFIX"] = str((cache / PYCACHE).resolve())
    environment["XDG_CACHE_HOME"] = str((cache / USER_CACHE).resolve())
    return environment


def shown(folder: Path) -> str:
    """The folder as the report names it: relative to the repository when inside it."""
    folder = folder.resolve()
    return str(folder.relative_to(ROOT)) if folder.is_relative_to(ROOT) else str(folder)


def compiled(cache: Path) -> int:
    """How many ``.pyc`` files the children's bytecode folder holds."""
    return sum(1 for _ in (cache / PYCACHE).rglob("*.pyc"))


def warm_commands(cache: Path, log: Log) -> list[Command]:
    """Every command line the runner runs, on the small workspace, each once: each size's
    variants (a single HTML file at S, a site above it), the example park, ``--version``
    and the ``--help`` that tells whether a command exists."""
    ws, _ = prepare(cache, "S", log)
    out = cache / "out-warm"
    listed = [*commands("S", ws, out), *commands("L", ws, out)]
    listed += [Command("help", [*GUESTOLOGY, c.subcommand, "--help"]) for c in listed]
    listed.append(Command("--version", [*GUESTOLOGY, "--version"]))
    unique = {tuple(command.argv): command for command in listed}
    return list(unique.values())


def warm(cache: Path, timeout: float, log: Log) -> int:
    """Compile what the children import into their bytecode folder; returns how many
    ``.pyc`` files it holds. Run after ``child_environment`` is in ``os.environ``."""
    log(f"bytecode: compiling into {shown(cache / PYCACHE)} ...")
    package = [sys.executable, "-m", "compileall", "-q", str(ROOT / "guestology")]
    subprocess.run(package, cwd=ROOT, capture_output=True, check=False)
    for command in warm_commands(cache, log):
        clear(command)
        run_once(command.argv, ROOT, timeout)
    return compiled(cache)
