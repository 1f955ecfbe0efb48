"""Issue 16, Graphviz: texts and node names stay under the 16,384 bytes ``dot`` can scan, and
a ``supports:`` list naming one touchpoint 20,002 times is one warning and one edge."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import graphviz
import pytest
from typer.testing import CliRunner

from guestology.cli import app
from guestology.render.dot.text import MAX_NAME, MAX_TEXT, html, label, node_name
from guestology.workspace import check_workspace

DOT_LIMIT = 16_384  # "syntax error ... scanning a quoted string (... longer than 16384?)"
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def test_labels_and_texts_are_cut_to_the_bound() -> None:
    long = "\u6f22" * 50_000
    cut = label(long)
    assert len(cut) == MAX_TEXT and cut.endswith("\u2026")
    assert len(label("short", "lines")) < 20  # short texts are untouched
    lines = label(["x" * 1500, "y" * 1500, "z"])
    assert lines.count("\\n") == 1 and len(lines) == MAX_TEXT + 1  # + the one `\n`'s backslash
    assert len(html('"' * 50_000)) == (MAX_TEXT - 1) * len("&quot;") + 1


def test_long_node_names_are_cut_with_a_hash() -> None:
    a, b = node_name("touchpoint", "t" * 20_000), node_name("touchpoint", "t" * 20_001)
    assert a != b and len(a) < MAX_NAME and a.startswith("touchpoint/ttt")
    assert node_name("touchpoint", "gate") == "touchpoint/gate"


def _workspace(root: Path) -> Path:
    root.mkdir()
    long_id, long_name = "t" * 20_000, "A very long name " * 1_200
    copies = ", ".join(["gate"] * 20_002)
    (root / "service.yaml").write_text(
        "service: S\nstages: [a]\ntouchpoints:\n"
        f"  - {{id: gate, name: '{long_name}', stage: a, owner: o}}\n"
        f"  - {{id: {long_id}, name: Back, stage: a, owner: o, visibility: backstage,\n"
        f"     supports: [{copies}]}}\n"
    )
    (root / "p.yaml").write_text(
        f"persona: p\nname: '{long_name}'\njourney:\n  - {{touchpoint: gate, emotion: 0}}\n"
        f"  - {{touchpoint: {long_id}, emotion: 1}}\n"
    )
    return root


def test_twenty_thousand_copies_are_one_warning(tmp_path: Path) -> None:
    result = check_workspace(_workspace(tmp_path / "ws"))
    assert [(p.line, p.col, p.code) for p in result.problems] == [(6, 23, "duplicate-reference")]
    assert "`gate` is listed 20,002 times in `supports`" in result.problems[0].message
    assert result.workspace is not None
    assert result.workspace.touchpoints["t" * 20_000].supports == ["gate"]


def test_the_drawing_is_one_edge_and_dot_accepts_it(tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    done = CliRunner().invoke(app, ["map", str(_workspace(tmp_path / "ws")), "-o", str(out)])
    assert done.exit_code == 0, done.output
    source = out.read_text(encoding="utf-8")
    longest = max(len(q.encode()) for q in QUOTED.findall(source))
    assert longest < DOT_LIMIT
    assert source.count("tooltip=supports") + source.count('tooltip="supports"') == 1
    if shutil.which("dot"):  # Graphviz itself, where it is installed
        checked = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True)
        assert checked.returncode == 0, checked.stderr.decode()[:500]
    assert graphviz.Source(source).source == source


@pytest.mark.parametrize("view", ["needs", "compass"])
def test_a_very_long_persona_id_is_cut_in_node_names(tmp_path: Path, view: str) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    pid = "p" * 20_000
    (root / "service.yaml").write_text(
        "service: S\nstages: [a]\ntouchpoints:\n  - {id: gate, name: Gate, stage: a}\n"
    )
    (root / "p.yaml").write_text(
        f"persona: {pid}\nname: P\ncompass:\n  needs: [Water]\n"
        "journey:\n  - {touchpoint: gate, emotion: 0, serves: [water]}\n"
    )
    out = tmp_path / "map.dot"
    args = ["map", str(root), "-o", str(out), "--view", view, "-p", pid]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    source = out.read_text(encoding="utf-8")
    assert max(len(q.encode()) for q in QUOTED.findall(source)) < DOT_LIMIT
