"""Fuzz ``validate``, ``report`` and ``map`` (HTML, a site, DOT) with mutated workspaces.

Each case is a valid workspace (``tests/data/valid/*``, the example) mutated by
``fuzz_mutations``: bytes, YAML structure, the file system. Whatever the input, a command
exits 0 or 1 (never 3: no exception escapes), within ``TIMEOUT`` seconds (a FIFO or
``/dev/zero`` would hang it), and changes no byte of the input (nor of the file outside
that a link points to).

Deterministic: case ``i`` uses ``random.Random(SEED + i)``. 150 cases (a few seconds) run in the
suite; ``GUESTOLOGY_FUZZ_CASES=5000`` runs a long campaign (``GUESTOLOGY_FUZZ_SEED``
picks another one). A failure names the case and its mutations, to replay it alone.
"""

from __future__ import annotations

import os
import random
import re
import signal
import stat
import tempfile
from pathlib import Path

from fuzz_mutations import mutate
from typer.testing import CliRunner

from guestology.cli import app

ROOT = Path(__file__).resolve().parents[2]
BASES = [*sorted((ROOT / "tests" / "data" / "valid").iterdir()), ROOT / "personas"]
CASES = int(os.environ.get("GUESTOLOGY_FUZZ_CASES", "150"))
SEED = int(os.environ.get("GUESTOLOGY_FUZZ_SEED", "16"))
TIMEOUT = 20
EVERY = 4  # one case in EVERY also runs report and map (validate runs on every case)
SECRET = "persona: secret\nname: Read from outside the workspace\n"
OUTPUTS = {"report.md", "map.html", "map.dot", "site"}
DOT_LIMIT = 16_384  # the longest quoted string Graphviz scans
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def _files(base: Path) -> dict[str, str]:
    return {
        p.relative_to(base).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(base.rglob("*.yaml"))
    }


def _snapshot(folder: Path) -> dict[str, object]:
    """Every entry below ``folder``: its bytes, or what it is (a link, a FIFO)."""
    found: dict[str, object] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                found[str(path)] = path.read_bytes()
            elif stat.S_ISLNK(info.st_mode):
                found[str(path)] = ("link", os.readlink(path))
            else:
                found[str(path)] = ("mode", stat.S_IFMT(info.st_mode))
    return found


def _commands(workspace: Path, out: Path, case: int) -> list[list[str]]:
    commands = [["validate", str(workspace)]]
    if case % EVERY == 0:
        commands += [
            ["report", str(workspace), "-o", str(out / "report.md")],
            ["map", str(workspace), "-o", str(out / "map.html")],
            ["map", str(workspace), "-o", str(out / "map.dot")],
        ]
    if case % (EVERY * 4) == 0:
        commands.append(["map", str(workspace), "-o", f"{out / 'site'}/"])
    return commands


class Hang(Exception):
    """A command gave no answer within ``TIMEOUT`` (not an ``OSError``: nothing may catch it
    as a file that could not be read)."""


def _timeout(signum: int, frame: object) -> None:
    raise Hang(f"no answer within {TIMEOUT} s")


def run_case(case: int, runner: CliRunner) -> list[str]:
    """The failures of case ``case`` (none: it held)."""
    rng = random.Random(SEED + case)
    base = BASES[case % len(BASES)]
    failures = []
    with tempfile.TemporaryDirectory(prefix="guestology-fuzz-") as tmp:
        workspace, out, outside = Path(tmp, "ws"), Path(tmp, "out"), Path(tmp, "secret.yaml")
        outside.write_text(SECRET)
        workspace.mkdir()
        out.mkdir()
        done = mutate(rng, _files(base), workspace, outside)
        before = _snapshot(workspace), outside.read_bytes()
        for args in _commands(workspace, out, case):
            signal.alarm(TIMEOUT)
            try:
                result = runner.invoke(app, args)
            finally:
                signal.alarm(0)
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
            if crashed or result.exit_code not in (0, 1) or "Traceback" in result.output:
                error = f"{type(result.exception).__name__}: {result.exception}"[:300]
                failures.append(f"case {case} ({base.name}, {done}): {args[0]} -> {error}")
            if "Read from outside the workspace" in result.output:
                failures.append(f"case {case}: {args[0]} read the file outside the workspace")
        if (_snapshot(workspace), outside.read_bytes()) != before:
            failures.append(f"case {case} ({done}): the input changed")
        failures += [f"case {case} ({done}): {what}" for what in _check_outputs(out)]
    return failures


def _check_outputs(out: Path) -> list[str]:
    """Only the outputs asked for, no temporary file left; DOT that ``dot`` can scan."""
    found = sorted(p.name for p in out.iterdir())
    wrong = [f"wrote {name}" for name in found if name not in OUTPUTS]
    dot = out / "map.dot"
    if dot.exists():
        source = dot.read_text(encoding="utf-8", errors="surrogateescape")
        longest = max(
            (len(q.encode("utf-8", "surrogateescape")) for q in QUOTED.findall(source)), default=0
        )
        if longest >= DOT_LIMIT:
            wrong.append(f"a DOT string of {longest:,} bytes")
    return wrong


def test_no_crash_no_hang_no_input_changed() -> None:
    runner = CliRunner()
    previous = signal.signal(signal.SIGALRM, _timeout)
    try:
        failures = [f for case in range(CASES) for f in run_case(case, runner)]
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert failures == [], "\n".join(failures[:20])
