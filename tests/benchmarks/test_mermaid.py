"""The park map against mermaid-cli: finding mmdc, the journey it draws, the rounds that
interleave them, and the goals judged from fake measurements (no timed assertions)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from benchmarks.generate import Spec
from benchmarks.measure import Run, run_once
from benchmarks.mermaid import (
    PARK,
    ROW,
    SKIPPED,
    count_steps,
    find_mmdc,
    mmdc_command,
    prepare_comparison,
)
from benchmarks.run import broken
from benchmarks.suite import Command, SizeResult, Timing, time_together
from benchmarks.table import to_markdown
from benchmarks.targets import all_verdicts, missed

JOURNEY = """journey
  title Camila Souza
  %% guestology export of persona camila-souza: score = emotion + 3
  accDescr: First trip: 2 days, with her mother.
  section Plan the visit
    Ask the park on social media: 4: Camila Souza
    Ask a question in live chat: 2
  section In the park
    Wait in line for Storm Chaser: 3: Camila Souza, Ana
"""


def test_steps_are_the_task_lines() -> None:
    assert count_steps(JOURNEY) == 3
    assert count_steps("journey\n  title T: 5: x\n") == 0


def test_mmdc_on_path_first_then_the_ci_install(tmp_path: Path) -> None:
    ci = tmp_path / "mmdc"
    assert find_mmdc(lambda name: f"/opt/{name}", ci) == Path("/opt/mmdc")
    assert find_mmdc(lambda name: None, ci) is None
    ci.touch()
    assert find_mmdc(lambda name: "/usr/bin/node" if name == "node" else None, ci) == ci
    assert find_mmdc(lambda name: None, ci) is None  # without node it cannot run


def fake_mmdc(folder: Path, code: int = 0) -> Path:
    """A stand-in for mmdc: notes its run in ``rounds.log``, writes ``-o`` (or fails)."""
    script = folder / "mmdc"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "if sys.argv[1:] == ['--version']:\n"
        "    print('11.0.0-fake'); sys.exit(0)\n"
        f"open({str(folder / 'rounds.log')!r}, 'a').write('mmdc ')\n"
        "out = sys.argv[sys.argv.index('-o') + 1]\n"
        f"open(out, 'w').write('<svg/>')\n"
        f"sys.exit({code})\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def noting(folder: Path, word: str) -> list[str]:
    note = f"open({str(folder / 'rounds.log')!r}, 'a').write({word + ' '!r})"
    return [sys.executable, "-c", note]


def test_the_park_and_mmdc_take_turns_after_each_floor(tmp_path: Path) -> None:
    mmdc = mmdc_command(fake_mmdc(tmp_path), tmp_path / "in" / "j.mmd", tmp_path / "p.json")
    park = Command(PARK, noting(tmp_path, "park"))
    timings = time_together([park, mmdc], noting(tmp_path, "floor"), 2, timeout=60)
    assert (tmp_path / "rounds.log").read_text() == "floor park mmdc floor park mmdc "
    assert [len(t.runs) for t in timings] == [2, 2] and [len(t.floors) for t in timings] == [2, 0]
    assert timings[1].exists and (tmp_path / "journey.svg").read_text() == "<svg/>"


def test_a_failing_mmdc_stops_the_rounds_and_fails_the_run(tmp_path: Path) -> None:
    mmdc = mmdc_command(fake_mmdc(tmp_path, 1), tmp_path / "in" / "j.mmd", tmp_path / "p.json")
    park = Command(PARK, noting(tmp_path, "park"))
    timings = time_together([park, mmdc], noting(tmp_path, "floor"), 3, timeout=60)
    assert len(timings[1].runs) == 1 and timings[1].summary is None
    startup = Timing(Command("--version", ["x"]), runs=[Run(0.1, 20, 0, "")])
    result = SizeResult("S", Spec(8, 30, 25), {}, timings)
    assert broken([result], startup) == [f"{ROW}: exit 1: (no output)"]


def test_the_longest_journey_of_the_park_is_drawn(tmp_path: Path) -> None:
    comparison = prepare_comparison(tmp_path, fake_mmdc(tmp_path))
    (command,) = comparison.beside[PARK]
    journey = Path(command.argv[command.argv.index("-i") + 1])
    exported = sorted(journey.parent.glob("*.mmd"))
    steps = {path.stem: count_steps(path.read_text(encoding="utf-8")) for path in exported}
    assert len(steps) > 1 and steps[journey.stem] == max(steps.values())
    assert journey.stem in comparison.note and "11.0.0-fake" in comparison.note
    assert '"--no-sandbox"' in (tmp_path / "mermaid" / "puppeteer.json").read_text()


def workshop(park: float, theirs: float | None) -> SizeResult:
    timings = [Timing(Command(PARK, ["x"]), runs=[Run(park, 60, 0, "")])]
    if theirs is not None:
        timings.append(Timing(Command(ROW, ["mmdc"]), runs=[Run(theirs, 220, 0, "")]))
    return SizeResult("S", Spec(8, 30, 25), {}, timings)


def verdict(result: SizeResult, goal: str) -> tuple[str, bool | None]:
    (found,) = [v for v in all_verdicts([result], None) if v.goal == goal]
    return found.figure, found.met


@pytest.mark.parametrize(
    ("park", "theirs", "times", "fast"),
    [
        (0.3, 2.7, ("9.00x", True), ("0.30 s", True)),
        (0.5, 3.0, ("6.00x", False), ("0.50 s", False)),
    ],
)
def test_the_park_map_against_mermaid_cli(
    park: float, theirs: float, times: tuple[str, bool], fast: tuple[str, bool]
) -> None:
    result = workshop(park, theirs)
    assert verdict(result, ">= 8x faster than mermaid-cli") == times
    assert verdict(result, "<= 0.35 s") == fast


def test_without_mmdc_the_comparison_is_not_measured_nor_missed() -> None:
    result = workshop(0.3, None)
    assert verdict(result, ">= 8x faster than mermaid-cli") == ("-", None)
    assert missed(all_verdicts([result], None)) == []


def test_the_mmdc_row_has_no_floor_and_the_notes_come_first() -> None:
    result = workshop(0.3, 2.7)
    text = to_markdown([result], None, all_verdicts([result], None), ["a note"])
    assert text.startswith("a note\n\n## Timings")
    assert f"| S | {ROW} | 2.700 | 2.700-2.700 | - | 220 |  |" in text


def test_the_real_mmdc_draws_the_journey_as_the_runner_calls_it(tmp_path: Path) -> None:
    """One real run (about 2 s): the runner's argv and browser options work with mmdc."""
    mmdc = find_mmdc()
    if mmdc is None:
        if os.environ.get("CI"):
            pytest.fail(SKIPPED)  # CI installs it (.ci/run): missing there is a failure
        pytest.skip(SKIPPED)
    (command,) = prepare_comparison(tmp_path, mmdc).beside[PARK]
    done = run_once(command.argv, tmp_path, timeout=120)
    assert done.ok, done.message
    assert command.output is not None
    assert 'aria-roledescription="journey"' in command.output.read_text(encoding="utf-8")
