"""Write a realistic, valid guestology workspace of any size.

    python -m benchmarks.generate OUT --personas N --touchpoints M --steps K --seed S

OUT gets ``service.yaml`` (``format: 1``, six stages, channels, keys, all M touchpoints)
and ``personas/p-00001.yaml`` ... (about 5% of them ``kind: cast``), each persona with a
journey of exactly K steps. Everything comes from ``random.Random(S)`` and fixed word
lists: the same arguments give the same bytes. A marker file, ``.benchmark-workspace``
(not YAML, so workspaces ignore it), records the arguments; a folder holding it may be
regenerated in place, any other non-empty folder is refused.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.emit import to_yaml
from benchmarks.journey import TouchpointPicker
from benchmarks.persona import build_persona
from benchmarks.service import build_service

MARKER = ".benchmark-workspace"
CAST_SHARE = 0.05


@dataclass(frozen=True)
class Spec:
    """What to generate."""

    personas: int
    touchpoints: int
    steps: int
    seed: int = 1


@dataclass(frozen=True)
class Generated:
    """What was written."""

    files: int
    bytes: int
    seconds: float


def cast_numbers(rng: random.Random, personas: int) -> set[int]:
    """Which persona numbers (1-based) are cast: about 5%, at least one once there are two."""
    count = max(1, round(personas * CAST_SHARE)) if personas >= 2 else 0
    return {n + 1 for n in rng.sample(range(personas), count)}


def render_workspace(spec: Spec) -> Iterator[tuple[str, str]]:
    """Every file of the workspace, one at a time: (relative path, YAML text)."""
    rng = random.Random(spec.seed)
    touchpoints, service = build_service(rng, spec.touchpoints)
    yield "service.yaml", to_yaml(service)
    picker = TouchpointPicker(touchpoints, rng)
    cast = cast_numbers(rng, spec.personas)
    for number in range(1, spec.personas + 1):
        persona = build_persona(rng, picker, number, number in cast, spec.steps)
        yield f"personas/p-{number:05d}.yaml", to_yaml(persona)


def clear_folder(out: Path) -> None:
    """Make ``out`` ready for a workspace: new, empty, or one generated here before."""
    if (out / MARKER).exists():
        shutil.rmtree(out / "personas", ignore_errors=True)
        (out / "service.yaml").unlink(missing_ok=True)
    elif out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty and was not generated here ({MARKER} missing)")
    (out / "personas").mkdir(parents=True, exist_ok=True)


def write_workspace(out: Path, spec: Spec) -> Generated:
    """Generate the workspace into ``out`` and record the spec in its marker file."""
    start = time.perf_counter()
    clear_folder(out)
    files = size = 0
    for name, text in render_workspace(spec):
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        files, size = files + 1, size + len(data)
    (out / MARKER).write_text(json.dumps(asdict(spec), sort_keys=True) + "\n", encoding="utf-8")
    return Generated(files, size, time.perf_counter() - start)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv: list[str] | None) -> tuple[Path, Spec]:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("out", type=Path, help="folder to write the workspace into")
    parser.add_argument("--personas", type=_positive, default=8, help="persona files (default 8)")
    parser.add_argument(
        "--touchpoints", type=int, default=30, help="touchpoints, at least 6 (default 30)"
    )
    parser.add_argument(
        "--steps", type=_positive, default=25, help="journey steps per persona (default 25)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.touchpoints < 6:
        parser.error("--touchpoints must be at least 6 (one per stage)")
    return args.out, Spec(args.personas, args.touchpoints, args.steps, args.seed)


def main(argv: list[str] | None = None) -> int:
    out, spec = parse_args(argv)
    try:
        generated = write_workspace(out, spec)
    except FileExistsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    megabytes = generated.bytes / 1e6
    print(f"{out}: {generated.files} files, {megabytes:.1f} MB in {generated.seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
