"""``guestology import`` and ``guestology export`` at the command line: what they print,
what they refuse, and that they never overwrite without ``--force``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from guestology.cli import app
from tests.interop.helpers import EXAMPLE

runner = CliRunner()
JOURNEY = "journey\n  title Harbor day\n  section Plan\n    Buy tickets: 2: Ana, Ben\n    FAQ: 3\n"


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_import_writes_a_valid_workspace_and_says_what_it_assumed(tmp_path: Path) -> None:
    (tmp_path / "day.mmd").write_text(JOURNEY)
    code, out = run("import", tmp_path / "day.mmd", "-o", tmp_path / "ws")
    assert code == 0, out
    assert "stages: 1, touchpoints: 2, personas: 3, steps: 3" in out
    assert f"created  {tmp_path / 'ws' / 'guests' / 'harbor-day.yaml'}" in out
    assert "assumed: 1 task of the diagram has no actor: persona `Harbor day` (its title)" in out
    assert "has 2 actors" in out and "validates: " in out
    code, out = run("validate", tmp_path / "ws")
    assert code == 0, out


def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "day.mmd").write_text(JOURNEY)
    assert run("import", tmp_path / "day.mmd", "-o", tmp_path / "ws")[0] == 0
    service = tmp_path / "ws" / "service.yaml"
    service.write_text("# my edits\n" + service.read_text())
    code, out = run("import", tmp_path / "day.mmd", "-o", tmp_path / "ws")
    assert code == 1 and "exists; nothing written (--force overwrites)" in out
    assert service.read_text().startswith("# my edits")
    code, out = run("import", tmp_path / "day.mmd", "-o", tmp_path / "ws", "--force")
    assert code == 0 and f"replaced {service}" in out
    assert not service.read_text().startswith("# my edits")


def test_import_refuses_to_mix_two_workspaces(tmp_path: Path) -> None:
    (tmp_path / "day.mmd").write_text(JOURNEY)
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "other.yaml").write_text("persona: x\nname: X\n")
    code, out = run("import", tmp_path / "day.mmd", "-o", tmp_path / "ws")
    assert code == 1 and "would mix two workspaces" in out
    assert sorted(p.name for p in (tmp_path / "ws").iterdir()) == ["other.yaml"]


def test_import_errors_are_located_and_write_nothing(tmp_path: Path) -> None:
    (tmp_path / "bad.mmd").write_text("journey\n  section S\n    Sleep: 0: Me\n")
    code, out = run("import", tmp_path / "bad.mmd", "-o", tmp_path / "ws")
    assert code == 1
    assert f"{tmp_path / 'bad.mmd'}:3:12: [error] task `Sleep`: score `0`" in out
    assert not (tmp_path / "ws").exists()
    (tmp_path / "notes.txt").write_text("hello")
    code, out = run("import", tmp_path / "notes.txt", "-o", tmp_path / "ws")
    assert code == 1 and "--from mermaid|markdown|csv|ems" in out
    code, out = run("import", tmp_path / "missing.csv", "-o", tmp_path / "ws")
    assert code == 1 and "missing.csv" in out


def test_export_a_folder_of_diagrams_with_notes(tmp_path: Path) -> None:
    code, out = run("export", EXAMPLE, "-o", f"{tmp_path / 'mermaid'}/")
    assert code == 0, out
    assert len(list((tmp_path / "mermaid").glob("*.mmd"))) == 7
    assert "note: actor `Jordan Lee, ride operator`: `,` separates actors" in out


def test_export_refuses_what_a_format_cannot_hold(tmp_path: Path) -> None:
    code, out = run("export", EXAMPLE, "-o", tmp_path / "all.mmd")
    assert code == 2 and "a .mmd file holds one diagram" in out
    code, out = run("export", EXAMPLE, "-o", tmp_path / "x.mmd", "-p", "nobody")
    assert code == 1 and "unknown persona `nobody`" in out
    code, out = run("export", EXAMPLE, "-o", tmp_path / "x.pdf")
    assert code == 2 and "--to mmd|md|csv|json|graphml|gexf" in out
    code, out = run("export", EXAMPLE, "-o", tmp_path / "one.mmd", "-p", "ramirez-family")
    assert code == 0 and (tmp_path / "one.mmd").read_text().startswith("journey\n")


def test_export_of_an_invalid_workspace_prints_its_problems(tmp_path: Path) -> None:
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "p.yaml").write_text(
        "persona: p\nname: P\njourney:\n  - {touchpoint: x, emotion: 1}\n"
    )
    code, out = run("export", tmp_path / "ws", "-o", tmp_path / "out.csv")
    assert code == 1 and "unknown-touchpoint" in out
    assert not (tmp_path / "out.csv").exists()


def test_export_the_designed_future(tmp_path: Path) -> None:
    """`--state future` exports each persona's `future:` journey, and only those personas."""
    from guestology.workspace import check_workspace

    ws = check_workspace(EXAMPLE).workspace
    assert ws is not None
    planned = {pid: p.future for pid, p in ws.personas.items() if p.future}
    code, out = run("export", EXAMPLE, "-o", tmp_path / "future.csv", "--state", "future")
    assert code == 0, out
    rows = (tmp_path / "future.csv").read_text(encoding="utf-8").splitlines()[1:]
    names = {ws.personas[pid].name for pid in planned}
    assert len(rows) == sum(len(steps) for steps in planned.values())
    assert {row.split(",")[0] for row in rows} <= names and len(planned) >= 2
    code, out = run("export", EXAMPLE, "-o", tmp_path / "f.md", "--state", "future", "-p", "x")
    assert code == 1 and "unknown persona `x`" in out
    code, out = run("export", EXAMPLE, "-o", tmp_path / "f.md", "--state", "future", "-p",
                    "jordan-lee")  # fmt: skip
    assert code == 1 and "persona `jordan-lee` has no `future:` journey" in out
    code, out = run("export", EXAMPLE, "-o", tmp_path / "today.md")
    today = (tmp_path / "today.md").read_text(encoding="utf-8")
    assert code == 0 and "(designed future)" not in today
    code, out = run("export", EXAMPLE, "-o", tmp_path / "f.md", "--state", "future")
    assert "# Magic Harbor Theme Park (designed future)" in (tmp_path / "f.md").read_text()
