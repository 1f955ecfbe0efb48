"""The children run with bytecode in the runner's cache, warmed before timing, and the
report says so."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.bytecode import child_environment, compiled, shown, warm_commands
from benchmarks.generate import Spec
from benchmarks.measure import Run
from benchmarks.mermaid import SKIPPED
from benchmarks.suite import GUESTOLOGY, ROOT, Command, SizeResult, Timing


def test_children_write_bytecode_and_use_the_runners_folders(tmp_path: Path) -> None:
    base = {"PYTHONDONTWRITEBYTECODE": "1", "GUESTOLOGY_NO_CACHE": "1", "PATH": "/bin"}
    environment = child_environment(tmp_path / ".bench", base)
    assert "PYTHONDONTWRITEBYTECODE" not in environment
    assert "GUESTOLOGY_NO_CACHE" not in environment
    assert environment["PATH"] == "/bin"
    assert environment["PYTHONPYCACHEPREFIX"] == str((tmp_path / ".bench" / "pycache").resolve())
    assert environment["XDG_CACHE_HOME"] == str((tmp_path / ".bench" / "user-cache").resolve())


def test_a_child_compiles_into_the_prefix_and_not_beside_the_source(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "guest_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    base = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    environment = child_environment(tmp_path / "cache", base)
    where = "import guest_module; print(guest_module.__cached__)"
    for _ in range(2):  # the first run writes the .pyc, the second reads it
        child = [sys.executable, "-c", where]
        done = subprocess.run(child, cwd=source, env=environment, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).is_relative_to((tmp_path / "cache" / "pycache").resolve())
    assert len(list((tmp_path / "cache" / "pycache").rglob("guest_module.*.pyc"))) == 1
    assert compiled(tmp_path / "cache") >= 1
    assert not (source / "__pycache__").exists()


def test_warming_runs_every_command_line_once(tmp_path: Path) -> None:
    warmed = warm_commands(tmp_path, lambda message: None)
    argvs = [command.argv for command in warmed]
    assert len(argvs) == len({tuple(argv) for argv in argvs})
    assert [*GUESTOLOGY, "--version"] in argvs
    names = {command.name for command in warmed}
    assert {"map html", "map html site", "park map html", "validate, cache warm"} <= names
    assert [*GUESTOLOGY, "map", "--help"] in argvs  # the probe that tells a command exists


def test_the_report_names_the_bytecode_folder_inside_the_repository() -> None:
    assert shown(ROOT / ".bench" / "pycache") == ".bench/pycache"
    assert shown(Path("/elsewhere/pycache")) == "/elsewhere/pycache"


@pytest.fixture
def restored_environment() -> Iterator[None]:
    """``run.main`` sets the children's environment in ``os.environ``: put it back."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def _fake_size() -> SizeResult:
    timing = Timing(Command("validate", ["x"]), runs=[Run(0.3, 40, 0, "")])
    timing.floors = [Run(0.05, 20, 0, "")]
    return SizeResult("S", Spec(8, 30, 25), {}, [timing])


def _fake_startup(*args: object) -> Timing:
    return Timing(Command("--version", ["x"]), runs=[Run(0.1, 20, 0, "")])


@pytest.mark.usefixtures("restored_environment")
def test_smoke_without_mmdc_says_so_and_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    beside_given: list[object] = []

    def fake_size(*args: object) -> SizeResult:
        beside_given.append(args[-1])
        return _fake_size()

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setattr(run, "warm", lambda *args: 0)
    monkeypatch.setattr(run, "find_mmdc", lambda: None)
    monkeypatch.setattr(run, "run_size", fake_size)
    monkeypatch.setattr(run, "run_startup", _fake_startup)
    assert run.main(["--smoke", "--cache", str(tmp_path / "bench")]) == 0
    out, err = capsys.readouterr()
    assert SKIPPED in out.splitlines() and SKIPPED in err
    assert out.splitlines()[0] == f"children run with bytecode in {tmp_path}/bench/pycache"
    assert beside_given == [{}]
    assert "PYTHONDONTWRITEBYTECODE" not in os.environ
    assert os.environ["PYTHONPYCACHEPREFIX"] == str(tmp_path / "bench" / "pycache")
