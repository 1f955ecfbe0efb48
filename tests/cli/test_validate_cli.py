"""``guestology validate`` through Typer's CliRunner, plus one real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = Path(__file__).resolve().parent.parent.parent
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", *args])
    return result.exit_code, result.output


def test_clean_workspace_exits_0() -> None:
    code, out = run(str(DATA / "valid" / "minimal"))
    assert code == 0 and "ok: 2 files, 0 errors, 0 warnings" in out


def test_errors_exit_1_with_located_lines() -> None:
    code, out = run(str(DATA / "invalid" / "unknown-field"))
    assert code == 1
    assert "guest.yaml:10:36: [error] unknown field `emotoin` (did you mean `emotion`?)" in out


def test_warnings_pass_unless_strict() -> None:
    case = str(DATA / "invalid" / "unmet-need")
    assert run(case)[0] == 0
    code, out = run(case, "--strict")
    assert code == 1 and "failed" in out


def test_quiet_prints_only_what_fails() -> None:
    assert run(str(DATA / "invalid" / "unmet-need"), "--quiet") == (0, "")
    code, out = run(str(DATA / "invalid" / "unmet-need"), "--quiet", "--strict")
    assert code == 1 and out.count("\n") == 1 and "(unmet-need)" in out


def test_json_format() -> None:
    code, out = run(str(DATA / "invalid" / "wrong-kind"), "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["format"] == 1 and doc["errors"] == 2 and not doc["ok"]
    assert {p["code"] for p in doc["problems"]} == {"wrong-kind"}
    assert doc["problems"][0]["line"] == 9


def test_github_annotations() -> None:
    code, out = run(str(DATA / "invalid" / "unknown-stage"), "--format", "github")
    line = out.strip()
    assert code == 1 and line.startswith("::error file=")
    assert ",line=5,col=35,title=unknown-stage::unknown stage `vist`" in line


def test_default_workspace_is_personas_here(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    code, out = run()
    assert code == 1 and "guestology init" in out
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "p.yaml").write_text("persona: p\nname: P\n")
    assert run()[0] == 0


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    code, out = run(str(tmp_path / "nope"))
    assert code == 1 and "no such workspace folder" in out and "Traceback" not in out


def test_usage_error_exits_2() -> None:
    assert run("--format", "xml")[0] == 2


def test_example_workspace_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "guestology", "validate", "personas"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout and done.stderr == ""


def test_version_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "guestology", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.startswith("guestology 0.")


@pytest.mark.parametrize(("files", "bar"), [(100, True), (99, False)])
def test_progress_bar_on_a_terminal_only_for_many_files(
    tmp_path: Path, files: int, bar: bool
) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    for i in range(files):
        (folder / f"p{i:03}.yaml").write_text(f"persona: p{i}\nname: P{i}\n")
    command = f"{sys.executable} -m guestology validate {folder}"
    typescript = str(tmp_path / "typescript")  # never /dev/null: we may run as root

    def on_tty(extra: str) -> str:
        done = subprocess.run(
            ["script", "-qec", command + extra, typescript],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0
        return done.stdout

    assert ("Reading persona files" in on_tty("")) is bar
    assert "Reading persona files" not in on_tty(" --quiet")  # -q: no progress either
    in_pipe = subprocess.run(command.split(), capture_output=True, text=True, timeout=120)
    assert in_pipe.returncode == 0 and in_pipe.stderr == ""
    assert in_pipe.stdout == f"ok: {files} files, 0 errors, 0 warnings\n"


def test_every_format_has_a_printer() -> None:
    from guestology.cli.validate import PRINTERS, ProblemFormat

    assert set(PRINTERS) == set(ProblemFormat)


def test_json_is_the_library_document() -> None:
    from guestology.workspace import check_workspace

    case = DATA / "invalid" / "unmet-need"
    code, out = run(str(case), "--format", "json", "--strict")
    assert code == 1 and json.loads(out) == check_workspace(case).to_dict(strict=True)
