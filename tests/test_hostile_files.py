"""Issue 16, reading: only regular files inside the workspace are read, and never more than
the size bound plus one byte; what is not read is reported, never skipped silently."""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from guestology import files
from guestology.files import read_bounded, scan_workspace
from guestology.loading import load_document
from guestology.workspace import check_workspace

SERVICE = "service: S\nstages: [a]\ntouchpoints:\n  - {id: t, name: T, stage: a, owner: o}\n"
PERSONA = "persona: p\nname: P\njourney:\n  - {touchpoint: t, emotion: 0}\n"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A test that would block on a FIFO fails after 10 s instead of hanging the suite."""

    def timeout(signum: int, frame: object) -> None:
        raise TimeoutError("blocked: a FIFO or a device was opened for reading")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "service.yaml").write_text(SERVICE)
    (root / "p.yaml").write_text(PERSONA)
    return root


def _lines(root: Path) -> list[str]:
    return [p.format().replace(str(root) + "/", "") for p in check_workspace(root).problems]


def test_a_fifo_in_the_workspace_is_reported_not_read(ws: Path) -> None:
    os.mkfifo(ws / "pipe.yaml")
    assert _lines(ws) == [
        "pipe.yaml:1:1: [error] a FIFO (named pipe), not a regular file: not read (not-a-file)"
    ]


def test_a_device_in_the_workspace_is_reported_not_read(ws: Path) -> None:
    try:  # a node of our own, in the temporary folder (as root); else a FIFO stands in
        os.mknod(ws / "zero.yaml", stat.S_IFCHR | 0o666, os.makedev(1, 5))
        kind = "a character device"
    except PermissionError:
        os.mkfifo(ws / "zero.yaml")
        kind = "a FIFO (named pipe)"
    assert _lines(ws) == [
        f"zero.yaml:1:1: [error] {kind}, not a regular file: not read (not-a-file)"
    ]


def test_a_link_inside_the_workspace_to_a_fifo_is_not_read(ws: Path) -> None:
    os.mkfifo(ws / "pipe")
    (ws / "link.yaml").symlink_to("pipe")
    assert [p.code for p in check_workspace(ws).problems] == ["not-a-file"]


def test_links_out_of_the_workspace_are_warnings_and_not_read(ws: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("persona: secret\nname: SECRET\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "more.yaml").write_text(PERSONA.replace("p\n", "q\n", 1))
    (ws / "secret.yaml").symlink_to(secret)
    (ws / "zero.yaml").symlink_to("/dev/zero")
    (ws / "elsewhere").symlink_to(tmp_path / "elsewhere")
    (ws / "notes.txt").symlink_to("/etc/hostname")  # not YAML: not a workspace file at all
    result = check_workspace(ws)
    assert [(Path(p.path).name, p.level.value, p.code) for p in result.problems] == [
        ("elsewhere", "warning", "symlink-outside"),
        ("secret.yaml", "warning", "symlink-outside"),
        ("zero.yaml", "warning", "symlink-outside"),
    ]
    assert result.workspace is not None and set(result.workspace.personas) == {"p"}
    assert "a link to /dev/zero, outside the workspace: not read" in result.problems[2].message


def test_a_link_inside_the_workspace_is_read(ws: Path) -> None:
    (ws / "real").mkdir()
    (ws / "p.yaml").rename(ws / "real" / "p.yaml")
    (ws / "alias.yaml").symlink_to("real/p.yaml")
    (ws / "folder-alias").symlink_to("real")  # not entered: its files are read where they are
    found = [p.relative_to(ws).as_posix() for p in scan_workspace(ws).files]
    assert found == ["alias.yaml", "real/p.yaml", "service.yaml"]


def test_an_unreadable_folder_is_reported(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "locked").mkdir()
    (ws / "locked" / "hidden.yaml").write_text(PERSONA)
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # what chmod 000 does to anyone but root
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "scandir", scandir)
    assert _lines(ws) == [
        "locked:1:1: [error] cannot read this folder: Permission denied (unreadable)"
    ]


def test_what_is_not_read_is_not_reported_when_ignored(ws: Path) -> None:
    (ws / "service.yaml").write_text(SERVICE + 'ignore: ["drafts/**"]\n')
    (ws / "drafts").mkdir()
    os.mkfifo(ws / "drafts" / "pipe.yaml")
    (ws / "drafts" / "zero.yaml").symlink_to("/dev/zero")
    assert _lines(ws) == []


def test_the_size_bound_applies_to_what_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lying = Path("/proc/self/status")  # its size says 0; it holds over a kilobyte
    assert lying.stat().st_size == 0
    problem = load_document(lying, max_bytes=100).problems[0]
    assert problem.code == "file-too-large"
    read: list[int] = []
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        chunk = real_read(fd, n)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(files.os, "read", counting)
    with pytest.raises(files.NotRead):
        read_bounded(lying, 100)
    assert sum(read) == 101  # the bound plus one byte, and not a byte more
    (tmp_path / "exact.yaml").write_bytes(b"a: 1\n" * 20)
    read.clear()
    assert read_bounded(tmp_path / "exact.yaml", 100) == b"a: 1\n" * 20


def test_a_file_over_the_bound_by_its_size_is_not_opened(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 2_000)
    problem = load_document(big, max_bytes=1_000).problems[0]
    assert (problem.code, problem.message) == (
        "file-too-large",
        "file is 2,000 bytes; the limit is 1,000 bytes (--max-file-size)",
    )


def test_a_workspace_that_is_a_fifo_is_reported(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    assert [p.code for p in check_workspace(tmp_path / "pipe.yaml").problems] == ["not-a-file"]
