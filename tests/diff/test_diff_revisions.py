"""Reading workspaces at git revisions: ranges, subfolders, missing workspaces, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_helpers import FAMILY, Repo, base_files

from guestology.diff import InvalidSide, diff_revisions
from guestology.diff.revisions import Location, extract, resolve
from guestology.problems import GuestologyError

BETTER = FAMILY.replace("{touchpoint: gate, emotion: 1}", "{touchpoint: gate, emotion: 2}")


def _emotions(result: object) -> list[str]:
    return [c.text for p in result.personas for c in p.changes if c.kind == "emotion-changed"]  # type: ignore[attr-defined]


def test_two_revisions_and_the_working_tree(repo: Repo) -> None:
    repo.commit({"personas/guests/family.yaml": BETTER})
    assert _emotions(diff_revisions("HEAD~1", "HEAD")) == ["step 1 `gate`: emotion +1 -> +2 (+1)"]
    assert not diff_revisions("HEAD").changed
    repo.write({"personas/guests/family.yaml": FAMILY})
    result = diff_revisions("HEAD")
    assert result.new == "working tree" and result.old.startswith("HEAD (")
    assert _emotions(result) == ["step 1 `gate`: emotion +2 -> +1 (−1)"]


def test_ranges_two_dots_and_three_dots(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit({"personas/guests/family.yaml": BETTER})
    repo.git("checkout", "-q", "main")
    repo.commit({"README.md": "main moves on\n"})
    two = diff_revisions("main..feature")
    three = diff_revisions("main...feature")
    assert _emotions(two) == _emotions(three) == ["step 1 `gate`: emotion +1 -> +2 (+1)"]
    assert three.old.startswith("the merge base of main and feature (")


def test_a_workspace_in_a_subfolder_and_a_file_split(repo: Repo) -> None:
    moved = {f"research/{k}": v for k, v in base_files().items()}
    repo.commit({**moved, **{k: None for k in base_files()}})
    with pytest.raises(GuestologyError, match="no workspace `research/personas`"):
        diff_revisions("HEAD~1", "HEAD~1", Path("research/personas"))
    result = diff_revisions("HEAD~1", workspace=Path("research/personas"))
    assert [p.status for p in result.personas] == ["added"]
    assert result.notes == [
        "the workspace `research/personas` does not exist at HEAD~1 ("
        + resolve(repo.root, "HEAD~1")[:7]
        + ")"
    ]


def test_the_workspace_path_is_relative_to_the_current_folder(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit({"personas/guests/family.yaml": BETTER})
    monkeypatch.chdir(repo.root / "personas" / "guests")
    result = diff_revisions("HEAD~1", "HEAD", Path("../../personas"))
    assert result.workspace == "personas" and _emotions(result)


def test_an_unknown_revision(repo: Repo) -> None:
    with pytest.raises(GuestologyError, match="unknown revision `no-such-branch`"):
        diff_revisions("no-such-branch")
    with pytest.raises(GuestologyError, match="unknown revision `--output=x`"):
        diff_revisions("--output=x")


def test_a_path_outside_any_repository(tmp_path: Path) -> None:
    (tmp_path / "loose").mkdir()
    with pytest.raises(GuestologyError, match="is not inside a git repository"):
        diff_revisions("HEAD", workspace=tmp_path / "loose")


def test_a_revision_that_does_not_validate_names_the_revision(repo: Repo) -> None:
    broken = FAMILY.replace("emotion: 0", "emotoin: 0")
    repo.commit({"personas/guests/family.yaml": broken})
    repo.commit({"personas/guests/family.yaml": FAMILY})
    with pytest.raises(InvalidSide) as caught:
        diff_revisions("HEAD~1", "HEAD")
    assert str(caught.value).startswith("the workspace does not validate at HEAD~1 (")
    problems = caught.value.problems
    assert {p.path for p in problems} == {"HEAD~1:personas/guests/family.yaml"}
    assert (10, "unknown-field") in [(p.line, p.code) for p in problems]
    repo.write({"personas/guests/family.yaml": broken})
    with pytest.raises(InvalidSide, match="in the working tree") as caught:
        diff_revisions("HEAD")
    assert caught.value.problems[0].path == "personas/guests/family.yaml"


def test_two_folders_need_no_git(tmp_path: Path) -> None:
    from diff_helpers import write_files

    old = write_files(tmp_path / "old", base_files(""))
    new = write_files(tmp_path / "new", {**base_files(""), "guests/family.yaml": BETTER})
    result = diff_revisions(str(old), str(new))
    assert result.old == str(old) and _emotions(result) == ["step 1 `gate`: emotion +1 -> +2 (+1)"]


def test_extract_copies_only_yaml_files_at_their_paths(repo: Repo, tmp_path: Path) -> None:
    repo.commit({"personas/notes.txt": "not yaml\n", "personas/deep/er/extra.yml": "x: 1\n"})
    where = Location.of(Path("personas"))
    extract(where.repo, resolve(where.repo, "HEAD"), where.path, tmp_path / "out")
    found = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.y*ml")
    )
    assert found == [
        "personas/deep/er/extra.yml",
        "personas/guests/family.yaml",
        "personas/service.yaml",
    ]
    assert not (tmp_path / "out" / "personas" / "notes.txt").exists()
