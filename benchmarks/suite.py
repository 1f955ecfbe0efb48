"""What the runner times: the sizes, the commands at each size and the floor beside them."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.cached import drop_cache, fill_and_touch
from benchmarks.generate import Spec, write_workspace
from benchmarks.measure import Run, Summary, output_bytes, run_once, summarise

ROOT = Path(__file__).resolve().parent.parent
SIZES = {
    "S": Spec(personas=8, touchpoints=30, steps=25),  # a workshop
    "L": Spec(personas=1000, touchpoints=300, steps=40),  # a portfolio
    "XL": Spec(personas=5000, touchpoints=600, steps=40),  # for scaling
}
FLOOR = (
    "import os, sys, yaml\n"
    "for root, dirs, files in os.walk(sys.argv[1]):\n"
    "    dirs[:] = [d for d in dirs if not d.startswith('.')]\n"
    "    for name in files:\n"
    "        if name.endswith(('.yaml', '.yml')):\n"
    "            with open(os.path.join(root, name), 'rb') as f:\n"
    "                yaml.load(f, Loader=yaml.CSafeLoader)\n"
)
GUESTOLOGY = [sys.executable, "-m", "guestology"]
GENERATOR = (
    "generate.py",
    "emit.py",
    "words.py",
    "phrases.py",
    "service.py",
    "journey.py",
    "persona.py",
)
Log = Callable[[str], None]


@dataclass(frozen=True)
class Command:
    """One command line to time; ``output`` is cleared before each run (a folder when
    ``site``, created empty so that ``-o DIR/`` is taken as a site)."""

    name: str
    argv: list[str]
    subcommand: str = ""  # the guestology command it needs, probed with --help
    output: Path | None = None
    site: bool = False
    before: Callable[[], None] | None = None  # untimed, before each run (the cache's state)


@dataclass
class Timing:
    """All runs of one command, each paired with a floor run taken just before it."""

    command: Command
    exists: bool = True
    runs: list[Run] = field(default_factory=list)
    floors: list[Run] = field(default_factory=list)

    @property
    def summary(self) -> Summary | None:
        return summarise(self.runs) if all(run.ok for run in self.runs) else None

    @property
    def floor(self) -> Summary | None:
        return summarise(self.floors)

    @property
    def ratio(self) -> float | None:
        mine, floor = self.summary, self.floor
        return mine.median / floor.median if mine and floor else None

    @property
    def failure(self) -> str:
        return next((run.message for run in self.runs if not run.ok), "")


@dataclass
class SizeResult:
    name: str
    spec: Spec
    generation: dict[str, float | int | bool]
    timings: list[Timing]
    html_bytes: int = 0

    @property
    def steps(self) -> int:
        return self.spec.personas * self.spec.steps


def fingerprint() -> str:
    """Changes whenever the generator's code or word lists do."""
    digest = hashlib.sha256()
    for name in GENERATOR:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def prepare(cache: Path, name: str, log: Log) -> tuple[Path, dict[str, float | int | bool]]:
    """The workspace of size ``name`` in ``cache``, generated unless still current."""
    spec, out = SIZES[name], cache / f"ws-{name}"
    stamp = cache / f"ws-{name}.json"
    wanted = {"spec": asdict(spec), "generator": fingerprint()}
    if (
        out.is_dir()
        and stamp.exists()
        and json.loads(stamp.read_text(encoding="utf-8")).get("key") == wanted
    ):
        return out, json.loads(stamp.read_text(encoding="utf-8"))["generation"] | {"cached": True}
    log(f"generating {name} into {out} ...")
    made = write_workspace(out, spec)
    generation = {"seconds": round(made.seconds, 3), "files": made.files, "bytes": made.bytes}
    stamp.write_text(json.dumps({"key": wanted, "generation": generation}), encoding="utf-8")
    return out, generation | {"cached": False}


