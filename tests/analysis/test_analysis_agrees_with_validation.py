"""The report and the validator's warnings apply the same rules to the same workspace.

Unmet needs, uncountered negative stereotypes and unowned severe pain points are computed
twice (as validation warnings over the model, as findings over the graph): they must agree.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from guestology.analysis import analyse
from guestology.graph import build_graph
from guestology.workspace import check_workspace

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = {"unmet-need", "uncountered-stereotype", "unowned-severe-pain"}


def _generated(tmp_path: Path) -> Path:
    out = tmp_path / "generated"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", str(out), "--personas", "30",
         "--touchpoints", "40", "--steps", "15", "--seed", "7"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return out


@pytest.mark.parametrize("source", ["example", "generated"])
def test_warnings_and_findings_agree(source: str, tmp_path: Path) -> None:
    root = ROOT / "personas" if source == "example" else _generated(tmp_path)
    result = check_workspace(root)
    assert result.workspace is not None
    findings = analyse(build_graph(result.workspace)).findings()
    for code in SHARED:
        warned = sorted((p.path, p.line) for p in result.problems if p.code == code)
        found = sorted((f.file, f.line) for f in findings if f.code == code)
        assert warned == found, code
    assert any(p.code in SHARED for p in result.problems), "the check compared something"
