"""``guestology diff`` through Typer's CliRunner: formats, exit codes, and clear errors."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app

runner = CliRunner()
SERVICE = """\
service: Cafe
stages: [order, eat]
touchpoints:
  - {id: counter, name: Order at the counter, stage: order, owner: staff}
  - {id: table, name: Find a table, stage: eat, owner: staff}
"""
GUEST = """\
persona: student
name: The student
compass:
  needs: [{id: seat, text: A seat with a socket}]
journey:
  - {touchpoint: counter, emotion: 0}
  - {touchpoint: table, emotion: -1, serves: [seat], opportunities: [More sockets]}
"""
GIT = {
    "GIT_AUTHOR_NAME": "T",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "T",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def _commit(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "change")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with two commits: the table step's emotion goes from -1 to +1."""
    for key, value in GIT.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "cafe"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    _commit(root, {"personas/service.yaml": SERVICE, "personas/student.yaml": GUEST})
    _commit(root, {"personas/student.yaml": GUEST.replace("emotion: -1", "emotion: 1")})
    monkeypatch.chdir(root)
    return root


def diff(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_by_default_exit_0(repo: Path) -> None:
    code, out, _ = diff("HEAD~1")
    assert code == 0
    assert "  step 2 `table`: emotion −1 -> +1 (+2)\n" in out


def test_exit_code_only_when_something_changed(repo: Path) -> None:
    assert diff("HEAD~1", "--exit-code")[0] == 1
    assert diff("HEAD", "--exit-code")[0] == 0
    assert diff("HEAD~1", "HEAD~1", "--exit-code")[0] == 0


def test_markdown_and_json(repo: Path) -> None:
    code, out, _ = diff("HEAD~1", "HEAD", "--format", "markdown")
    assert code == 0 and out.startswith("### Guestology changes in `personas`\n")
    assert "- step 2 `table`: emotion −1 → +1 (+2)" in out
    code, out, _ = diff("HEAD~1", "-f", "json")
    assert code == 0 and json.loads(out)["personas"][0]["id"] == "student"


def test_output_file(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "diff.md"
    code, out, err = diff("HEAD~1", "-f", "markdown", "-o", str(target))
    assert code == 0 and out == "" and f"wrote {target}" in err
    assert "emotion −1 → +1 (+2)" in target.read_text()


def test_unknown_revision(repo: Path) -> None:
    code, out, err = diff("v9.9")
    assert code == 1 and out == ""
    assert err == f"guestology: error: unknown revision `v9.9` in {repo.resolve()}\n"


def test_a_revision_that_does_not_validate(repo: Path) -> None:
    _commit(repo, {"personas/student.yaml": GUEST.replace("emotion: 0", "emotion: 3")})
    _commit(repo, {"personas/student.yaml": GUEST})
    code, out, err = diff("HEAD~1", "HEAD")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("guestology: error: the workspace does not validate at HEAD~1 (")
    assert lines[1].startswith("HEAD~1:personas/student.yaml:6:36: [error] `emotion` must be")


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = diff("HEAD", "--workspace", str(tmp_path))
    assert code == 1 and "is not inside a git repository" in err


def test_two_folders(tmp_path: Path) -> None:
    for name, guest in (("old", GUEST), ("new", GUEST.replace("emotion: 0", "emotion: 2"))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "service.yaml").write_text(SERVICE)
        (tmp_path / name / "student.yaml").write_text(guest)
    code, out, _ = diff(str(tmp_path / "old"), str(tmp_path / "new"))
    assert code == 0 and "step 1 `counter`: emotion 0 -> +2 (+2)" in out


def test_usage_error_without_a_revision() -> None:
    assert diff()[0] == 2


def test_max_file_size_is_in_mb_as_in_every_command(tmp_path: Path) -> None:
    """1,020,000 bytes: over 1 MB (1,000,000 bytes), under 1 MiB (1,048,576 bytes)."""
    big = GUEST + "# " + "x" * (1_020_000 - len(GUEST) - 3) + "\n"
    for name in ("old", "new"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "service.yaml").write_text(SERVICE)
        (tmp_path / name / "student.yaml").write_text(big)
    assert (tmp_path / "new" / "student.yaml").stat().st_size == 1_020_000
    old, new = str(tmp_path / "old"), str(tmp_path / "new")
    code, out, err = diff(old, new, "--max-file-size", "1")
    assert code == 1 and out == "" and "(file-too-large)" in err
    assert diff(old, new, "--max-file-size", "1.1")[0] == 0
    validate = runner.invoke(app, ["validate", new, "--max-file-size", "1"])
    assert validate.exit_code == 1 and "(file-too-large)" in validate.output
