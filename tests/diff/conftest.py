"""Fixtures for the diff tests (helpers in ``diff_helpers``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from diff_helpers import GIT_ENV, Files, Repo, base_files, load, write_files

from guestology.model import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Callable[[Files], Workspace]:
    """``workspace(files)``: a validated workspace made of these files."""
    count = [0]

    def make(files: Files) -> Workspace:
        count[0] += 1
        return load(write_files(tmp_path / f"ws{count[0]}", files))

    return make


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A git repository whose first commit holds the base workspace; the cwd is its root."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    made = Repo(tmp_path / "repo")
    made.commit(base_files(), "base")
    monkeypatch.chdir(made.root)
    return made
