"""``guestology init``: a starter workspace that validates cleanly and never overwrites."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from guestology.cli import app
from guestology.workspace import check_workspace

runner = CliRunner()


def test_init_creates_a_workspace_without_problems(tmp_path: Path) -> None:
    target = tmp_path / "ws"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0
    created = sorted(p.relative_to(target).as_posix() for p in target.rglob("*.yaml"))
    assert created == ["cast/front-of-house.yaml", "guests/first-guest.yaml", "service.yaml"]
    assert result.output.count("created ") == 3
    checked = check_workspace(target)
    assert checked.problems == [] and checked.workspace is not None
    kinds = {p.kind for p in checked.workspace.personas.values()}
    assert kinds == {"guest", "cast"}


def test_init_never_overwrites(tmp_path: Path) -> None:
    mine = tmp_path / "service.yaml"
    mine.write_text("service: Mine\n")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert mine.read_text() == "service: Mine\n"
    assert "kept" in result.output and "service.yaml" in result.output
    assert (tmp_path / "guests" / "first-guest.yaml").exists()


def test_starter_files_are_commented_for_newcomers(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path)])
    for path in tmp_path.rglob("*.yaml"):
        comments = [line for line in path.read_text().splitlines() if "#" in line]
        assert len(comments) >= 3, path
