"""``guestology report`` through Typer's CliRunner: formats, files, filters, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from guestology.analysis import SECTION_TITLES, SECTIONS
from guestology.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "personas"
INVALID = ROOT / "tests" / "data" / "invalid" / "unknown-field"
runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["report", *args])


def test_text_report_of_the_example_park() -> None:
    result = run(str(EXAMPLE))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Guestology report: ")
    for number, name in enumerate(SECTIONS, start=1):
        assert f"{number}. {SECTION_TITLES[name]}" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "personas/" in out and "\x1b[" not in out  # located, and plain when not a terminal


def test_width_option() -> None:
    out = run(str(EXAMPLE), "--width", "72").stdout
    assert max(len(line) for line in out.splitlines()) <= 72


def test_json_to_stdout() -> None:
    result = run(str(EXAMPLE), "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 0 and doc["format"] == 1 and doc["findings"]


def test_markdown_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.md"
    result = run(str(EXAMPLE), "-f", "markdown", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Guestology report: ")
    assert f"wrote {target}" in result.stderr and result.stdout == ""


def test_persona_filter() -> None:
    doc = json.loads(run(str(EXAMPLE), "-p", "marcus-bell", "-f", "json").stdout)
    assert [p["id"] for p in doc["personas"]] == ["marcus-bell"] and doc["filtered"]
    assert {f["persona"] for f in doc["findings"]} <= {"marcus-bell", None}


def test_unknown_persona_is_a_user_error() -> None:
    result = run(str(EXAMPLE), "--persona", "marcus-bel")
    assert result.exit_code == 1
    assert "unknown persona `marcus-bel` (did you mean `marcus-bell`?)" in result.stderr


def test_invalid_workspace_prints_its_problems_and_exits_1() -> None:
    result = run(str(INVALID))
    assert result.exit_code == 1
    assert "guest.yaml:10:36: [error] unknown field `emotoin`" in result.output
    assert "Guestology report" not in result.output


def test_missing_workspace(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "no such workspace folder" in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    assert run(str(EXAMPLE), "--format", "pdf").exit_code == 2


def test_warnings_do_not_stop_a_report(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path / "ws")]).exit_code == 0
    guest = tmp_path / "ws" / "guests" / "first-guest.yaml"
    # a dip with no opportunity: a warning, not an error
    guest.write_text(guest.read_text() + "  - touchpoint: website\n    emotion: -2\n")
    result = run(str(tmp_path / "ws"))
    assert result.exit_code == 0 and "Guestology report: My Service" in result.stdout


def test_help_has_examples() -> None:
    result = run("--help")
    assert result.exit_code == 0 and "guestology report personas -o report.md" in result.output


def test_every_format_has_a_renderer() -> None:
    from guestology.cli.report import ReportFormat, formatters

    assert set(formatters(100, color=False)) == set(ReportFormat)
