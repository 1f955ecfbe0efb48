"""The workspace on disk: which entries are YAML files to read, and reading one safely.

Only regular files are read, and never more than the size bound plus one byte: a FIFO would
block, ``/dev/zero`` never ends and a file's size can lie (``/proc``). Links are not
followed out of the workspace, and a folder that cannot be listed is reported, not skipped.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from guestology.problems import GuestologyError, Problem, error, one_line, warning

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Scan:
    """What a workspace folder holds: the files to read, and what was left unread and why
    (``(path, problem)``: the caller drops those that ``ignore:`` globs name)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, Problem]] = field(default_factory=list)


def scan_workspace(root: Path) -> Scan:
    """The YAML files below ``root`` (sorted by path) and the entries that are not read.

    Hidden files and folders are skipped. Links are not followed out of the workspace: a
    linked file or folder whose target lies outside ``root`` is a ``symlink-outside``
    warning; a folder that cannot be listed is ``unreadable``. A linked folder inside the
    workspace is not entered (its files are read where they really are).
    """
    if not os.path.lexists(root):
        raise GuestologyError(f"{one_line(str(root))}: no such workspace folder")
    if not root.is_dir():
        return Scan([root])  # named by the user: read it (if it is a regular file)
    scan, real_root = Scan(), Path(os.path.realpath(root))
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            msg = f"cannot read this folder: {exc.strerror or exc}"
            scan.skipped.append((folder, error(str(folder), (1, 1), "unreadable", msg)))
            continue
        for entry in entries:
            _scan_entry(entry, real_root, scan, folders)
    scan.files.sort(key=lambda p: p.relative_to(root).as_posix())
    return scan


def _scan_entry(entry: os.DirEntry[str], real_root: Path, scan: Scan, folders: list[Path]) -> None:
    if entry.name.startswith("."):
        return
    path = Path(entry.path)
    if entry.is_symlink():
        target = Path(os.path.realpath(path))
        if target == real_root or real_root in target.parents:
            if path.suffix in YAML_SUFFIXES and not target.is_dir():
                scan.files.append(path)
            return
        if path.suffix in YAML_SUFFIXES or target.is_dir():
            msg = f"a link to {os.readlink(path)}, outside the workspace: not read"
            scan.skipped.append((path, warning(str(path), (1, 1), "symlink-outside", msg)))
    elif entry.is_dir(follow_symlinks=False):
        folders.append(path)
    elif path.suffix in YAML_SUFFIXES:
        scan.files.append(path)  # a FIFO or a device too: ``load_document`` reports it


class NotRead(Exception):
    """A file that is not read: its problem code and message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise NotRead("not-a-file", f"{kind}, not a regular file: not read")


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, reading at most ``max_bytes`` + 1 of them.

    The file is checked before it is opened (a FIFO would block, a device never end) and
    again once open, without blocking, in case it was swapped in between.
    """
    too_large = f"file is over {_size(max_bytes)}, the limit (--max-file-size)"
    try:
        _check_regular(os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise NotRead("unreadable", f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        _check_regular(info.st_mode)
        if info.st_size > max_bytes:
            size = f"file is {_size(info.st_size)}; the limit is {_size(max_bytes)}"
            raise NotRead("file-too-large", size + " (--max-file-size)")
        chunks, total = [], 0
        while total <= max_bytes and (chunk := os.read(fd, min(max_bytes + 1 - total, 1 << 20))):
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise NotRead("file-too-large", too_large)
        return b"".join(chunks)
    except OSError as exc:
        raise NotRead("unreadable", f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
