"""``guestology map`` to DOT, SVG, PNG and PDF: every view of the example park, for real
(Graphviz's ``dot`` is installed by ``.ci/run``), and the clean error without ``dot``."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app
from guestology.render.dot import flow as dot_flow
from guestology.workspace import check_workspace

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "personas"
runner = CliRunner()
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["map", *map(str, args)])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def park() -> tuple[list[str], str]:
    """The example park's touchpoint ids and one persona id (a guest's, if it has one)."""
    ws = check_workspace(EXAMPLE).workspace
    assert ws is not None
    guests = [p.id for p in ws.personas.values() if p.kind == "guest"]
    return sorted(ws.touchpoints), (guests or list(ws.personas))[0]


VIEWS = ["touchpoints", "needs", "compass", "blueprint"]


@pytest.mark.graphviz
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_of_the_park_renders(
    view: str, park: tuple[list[str], str], tmp_path: Path
) -> None:
    touchpoints, persona = park
    extra = ["--persona", persona] if view in ("compass", "blueprint") else []
    for fmt in ("svg", "png", "pdf"):
        out = tmp_path / f"{view}.{fmt}"
        code, output = run(EXAMPLE, "-o", out, "--view", view, *extra)
        assert code == 0, output
        data = out.read_bytes()
        if fmt == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000
        elif fmt == "pdf":
            assert data.startswith(b"%PDF-") and len(data) > 10_000
        else:
            root = ET.fromstring(data)
            assert root.tag == f"{SVG}svg"
    if view == "touchpoints":
        titles = {e.text for e in ET.parse(tmp_path / f"{view}.svg").iter(f"{SVG}title")}
        assert {f"touchpoint/{t}" for t in touchpoints} <= titles


def test_dot_output_needs_no_graphviz(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    done = subprocess.run(
        [sys.executable, "-m", "guestology", "map", str(EXAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": ""},
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("digraph guestology {")


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_missing_dot_is_a_clean_error(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"map.{fmt}"
    done = subprocess.run(
        [sys.executable, "-m", "guestology", "map", str(EXAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": ""},
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and not out.exists()
    assert f"cannot draw {fmt.upper()}: Graphviz's `dot` program is not installed" in done.stderr
    for hint in ("sudo apt-get install graphviz", "brew install graphviz", "winget install"):
        assert hint in done.stderr
    assert "--format dot" in done.stderr and "HTML" in done.stderr


@pytest.mark.parametrize("view", ["compass", "blueprint"])
def test_one_persona_views_need_one_persona(view: str, tmp_path: Path) -> None:
    code, output = run(EXAMPLE, "-o", tmp_path / "x.svg", "--view", view)
    assert code == 2
    assert f"--view {view} draws one persona: give exactly one --persona ID" in output


@pytest.mark.graphviz
def test_format_option_wins_over_suffix(tmp_path: Path) -> None:
    out = tmp_path / "drawing.out"
    code, output = run(EXAMPLE, "-o", out, "--format", "svg")
    assert code == 0, output
    ET.fromstring(out.read_bytes())


def test_size_limits_are_told_to_the_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dot_flow, "MAX_STEP_EDGES", 3)
    monkeypatch.setattr(dot_flow, "BOUNDED_NODES", 5)
    code, output = run(EXAMPLE, "-o", tmp_path / "x.dot")
    assert code == 0
    assert "guestology: note: the map draws the 3 busiest of" in output
    assert "guestology: note: large map" in output and "fast layout" in output


def test_a4_paper_shrinks_the_drawing(tmp_path: Path) -> None:
    code, _ = run(EXAMPLE, "-o", tmp_path / "a4.dot", "--paper", "a4")
    assert code == 0
    assert 'size="10.89,7.47"' in (tmp_path / "a4.dot").read_text(encoding="utf-8")
