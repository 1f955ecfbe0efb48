"""The issue's acceptance scenario, end to end in a temporary git repository.

One persona's step goes from emotion -2 to +1 and a need loses its only serving step:
``guestology diff HEAD~1`` must say exactly that, and nothing else.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from diff_helpers import FAMILY, Repo

ROOT = Path(__file__).resolve().parents[2]
CHANGED = FAMILY.replace(
    "{touchpoint: fireworks, emotion: -2,", "{touchpoint: fireworks, emotion: 1,"
).replace(
    "{touchpoint: fountain, emotion: 1, serves: [hydration]}", "{touchpoint: fountain, emotion: 1}"
)
EXPECTED = """\
persona `family` (The family)
  step 4 `fireworks`: emotion −2 -> +1 (+3)
  emotion curve: mean 0.00 -> +0.75, peak −2 -> +1, end −2 -> +1
  need `hydration` is no longer served (it was served by step 2 `fountain`)
"""


def _guestology(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "guestology", *args], cwd=cwd, env=env, capture_output=True,
        text=True, check=False,
    )  # fmt: skip


def _commit_the_change(repo: Repo) -> None:
    assert CHANGED != FAMILY and CHANGED.count("serves") == 1
    repo.commit({"personas/guests/family.yaml": CHANGED}, "the ride got better; no water")


def test_diff_head_1_says_exactly_what_changed(repo: Repo) -> None:
    _commit_the_change(repo)
    run = _guestology(repo.root, "diff", "HEAD~1")
    assert run.returncode == 0, run.stderr
    blocks = run.stdout.split("\n\n")
    assert blocks[0].startswith("guestology diff: HEAD~1 (")
    assert blocks[0].endswith(") -> working tree, workspace `personas`")
    assert blocks[1] + "\n" == EXPECTED
    assert blocks[2].startswith("findings\n")
    assert blocks[3].startswith("1 persona changed; ")
    assert len(blocks) == 4


def test_the_findings_that_change_are_about_that_step_and_that_need(repo: Repo) -> None:
    _commit_the_change(repo)
    run = _guestology(repo.root, "diff", "HEAD~1", "--format", "json", "--exit-code")
    assert run.returncode == 1, run.stderr
    doc = json.loads(run.stdout)
    assert doc["changed"] is True and doc["service"] == [] and doc["touchpoints"] == []
    [persona] = doc["personas"]
    kinds = [(c["kind"], c["subject"], c["before"], c["after"]) for c in persona["changes"]]
    assert kinds == [
        ("emotion-changed", "fireworks#1", -2, 1),
        ("curve-changed", "curve", None, None),
        ("need-unmet", "hydration", [2], None),
    ]
    assert persona["curve"]["before"] == {"mean": 0.0, "peak": -2, "end": -2, "steps": 4}
    assert persona["curve"]["after"] == {"mean": 0.75, "peak": 1, "end": 1, "steps": 4}
    findings = doc["findings"]["appeared"] + doc["findings"]["disappeared"]
    assert any(f["code"] for f in doc["findings"]["appeared"])  # the unmet need, at least
    for finding in findings:
        about = {finding["touchpoint"], finding["subject"]}
        assert about & {"fireworks", "hydration"}, finding


def test_the_working_tree_and_the_index_are_left_alone(repo: Repo) -> None:
    _commit_the_change(repo)
    (repo.root / "personas" / "notes.txt").write_text("work in progress\n")
    status = repo.git("status", "--porcelain")
    index = (repo.root / ".git" / "index").read_bytes()
    run = _guestology(repo.root, "diff", "HEAD~1", "HEAD")
    assert run.returncode == 0, run.stderr
    assert (repo.root / ".git" / "index").read_bytes() == index
    assert repo.git("status", "--porcelain") == status == "?? personas/notes.txt\n"
    assert (repo.root / "personas" / "guests" / "family.yaml").read_text() == CHANGED
