"""The runner's output: a Markdown report for people, a JSON document with every figure."""

from __future__ import annotations

import platform
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from benchmarks.measure import Summary, summarise
from benchmarks.suite import SizeResult, Timing
from benchmarks.targets import Verdict

HEADER = (
    "| size | command | median s | min-max s | x floor | peak MB | goal |\n"
    "|---|---|---:|---:|---:|---:|---|"
)


def _cells(summary: Summary | None, ratio: str) -> str:
    if summary is None:
        return "| | | | "
    times = f"{summary.median:.3f} | {summary.low:.3f}-{summary.high:.3f}"
    return f"{times} | {ratio} | {summary.max_rss_mb:.0f} | "


def _row(size: str, timing: Timing, verdicts: list[Verdict]) -> str:
    name = timing.command.name
    goals = "; ".join(v.label for v in verdicts if v.command == name and v.size == size)
    if timing.summary is None:
        missing = "" if timing.exists else " (command not there yet)"
        return f"| {size} | {name} | FAILED{missing}: {timing.failure} | | | | {goals} |"
    ratio = f"{timing.ratio:.2f}" if timing.ratio is not None else "-"  # "-": no floor beside
    return f"| {size} | {name} | {_cells(timing.summary, ratio)}{goals} |"


def to_markdown(
    results: list[SizeResult],
    startup: Timing | None,
    verdicts: list[Verdict],
    notes: Sequence[str] = (),
) -> str:
    """The notes (how the children ran), timings, HTML size, scaling and the goals, as
    Markdown sections."""
    sections = [
        list(notes),
        _timings(results, startup, verdicts),
        _html_sizes(results),
        _scaling([v for v in verdicts if v.size == "L->XL"]),
        ["## Goals", ""]
        + [f"- {v.where}: {v.goal}, measured {v.figure}: **{v.state}**" for v in verdicts],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def _timings(
    results: list[SizeResult], startup: Timing | None, verdicts: list[Verdict]
) -> list[str]:
    lines = ["## Timings", "", HEADER]
    for result in results:
        floor = summarise([run for timing in result.timings for run in timing.floors])
        lines.append(f"| {result.name} | floor (parse YAML) | {_cells(floor, '1.00')} |")
        lines += [_row(result.name, timing, verdicts) for timing in result.timings]
    if startup is not None:
        bare = _cells(summarise(startup.floors), "1.00")
        lines.append(f"| - | bare `import typer` | {bare} |")
        lines.append(_row("-", startup, verdicts))
    return lines


def _html_sizes(results: list[SizeResult]) -> list[str]:
    lines = ["## HTML size", "", "| size | steps | HTML bytes | bytes per step |"]
    lines.append("|---|---:|---:|---:|")
    for result in results:
        per_step = f"{result.html_bytes / result.steps:.0f}" if result.html_bytes else "-"
        lines.append(f"| {result.name} | {result.steps} | {result.html_bytes} | {per_step} |")
    return lines


def _scaling(verdicts: list[Verdict]) -> list[str]:
    if not verdicts:
        return []
    lines = [
        "## Scaling L -> XL",
        "",
        "| command | XL / L, s per persona | goal |",
        "|---|---:|---|",
    ]
    return lines + [f"| {v.command} | {v.figure} | {v.label} |" for v in verdicts]


def _timing_json(timing: Timing) -> dict[str, Any]:
    summary, floor = timing.summary, timing.floor
    return {
        "name": timing.command.name,
        "argv": timing.command.argv,
        "exists": timing.exists,
        "status": "ok" if summary else "FAILED",
        "failure": timing.failure,
        "summary": asdict(summary) if summary else None,
        "floor": asdict(floor) if floor else None,
        "ratio_to_floor": timing.ratio,
        "runs": [asdict(run) for run in timing.runs],
        "floor_runs": [asdict(run) for run in timing.floors],
    }


def to_json(
    results: list[SizeResult],
    startup: Timing | None,
    verdicts: list[Verdict],
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    return {
        "notes": list(notes),
        "machine": {
            "python": sys.version,
            "platform": platform.platform(),
            "processor": platform.machine(),
        },
        "sizes": {
            r.name: {
                "spec": asdict(r.spec),
                "steps": r.steps,
                "generation": r.generation,
                "html_bytes": r.html_bytes,
                "html_bytes_per_step": r.html_bytes / r.steps if r.html_bytes else None,
                "commands": [_timing_json(t) for t in r.timings],
            }
            for r in results
        },
        "startup": _timing_json(startup) if startup else None,
        "goals": [asdict(v) | {"label": v.label} for v in verdicts],
    }
