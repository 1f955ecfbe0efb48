"""The benchmark runner's measuring and judging parts (no timed assertions)."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.generate import Spec
from benchmarks.measure import Run, run_once, summarise, telling_line
from benchmarks.suite import Command, SizeResult, Timing, commands
from benchmarks.targets import all_verdicts, missed

TYPER_ERROR = """Usage: guestology [OPTIONS] COMMAND [ARGS]...
Try 'guestology --help' for help.
╭─ Error ──────────────────────────────────────────╮
│ No such command 'report'.                        │
╰──────────────────────────────────────────────────╯
"""


def test_telling_line_reads_typer_boxes() -> None:
    assert telling_line(TYPER_ERROR) == "No such command 'report'."
    assert telling_line("warming up\nguestology: error: no such folder\n") == (
        "guestology: error: no such folder"
    )
    assert telling_line("") == ""


def test_run_once_measures_the_child(tmp_path: Path) -> None:
    grow = "x = bytearray(64 * 1024 * 1024)"
    ok = run_once([sys.executable, "-c", grow], tmp_path, timeout=60)
    assert ok.ok and ok.message == "" and ok.max_rss_mb >= 64
    fail = "import sys; sys.stderr.write('boom: error here\\n'); sys.exit(3)"
    failed = run_once([sys.executable, "-c", fail], tmp_path, timeout=60)
    assert failed.returncode == 3 and failed.message == "exit 3: boom: error here"


def test_summary_ignores_nothing_but_failures() -> None:
    runs = [Run(1.0, 10, 0, ""), Run(3.0, 30, 0, ""), Run(2.0, 20, 0, "")]
    summary = summarise(runs)
    assert summary is not None and (summary.median, summary.low, summary.high) == (2.0, 1.0, 3.0)
    assert summary.max_rss_mb == 30
    assert summarise([Run(1.0, 10, 1, "exit 1: x")]) is None


def test_site_at_large_sizes_single_file_at_s(tmp_path: Path) -> None:
    small = {c.name: c for c in commands("S", tmp_path / "ws", tmp_path / "out")}
    large = {c.name: c for c in commands("L", tmp_path / "ws", tmp_path / "out")}
    assert small["map html"].argv[-2].endswith("map.html") and not small["map html"].site
    assert large["map html site"].argv[-2].endswith("/") and large["map html site"].site
    assert {"validate", "report json", "map dot", "park map html"} <= set(small)
    assert "park map html" not in large


def test_the_cache_is_off_but_where_it_is_measured(tmp_path: Path) -> None:
    timed = {c.name: c for c in commands("L", tmp_path / "ws", tmp_path / "out")}
    for name, command in timed.items():
        assert ("--no-cache" in command.argv) is not name.startswith("validate, cache"), name
        assert (command.before is not None) is name.startswith("validate, cache"), name


def _result(name: str, personas: int, seconds: float, floor: float) -> SizeResult:
    timing = Timing(Command("validate", ["x"]))
    timing.runs = [Run(seconds, 100, 0, "")]
    timing.floors = [Run(floor, 20, 0, "")]
    return SizeResult(name, Spec(personas, 300, 40), {}, [timing])


def test_goals_judged_at_l_and_from_l_to_xl() -> None:
    large, huge = _result("L", 1000, 3.0, 1.0), _result("XL", 5000, 20.0, 5.0)
    startup = Timing(Command("--version", ["x"]), runs=[Run(0.3, 20, 0, "")])
    startup.floors = [Run(0.1, 20, 0, "")]
    verdicts = {(v.size, v.goal): v for v in all_verdicts([large, huge], startup)}
    assert verdicts[("L", "<= 2.3x floor")].met is False  # 3x
    assert verdicts[("L", "peak <= 150 MB")].met is True  # 100 MB
    assert missed(list(verdicts.values())) == [
        verdicts[("L", "<= 2.3x floor")],
        *[v for v in verdicts.values() if v.size != "L" and v.met is False],
    ]
    assert verdicts[("L->XL", "s/persona XL <= 1.2x L")].figure == "1.33x"
    assert verdicts[("L->XL", "s/persona XL <= 1.2x L")].met is False
    assert verdicts[("-", "<= 1.5x import typer")].met is False


def test_every_command_at_xl_peaks_at_600_mb_at_most() -> None:
    timings = []
    for name, peak, code in [("validate", 500, 0), ("report json", 650, 0), ("map dot", 90, 1)]:
        timing = Timing(Command(name, ["x"]), runs=[Run(10.0, peak, code, "")])
        timing.floors = [Run(5.0, 20, 0, "")]
        timings.append(timing)
    huge = SizeResult("XL", Spec(5000, 600, 40), {}, timings)
    judged = {v.command: v for v in all_verdicts([huge], None) if v.goal == "peak <= 600 MB"}
    assert [(v.figure, v.met) for v in judged.values()] == [
        ("500.00 MB", True),
        ("650.00 MB", False),
        ("-", None),  # failed: reported as a failure, not judged
    ]
    assert missed(list(judged.values())) == [judged["report json"]]
    large = _result("L", 1000, 3.0, 1.0)
    assert not [v for v in all_verdicts([large], None) if v.goal == "peak <= 600 MB"]


def test_scaling_within_the_issues_1_2x() -> None:
    large = _result("L", 1000, 2.0, 1.0)
    for seconds, met in [(12.0, True), (12.5, False)]:  # 1.2x and 1.25x per persona
        (scaling,) = [
            v
            for v in all_verdicts([large, _result("XL", 5000, seconds, 5.0)], None)
            if v.size == "L->XL"
        ]
        assert scaling.met is met
