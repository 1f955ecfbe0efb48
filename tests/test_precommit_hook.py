"""The pre-commit hook, for real: ``pre-commit`` installs this repository and blocks a commit.

The configuration is the snippet of docs/git.md, so the documented one is the tested one.
The hook source is a temporary git repository holding this working tree (committed there,
never here), so the test checks the hook as it is now, uncommitted changes included.
pre-commit builds the hook's virtualenv by pip-installing that repository (from the package
registry: the only network this needs). One test, as it takes a while.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guestology.resources import starter_files

pytestmark = [pytest.mark.network, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
GIT = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
DOCS = ROOT / "docs" / "git.md"


def documented_config(repo: Path, rev: str) -> str:
    """The `.pre-commit-config.yaml` snippet of docs/git.md, pointed at ``repo`` and ``rev``."""
    section = DOCS.read_text(encoding="utf-8").split("## 1.", 1)[1]
    snippet = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "repo: https://github.com/OWNER/guestology" in snippet and "rev: v0.1.0" in snippet
    snippet = snippet.replace("https://github.com/OWNER/guestology", repo.as_posix())
    return snippet.replace("v0.1.0", rev)


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _snapshot_of_this_tree(target: Path, env: dict[str, str]) -> str:
    """Copy the working tree's files (tracked and untracked, not ignored); commit them there."""
    listing = _run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env
    )
    assert listing.returncode == 0, listing.stderr
    for name in filter(None, listing.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        done = _run(["git", *args], target, env)
        assert done.returncode == 0, done.stderr
    return _run(["git", "rev-parse", "HEAD"], target, env).stdout.strip()


def test_the_hook_blocks_a_broken_persona_and_passes_after_the_fix(tmp_path: Path) -> None:
    env = {**os.environ, **GIT, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("PYTHONPATH", None)
    source = tmp_path / "guestology-source"
    rev = _snapshot_of_this_tree(source, env)

    project = tmp_path / "project"
    files = {f"personas/{name}": text for name, text in starter_files().items()}
    guest = next(name for name in files if name.startswith("personas/guests/"))
    good = files[guest]
    assert "emotion: " in good
    files[guest] = good.replace("emotion: ", "emotoin: ", 1)
    files[".pre-commit-config.yaml"] = documented_config(source, rev)
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    for args in (["git", "init", "-q", "-b", "main"], [*pre_commit, "install"]):
        assert _run(args, project, env).returncode == 0
    assert _run(["git", "add", "-A"], project, env).returncode == 0

    blocked = _run(["git", "commit", "-m", "a persona with a typo"], project, env)
    output = blocked.stdout + blocked.stderr
    print(output)  # shown by pytest when the test fails
    line = 1 + good.split("emotion: ", 1)[0].count("\n")
    assert blocked.returncode != 0, output
    assert "guestology validate" in output and "Failed" in output
    assert f"{guest}:{line}:" in output and "unknown field `emotoin`" in output
    assert _run(["git", "rev-parse", "--verify", "HEAD"], project, env).returncode != 0

    (project / guest).write_text(good, encoding="utf-8")
    assert _run(["git", "add", "-A"], project, env).returncode == 0
    passed = _run(["git", "commit", "-m", "fixed"], project, env)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "guestology validate" in output and "Passed" in output
