"""Finding files, reading them safely, and the ignore globs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guestology.loading import find_workspace_files, is_ignored, load_document
from guestology.problems import GuestologyError


def test_files_are_found_recursively_and_hidden_folders_skipped(tmp_path: Path) -> None:
    for rel in ["b.yaml", "a/c.yml", ".git/x.yaml", "a/.hidden/y.yaml", ".dot.yaml", "n.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x: 1\n")
    found = [p.relative_to(tmp_path).as_posix() for p in find_workspace_files(tmp_path)]
    assert found == ["a/c.yml", "b.yaml"]


def test_missing_workspace_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(GuestologyError, match="no such workspace"):
        find_workspace_files(tmp_path / "nope")


def test_file_over_the_size_bound_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2_000 + "\n")
    problem = load_document(big, max_bytes=1_000).problems[0]
    assert (problem.code, problem.line, problem.col) == ("file-too-large", 1, 1)


def test_unreadable_file(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.yaml", tmp_path / "link.yaml")
    assert load_document(tmp_path / "link.yaml").problems[0].code == "unreadable"


def test_not_utf8_points_at_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    problem = load_document(path).problems[0]
    assert (problem.code, problem.line, problem.col) == ("not-utf8", 2, 7)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfpersona: p\nname: P\n")
    doc = load_document(path)
    assert doc.problems == [] and doc.data == {"persona": "p", "name": "P"}


def test_empty_and_comment_only_files(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text("")
    (tmp_path / "c.yaml").write_text("# just a comment\n")
    for name in ("e.yaml", "c.yaml"):
        assert [p.code for p in load_document(tmp_path / name).problems] == ["empty-file"]


def test_scalar_file_is_not_a_mapping(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("just text\n")
    assert [p.code for p in load_document(tmp_path / "s.yaml").problems] == ["not-mapping"]


@pytest.mark.parametrize(
    ("relative", "glob", "ignored"),
    [
        ("drafts/a.yaml", "drafts/**", True),
        ("drafts/x/y/a.yaml", "drafts/**", True),
        ("drafts/a.yaml", "drafts", True),
        ("drafts/a.yaml", "drafts/", True),
        ("other/drafts/a.yaml", "drafts/**", False),
        ("other/drafts/a.yaml", "**/drafts/**", True),
        ("a.yml", "*.yml", True),
        ("x/a.yml", "*.yml", False),
        ("x/a.yml", "**/*.yml", True),
        ("notes/a.yaml", "./notes/*", True),
        ("notes.yaml", "notes", False),
    ],
)
def test_ignore_globs(relative: str, glob: str, ignored: bool) -> None:
    assert is_ignored(relative, [glob]) is ignored
