"""Time guestology's commands as a user runs them, at three workspace sizes.

    python -m benchmarks.run [--sizes S,L,XL] [--runs N] [--json FILE] [--smoke]

Each command is a fresh ``python -m guestology ...`` process, run N times interleaved with
the floor (a bare Python parsing every YAML file of the workspace with libyaml), so each
median is also given as a ratio to the floor measured alongside it. Workspaces are
generated once into the cache folder (``.bench/`` by default) and reused while the
generator is unchanged. A command that fails is reported as FAILED with its telling error
line, and the run carries on. The goals are printed beside the figures: they are goals,
not failures; only ``--smoke`` (size S, one run each, for CI) exits non-zero, and only
when a command that exists fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    # The user's cache folder (compiled templates, the cache's key) is the runner's own.
    os.environ["XDG_CACHE_HOME"] = str((args.cache / "user-cache").resolve())
    os.environ.pop("GUESTOLOGY_NO_CACHE", None)
    results = []
    for name in args.sizes:
        runs = args.runs or DEFAULT_RUNS[name]
        results.append(run_size(name, args.cache, runs, args.timeout, log))
    log("startup: --version ...")
    startup = run_startup(args.runs or DEFAULT_RUNS["S"], args.timeout)
    verdicts = all_verdicts(results, startup)
    print(to_markdown(results, startup, verdicts), end="")
    if args.json:
        document = to_json(results, startup, verdicts)
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    failures = broken(results, startup)
    if args.smoke and failures:
        log("smoke: these commands exist but failed:\n  " + "\n  ".join(failures))
        return 1
    if not args.smoke and (failures or missed(verdicts)):
        shown = [f"{v.where}: {v.goal}, measured {v.figure}" for v in missed(verdicts)]
        log("targets NOT met or commands failed:\n  " + "\n  ".join(failures + shown))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
