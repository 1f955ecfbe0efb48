"""The workshop map against mermaid-cli drawing one journey of the same workspace.

A workshop draws the example park; the tool people would otherwise reach for is
mermaid-cli (``mmdc``), which renders one persona's journey (exported by ``guestology
export``) to SVG in a headless Chromium. At size S, each round of the park map's runs is
followed by one ``mmdc`` run (``suite.time_together``), so both are timed on the same
machine at the same moment. Without ``mmdc`` (on PATH, or installed by ``.ci/run`` into
``.ci/node``) the comparison is skipped and the report says so.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import telling_line
from benchmarks.suite import GUESTOLOGY, ROOT, Command

ROW = "mermaid-cli, one journey (mmdc)"
PARK = "park map html"  # the row mmdc runs beside
CI_MMDC = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "mmdc"
INSTALL = "PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix .ci/node"
SKIPPED = f"mermaid-cli comparison skipped: mmdc not found (install: {INSTALL})"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
KEYWORDS = ("section", "title", "accTitle", "accDescr", "%%")
TASK = re.compile(r":\s*-?\d+(\.\d+)?\s*(:|$)")  # "Task name: score: actors"


@dataclass(frozen=True)
class Comparison:
    """What the runner times beside the park map (nothing when skipped), and the report's
    line about it."""

    beside: dict[str, list[Command]]
    note: str


def find_mmdc(which: Callable[[str], str | None] = shutil.which, ci: Path = CI_MMDC) -> Path | None:
    """``mmdc`` on PATH, else the one ``.ci/run`` installs; None without it (or node)."""
    found = which("mmdc")
    if found:
        return Path(found)
    return ci if ci.exists() and which("node") else None


def count_steps(text: str) -> int:
    """The tasks of a mermaid journey: lines ``name: score[: actors]`` in its sections."""
    lines = [line.strip() for line in text.splitlines()]
    return sum(1 for line in lines if not line.startswith(KEYWORDS) and TASK.search(line))


def export_journey(folder: Path) -> tuple[Path, int] | str:
    """The park's longest journey (most steps; the first by name among equals) as a .mmd
    file, with its step count; the export's error line when it fails."""
    journeys = folder / "journeys"
    shutil.rmtree(journeys, ignore_errors=True)
    argv = [*GUESTOLOGY, "export", str(ROOT / "personas"), "-o", f"{journeys}/", "-q"]
    done = subprocess.run([*argv, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    files = sorted(journeys.glob("*.mmd"))
    if done.returncode != 0 or not files:
        return telling_line(done.stderr or done.stdout) or f"exit {done.returncode}"
    steps = {path: count_steps(path.read_text(encoding="utf-8")) for path in files}
    longest = max(files, key=lambda path: steps[path])  # max keeps the first of equals
    return longest, steps[longest]


def browser_config(folder: Path) -> Path:
    """Puppeteer's options for mmdc: the system's Chromium (no download), no sandbox."""
    config: dict[str, object] = {"args": ["--no-sandbox"]}
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser:
        config["executablePath"] = browser
    path = folder / "puppeteer.json"
    path.write_text(json.dumps(config) + "\n", encoding="utf-8")
    return path


def version(mmdc: Path) -> str:
    done = subprocess.run([str(mmdc), "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else "(version unknown)"


def mmdc_command(mmdc: Path, journey: Path, config: Path) -> Command:
    svg = journey.parent.parent / "journey.svg"
    argv = [str(mmdc), "-i", str(journey), "-o", str(svg), "-p", str(config), "-q"]
    return Command(ROW, argv, output=svg)


def prepare_comparison(cache: Path, mmdc: Path | None) -> Comparison:
    """The mmdc command to time beside the park map, or the line saying why not."""
    if mmdc is None:
        return Comparison({}, SKIPPED)
    folder = cache / "mermaid"
    folder.mkdir(parents=True, exist_ok=True)
    exported = export_journey(folder)
    if isinstance(exported, str):
        return Comparison({}, f"mermaid-cli comparison skipped: the export failed: {exported}")
    journey, steps = exported
    command = mmdc_command(mmdc, journey, browser_config(folder))
    note = (
        f"mermaid-cli {version(mmdc)} renders one journey to SVG, run beside each park map:"
        f" {journey.stem}, the park's longest ({steps} steps)"
    )
    return Comparison({PARK: [command]}, note)