def commands(name: str, ws: Path, out: Path) -> list[Command]:
    """The commands timed at one size: each with ``--no-cache`` (the whole work), then
    validate with the cache cold and warm (``benchmarks.cached``)."""
    site = name != "S"
    html = out / ("site" if site else "map.html")
    off = "--no-cache"
    listed = [
        Command("validate", [*GUESTOLOGY, "validate", str(ws), off], "validate"),
        Command(
            "report json",
            [*GUESTOLOGY, "report", str(ws), "-f", "json", "-o", str(out / "report.json"), off],
            "report",
            out / "report.json",
        ),
        Command(
            "map html site" if site else "map html",
            [*GUESTOLOGY, "map", str(ws), "-o", str(html) + ("/" if site else ""), off],
            "map",
            html,
            site,
        ),
        Command(
            "map dot",
            [*GUESTOLOGY, "map", str(ws), "-o", str(out / "map.dot"), off],
            "map",
            out / "map.dot",
        ),
    ]
    if shutil.which("dot"):
        svg = out / "map.svg"
        argv = [*GUESTOLOGY, "map", str(ws), "-o", str(svg), off]
        listed.append(Command("map svg", argv, "map", svg))
    check = [*GUESTOLOGY, "validate", str(ws)]
    listed.append(Command("validate, cache cold", check, "validate", before=drop_cache(ws)))
    warm = fill_and_touch(ws, check, ROOT)
    listed.append(Command("validate, cache warm", check, "validate", before=warm))
    if name == "S":
        park = [*GUESTOLOGY, "map", str(ROOT / "personas"), "-o", str(out / "park.html"), off]
        listed.append(Command("park map html", park, "map", out / "park.html"))
    return listed


def exists(command: Command) -> bool:
    """Whether the command is there: ``guestology SUBCOMMAND --help`` works (another
    program, such as mermaid-cli, was found before its command was made)."""
    if command.argv[: len(GUESTOLOGY)] != GUESTOLOGY:
        return True
    sub = command.subcommand
    probe = [*GUESTOLOGY, sub, "--help"] if sub else [*GUESTOLOGY, "--help"]
    return subprocess.run(probe, cwd=ROOT, capture_output=True, check=False).returncode == 0


def clear(command: Command) -> None:
    if command.output is None:
        return
    if command.output.is_dir():
        shutil.rmtree(command.output)
    else:
        command.output.unlink(missing_ok=True)
    command.output.parent.mkdir(parents=True, exist_ok=True)
    if command.site:
        command.output.mkdir()


def time_together(
    group: list[Command], floor: list[str], runs: int, timeout: float
) -> list[Timing]:
    """Each round: a floor run (kept by the first command), then every command of the group
    in turn; stop early once one fails."""
    timings = [Timing(command, exists(command)) for command in group]
    for _ in range(runs):
        timings[0].floors.append(run_once(floor, ROOT, timeout))
        for timing in timings:
            clear(timing.command)
            if timing.command.before is not None:
                timing.command.before()
            timing.runs.append(run_once(timing.command.argv, ROOT, timeout))
        if not all(timing.runs[-1].ok for timing in timings):
            break
    return timings


def time_command(command: Command, floor: list[str], runs: int, timeout: float) -> Timing:
    """Interleave floor and command runs; stop early once the command fails."""
    return time_together([command], floor, runs, timeout)[0]


def run_size(
    name: str,
    cache: Path,
    runs: int,
    timeout: float,
    log: Log,
    beside: dict[str, list[Command]] | None = None,
) -> SizeResult:
    """Generate (or reuse) the workspace of one size and time every command on it; the
    commands ``beside`` one (by name) run right after it in each round (mermaid-cli)."""
    ws, generation = prepare(cache, name, log)
    out = cache / f"out-{name}"
    floor = [sys.executable, "-c", FLOOR, str(ws)]
    run_once(floor, ROOT, timeout)  # warm the page cache: every run then reads from memory
    result = SizeResult(name, SIZES[name], generation, [])
    for command in commands(name, ws, out):
        group = [command, *(beside or {}).get(command.name, [])]
        log(f"{name}: {', '.join(c.name for c in group)} x{runs} ...")
        timings = time_together(group, floor, runs, timeout)
        result.timings += timings
        if command.name.startswith("map html") and timings[0].summary:
            result.html_bytes = output_bytes(command.output or out)
    return result


def run_startup(runs: int, timeout: float) -> Timing:
    """``guestology --version`` interleaved with a bare ``import typer``."""
    bare = [sys.executable, "-c", "import typer"]
    run_once([*GUESTOLOGY, "--version"], ROOT, timeout)  # compile .pyc files first
    return time_command(Command("--version", [*GUESTOLOGY, "--version"]), bare, runs, timeout)
