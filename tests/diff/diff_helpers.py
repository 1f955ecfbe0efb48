"""Helpers for the diff tests: small workspaces written from text, and throw-away git repos."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

from guestology.model import Workspace
from guestology.workspace import check_workspace

SERVICE = """\
service: Harbor Park
stages: [arrive, in-park, evening]
touchpoints:
  - {id: gate, name: Main gate, stage: arrive, channel: in-person, owner: ops}
  - {id: fountain, name: Water fountain, stage: in-park, channel: in-person, owner: ops}
  - {id: ride, name: Big ride, stage: in-park, channel: in-person, owner: rides}
  - {id: fireworks, name: Fireworks show, stage: evening, channel: in-person, owner: shows}
"""
FAMILY = """\
persona: family
name: The family
compass:
  needs:
    - {id: hydration, text: Water on a hot day}
    - {id: thrills, text: Big rides}
journey:
  - {touchpoint: gate, emotion: 1}
  - {touchpoint: fountain, emotion: 1, serves: [hydration]}
  - {touchpoint: ride, emotion: 0, serves: [thrills]}
  - {touchpoint: fireworks, emotion: -2, opportunities: [Lend ear defenders]}
"""
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

Files = dict[str, str | None]


def write_files(root: Path, files: Files) -> Path:
    """Write ``{relative path: text}`` below ``root`` (``None`` text deletes the file)."""
    for relative, text in files.items():
        path = root / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def base_files(prefix: str = "personas/") -> Files:
    return {f"{prefix}service.yaml": SERVICE, f"{prefix}guests/family.yaml": FAMILY}


def load(root: Path) -> Workspace:
    result = check_workspace(root)
    assert result.workspace is not None, [p.format() for p in result.problems]
    return result.workspace


class Repo:
    """A temporary git repository: write files, commit them, run git."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        env = {**os.environ, **GIT_ENV}
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def write(self, files: Files) -> None:
        write_files(self.root, files)

    def commit(self, files: Files, message: str = "change") -> str:
        self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()
