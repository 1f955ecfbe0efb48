"""Command-line conventions (issue 17): streams, colour, -q, -V, completion, formats, hints.

Every workspace is ``guestology init``'s starter (clean) unless a test breaks it on purpose;
every output goes to ``tmp_path``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
INVALID = ROOT / "tests" / "data" / "invalid" / "unknown-field"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"NO_COLOR": "", "FORCE_COLOR": "", **(env or {})})


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    assert invoke("init", str(tmp_path / "ws"), "-q").exit_code == 0
    return tmp_path / "ws"


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("r.json", '{\n  "format": 1'),
        ("r.md", "# Guestology report"),
        ("r.txt", "Guestology report"),
    ],
)
def test_report_takes_its_format_from_the_suffix(ws: Path, name: str, start: str) -> None:
    result = invoke("report", str(ws), "-o", str(ws.parent / name))
    assert result.exit_code == 0, result.output
    assert (ws.parent / name).read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize(
    "args",
    [
        ("report", "-o", "r.md", "-f", "json"),
        ("report", "-o", "r.pdf"),
        ("map", "-o", "x.svg", "-f", "png"),
        ("map", "-o", "flow"),
        ("map", "-o", "m.html", "--view", "needs"),
        ("map", "-o", "f.dot", "--templates", "brand"),
        ("map", "-o", "site/", "-f", "dot"),
        ("diff", "a", "b", "-o", "d.md", "-f", "json"),
    ],
)
def test_options_that_would_be_ignored_are_usage_errors(
    ws: Path, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ws.parent)
    command, rest = args[0], args[1:]
    result = invoke(command, *(() if command == "diff" else (str(ws),)), *rest)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("guestology: error: ") and result.stdout == ""
    assert sorted(p.name for p in ws.parent.iterdir()) == ["ws"]  # nothing written


def test_map_writes_what_the_suffix_says(ws: Path) -> None:
    target = ws.parent / "flow.dot"
    result = invoke("map", str(ws), "-o", str(target), "-f", "dot", "--view", "needs")
    assert result.exit_code == 0 and target.read_text().startswith("digraph")


def test_diff_takes_its_format_from_the_suffix(ws: Path) -> None:
    target = ws.parent / "d.json"
    result = invoke("diff", str(ws), str(ws), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["changed"] is False


def test_report_problems_go_to_stderr_and_stdout_stays_json(tmp_path: Path) -> None:
    result = invoke("report", str(INVALID), "-f", "json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "[error] unknown field `emotoin`" in result.stderr


def test_map_problems_go_to_stderr(tmp_path: Path) -> None:
    result = invoke("map", str(INVALID), "-o", str(tmp_path / "m.html"))
    assert result.exit_code == 1 and result.stdout == ""
    assert "[error] unknown field `emotoin`" in result.stderr


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({}, False),  # not a terminal
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "0"}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    ],
)
def test_colour_follows_no_color_and_force_color(env: dict[str, str], coloured: bool) -> None:
    result = invoke("validate", str(INVALID), env=env)
    assert result.exit_code == 1
    assert bool(ANSI.search(result.stdout)) is coloured
    report = invoke("report", str(INVALID), env=env)
    assert bool(ANSI.search(report.stderr)) is coloured


def test_quiet_on_every_command() -> None:
    from guestology.cli.app import app as the_app

    for command in the_app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert "--quiet" in invoke(name, "--help").stdout, name


def test_quiet_silences_notes_and_wrote(ws: Path) -> None:
    loud = invoke("report", str(ws), "-o", str(ws.parent / "r.md"))
    assert loud.stderr == f"wrote {ws.parent / 'r.md'}\n"
    quiet = invoke("report", str(ws), "-o", str(ws.parent / "r.md"), "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
    assert invoke("init", str(ws.parent / "other"), "-q").output == ""
    assert invoke("schema", "-o", str(ws.parent / "s.json"), "--quiet").output == ""


def test_short_version() -> None:
    result = invoke("-V")
    assert result.exit_code == 0 and re.fullmatch(r"guestology \d+\.\d+\.\S+\n", result.stdout)


def test_shell_completion_is_offered() -> None:
    result = invoke("--help")
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


def test_an_empty_workspace_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not yaml\n")
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == 1 and "ok:" not in result.output
    assert "no persona or service file" in result.stderr


def test_one_file_gets_the_hint_to_pass_its_folder(ws: Path) -> None:
    guest = ws / "guests" / "first-guest.yaml"
    result = invoke("validate", str(guest))
    assert result.exit_code == 1  # its touchpoints are in service.yaml
    assert "unknown touchpoint" in result.stdout
    assert "is one file; a workspace is a folder" in result.stderr
    assert f"pass the folder, e.g. `{guest.parent}`" in result.stderr
    assert "is one file" not in invoke("validate", str(guest), "-q").stderr


def test_validate_summary_counts_in_words(ws: Path) -> None:
    guest = ws / "guests" / "first-guest.yaml"
    guest.write_text(guest.read_text().replace("emotion: 2", "emotion: 3"))
    result = invoke("validate", str(ws))
    assert result.stdout.splitlines()[-1] == "failed: 3 files, 1 error, 0 warnings"


@pytest.mark.parametrize(("columns", "width"), [("70", 70), ("40", 60), ("300", 100)])
def test_the_text_report_fits_the_terminal(columns: str, width: int) -> None:
    result = invoke("report", str(ROOT / "personas"), env={"COLUMNS": columns})
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and max(len(line) for line in lines) == width


def test_the_graphviz_size_note_is_printed_too(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guestology.render.dot import flow

    monkeypatch.setattr(flow, "MAX_TOUCHPOINTS", 2)
    target = ws.parent / "flow.dot"
    result = invoke("map", str(ws), "-o", str(target))
    assert result.exit_code == 0
    note = "guestology: note: the map draws the 2 most visited of 4 touchpoints"
    assert note in result.stderr and "2 most visited of 4" in target.read_text()
    assert "note" not in invoke("map", str(ws), "-o", str(target), "-q").stderr


def test_the_html_map_names_the_peak_as_the_report_does(ws: Path) -> None:
    # the starter guest feels 0, +2, -1: the peak (most intense either way) is +2 at welcome
    target = ws.parent / "map.html"
    assert invoke("map", str(ws), "-o", str(target)).exit_code == 0
    assert "Peak: Greeting at the door (+2)" in target.read_text(encoding="utf-8")
    report = json.loads(invoke("report", str(ws), "-f", "json").stdout)
    peaks = {c["persona"]: c["peak"] for c in report["sections"]["emotions"]["curves"]}
    assert peaks["first-time-guest"]["touchpoint"] == "welcome"
    assert peaks["first-time-guest"]["emotion"] == 2


def test_init_comments_point_at_what_a_pip_user_has() -> None:
    from guestology.resources import starter_files

    text = "".join(starter_files().values())
    assert "README" not in text and "docs/" not in text and ".md" not in text
    assert "guestology --help" in text and "guestology schema" in text
