"""Time one child process as a user runs it: wall time, its own peak memory, exit status.

Each run is a fresh child reaped with ``os.wait4``, so ``ru_maxrss`` is that child's peak
(including any grandchild it waited for, such as Graphviz's ``dot``), not the runner's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BOX = " \t│╭╮╰╯─┃┏┓┗┛━"  # Typer/Rich draw errors in boxes: strip the frame


@dataclass(frozen=True)
class Run:
    """One child process."""

    seconds: float
    max_rss_mb: float
    returncode: int
    message: str  # the telling line of a failure ("" on success)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass(frozen=True)
class Summary:
    """Several runs of one command."""

    median: float
    low: float
    high: float
    max_rss_mb: float


def telling_line(text: str) -> str:
    """The line that says what went wrong: the one after a boxed "Error" title, else the
    first line mentioning an error, else the first non-empty line."""
    lines = [line.strip(BOX) for line in text.splitlines()]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        if line.lower() == "error" and index + 1 < len(lines):
            return lines[index + 1]
    return next((line for line in lines if "error" in line.lower()), lines[0] if lines else "")


def run_once(argv: list[str], cwd: Path, timeout: float) -> Run:
    """Run ``argv`` to completion (killed after ``timeout`` seconds) and measure it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)
        message = ""
        if code != 0:
            err.seek(0)
            out.seek(0)
            text = err.read().decode("utf-8", "replace") or out.read().decode("utf-8", "replace")
            message = f"exit {code}: " + (telling_line(text) or "(no output)")
            if seconds >= timeout:
                message = f"killed after {timeout:.0f} s"
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return Run(seconds, usage.ru_maxrss / scale, code, message)


def summarise(runs: list[Run]) -> Summary | None:
    """Median and spread of the successful runs (None when none succeeded)."""
    times = [run.seconds for run in runs if run.ok]
    if not times:
        return None
    peak = max(run.max_rss_mb for run in runs if run.ok)
    return Summary(statistics.median(times), min(times), max(times), peak)


def output_bytes(path: Path, suffix: str = ".html") -> int:
    """Bytes of a file, or of every ``suffix`` file under a folder."""
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob(f"*{suffix}") if p.is_file())
    return path.stat().st_size if path.exists() else 0
