"""Issue 16, ``-o``: a FIFO, a device or a stream is written through, never replaced; a link
is followed; ``-`` is stdout; an ``OSError`` is exit 1 naming the path.

Every node here is made in ``tmp_path`` (a FIFO, or as root a device of our own): never
``/dev/*`` itself.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from guestology.cli.common import write_output
from guestology.cli.output import write_bytes


def _reader(path: Path, got: list[bytes]) -> threading.Thread:
    """A thread reading ``path`` (a FIFO) to its end into ``got``."""

    def read() -> None:
        with open(path, "rb") as handle:
            got.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    path, got = tmp_path / "out.fifo", []
    os.mkfifo(path)
    reader = _reader(path, got)
    write_output(path, "digraph {}\n")
    reader.join(timeout=10)
    assert got == [b"digraph {}\n"]
    assert stat.S_ISFIFO(os.lstat(path).st_mode)  # still a FIFO, not a regular file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]  # no temporary file


def test_a_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # our own /dev/null
    except PermissionError:  # not root: a link to a FIFO with a reader stands in
        os.mkfifo(tmp_path / "pipe")
        node.symlink_to("pipe")
        _reader(tmp_path / "pipe", [])
    before = os.stat(node)
    write_output(node, "x" * 10_000)
    after = os.stat(node)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (
        before.st_mode,
        before.st_ino,
        before.st_rdev,
    )


def test_a_full_device_is_exit_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    node = tmp_path / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # our own /dev/full
    except PermissionError:
        return  # only root can make a device; the other tests cover the rest
    with pytest.raises(typer.Exit) as exit_:
        write_output(node, "x")
    assert exit_.value.exit_code == 1
    assert capsys.readouterr().err == f"guestology: error: {node}: No space left on device\n"
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_link_is_followed_and_its_target_replaced(tmp_path: Path) -> None:
    (tmp_path / "real.html").write_text("old")
    os.chmod(tmp_path / "real.html", 0o600)
    (tmp_path / "link.html").symlink_to("real.html")
    (tmp_path / "dangling.html").symlink_to("made.html")
    write_output(tmp_path / "link.html", "new")
    write_output(tmp_path / "dangling.html", "made")
    assert (tmp_path / "link.html").is_symlink() and (tmp_path / "dangling.html").is_symlink()
    assert (tmp_path / "real.html").read_text() == "new"
    assert (tmp_path / "made.html").read_text() == "made"
    assert stat.S_IMODE(os.stat(tmp_path / "real.html").st_mode) == 0o600  # its mode is kept
    assert stat.S_IMODE(os.stat(tmp_path / "made.html").st_mode) == 0o644


def test_dash_is_stdout(tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    monkey = tmp_path / "-"
    write_bytes(Path("-"), b"to stdout\n")
    assert capfdbinary.readouterr().out == b"to stdout\n"
    assert not monkey.exists() and not Path("-").exists()


def test_a_stream_through_proc_is_written_to_not_replaced() -> None:
    read, write = os.pipe()
    try:
        for name in (f"/proc/self/fd/{write}", f"/dev/fd/{write}"):
            write_bytes(Path(name), b"through ")
        os.close(write)
        with os.fdopen(read, "rb") as handle:
            assert handle.read() == b"through through "
    finally:
        for fd in (read, write):
            with contextlib.suppress(OSError):
                os.close(fd)


def test_a_link_to_our_own_stdout_appends_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "log.txt"
    log.write_text("earlier\n")
    with open(log, "ab", buffering=0) as handle:
        (tmp_path / "mystdout").symlink_to(f"/proc/self/fd/{handle.fileno()}")
        monkeypatch.setattr("sys.stdout", open(handle.fileno(), "w", closefd=False))  # noqa: SIM115
        write_bytes(tmp_path / "mystdout", b"now\n")
    assert log.read_text() == "earlier\nnow\n"  # as `>> log`: appended, not replaced
    assert (tmp_path / "mystdout").is_symlink()


@pytest.mark.parametrize(
    ("make", "target", "reason"),
    [
        (lambda t: (t / "afile").write_text("x"), "afile/map.html", "Not a directory"),
        (lambda t: (t / "afile").write_text("x"), "afile/sub/map.html", "Not a directory"),
        (lambda t: (t / "adir").mkdir(), "adir", "Is a directory"),
    ],
)
def test_an_os_error_is_exit_1_naming_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, target: str, reason: str
) -> None:
    make(tmp_path)  # type: ignore[operator]
    with pytest.raises(typer.Exit) as exit_:
        write_output(tmp_path / target, "x")
    assert exit_.value.exit_code == 1
    assert capsys.readouterr().err == f"guestology: error: {tmp_path / target}: {reason}\n"


def test_a_name_with_a_newline_is_escaped_in_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a\nb").write_text("x")
    with pytest.raises(typer.Exit):
        write_output(tmp_path / "a\nb" / "c.html", "x")
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a\\nb/c.html" in err


def test_out_of_memory_is_exit_1_not_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from guestology.cli import main

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr("guestology.workspace.check_workspace", exhausted)
    monkeypatch.setattr("sys.argv", ["guestology", "validate", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 1
    assert capsys.readouterr().err == (
        "guestology: error: out of memory; try --persona, or a larger machine\n"
    )
    assert not (tmp_path / "cache").exists()  # no crash log: not a bug


def test_chunks_are_written_and_a_failure_midway_keeps_the_old_file(tmp_path: Path) -> None:
    """A large report is written as it is made; the file is replaced only when all of it is."""
    target = tmp_path / "report.json"
    write_output(target, iter(["{\n", '  "a": 1\n', "}\n"]))
    assert target.read_text() == '{\n  "a": 1\n}\n'

    def broken() -> Iterator[str]:
        yield "half of a new report"
        raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError):
        write_output(target, broken())
    assert target.read_text() == '{\n  "a": 1\n}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary left


def test_chunks_go_through_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, iter(["one ", "two"]))
    reader.join(5)
    assert got == [b"one two"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
