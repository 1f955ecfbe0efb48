"""Time guestology's commands as a user runs them, at three workspace sizes.

    python -m benchmarks.run [--sizes S,L,XL] [--runs N] [--json FILE] [--smoke]

Each command is a fresh ``python -m guestology ...`` process, run N times interleaved with
the floor (a bare Python parsing every YAML file of the workspace with libyaml), so each
median is also given as a ratio to the floor measured alongside it. Workspaces are
generated once into the cache folder (``.bench/`` by default) and reused while the
generator is unchanged. The children run with bytecode, compiled into the cache before
anything is timed (``benchmarks.bytecode``), as a user's install has it. At size S the
example park's map is timed beside mermaid-cli rendering one of its journeys, when
``mmdc`` is installed (``benchmarks.mermaid``). A command that fails is reported as FAILED
with its telling error line, and the run carries on. The targets are printed beside the
figures as met / NOT met; a missed one or a failed command makes the runner exit 1.
``--smoke`` (size S, one run each, for CI) judges no target: it exits 1 only when a command
that exists fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from benchmarks.bytecode import PYCACHE, child_environment, compiled, shown, warm
from benchmarks.mermaid import Comparison, find_mmdc, prepare_comparison
from benchmarks.suite import ROOT, SIZES, SizeResult, Timing, run_size, run_startup
from benchmarks.table import to_json, to_markdown
from benchmarks.targets import all_verdicts, missed

DEFAULT_RUNS = {"S": 5, "L": 3, "XL": 3}


def _sizes(text: str) -> list[str]:
    sizes = [s.strip().upper() for s in text.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown or not sizes:
        raise argparse.ArgumentTypeError(f"sizes are {','.join(SIZES)}; got {text!r}")
    return sizes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--sizes", type=_sizes, default=list(SIZES), help="comma-separated: S,L,XL (default all)"
    )
    parser.add_argument("--runs", type=int, help="runs per command (default 5 at S, 3 at L and XL)")
    parser.add_argument("--json", type=Path, help="also write every raw figure to this JSON file")
    parser.add_argument(
        "--cache",
        type=Path,
        default=ROOT / ".bench",
        help="workspaces and outputs (default .bench/)",
    )
    parser.add_argument(
        "--timeout", type=float, default=1800.0, help="seconds before a run is killed"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="CI: size S, one run each; exit 1 if a command that exists fails",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.runs = ["S"], 1
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def broken(results: list[SizeResult], startup: Timing) -> list[str]:
    """Commands that exist but failed (a missing command is not a failure)."""
    timings = [t for r in results for t in r.timings] + [startup]
    failed = [f"{t.command.name}: {t.failure}" for t in timings if t.exists and t.summary is None]
    floors = [run.message for t in timings for run in t.floors if not run.ok]
    return failed + [f"floor: {message}" for message in floors[:1]]


def comparison(args: argparse.Namespace) -> Comparison | None:
    """mermaid-cli beside the park map, which is timed at size S only."""
    if "S" not in args.sizes:
        return None
    found = prepare_comparison(args.cache, find_mmdc())
    if not found.beside:
        log(found.note)
    return found


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    # Every child: bytecode and a user cache folder (compiled templates) of the runner's own.
    environment = child_environment(args.cache, os.environ)
    os.environ.clear()
    os.environ.update(environment)
    mermaid = comparison(args)  # exports a journey: before the count of compiled modules
    before = warm(args.cache, args.timeout, log)
    notes = [f"children run with bytecode in {shown(args.cache / PYCACHE)}"]
    notes += [mermaid.note] if mermaid else []
    results = []
    for name in args.sizes:
        runs = args.runs or DEFAULT_RUNS[name]
        beside = mermaid.beside if mermaid else {}
        results.append(run_size(name, args.cache, runs, args.timeout, log, beside))
    log("startup: --version ...")
    startup = run_startup(args.runs or DEFAULT_RUNS["S"], args.timeout)
    if compiled(args.cache) > before:
        notes.append(f"warning: {compiled(args.cache) - before} modules compiled while timing")
    verdicts = all_verdicts(results, startup)
    print(to_markdown(results, startup, verdicts, notes), end="")
    if args.json:
        document = to_json(results, startup, verdicts, notes)
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    failures = broken(results, startup)
    if args.smoke and failures:
        log("smoke: these commands exist but failed:\n  " + "\n  ".join(failures))
        return 1
    if not args.smoke and (failures or missed(verdicts)):
        lines = [f"{v.where}: {v.goal}, measured {v.figure}" for v in missed(verdicts)]
        log("targets NOT met or commands failed:\n  " + "\n  ".join(failures + lines))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
