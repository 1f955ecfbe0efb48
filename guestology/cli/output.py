"""Where a command's output goes: a file replaced atomically, a stream written through, stdout.

``-o`` names what the user wants written, and only that is touched:

- ``-o -`` is stdout (binary data is refused on a terminal);
- a FIFO, a device (``/dev/tty``) or a stream reached through ``/proc`` or ``/dev/fd``
  (``/dev/stdout``) is opened and written to, never replaced: replacing ``/dev/stdout``
  as root would put a regular file where the system's node was;
- a regular file, or a new one, is written to a temporary file beside it and renamed over
  it; a symbolic link is followed, so its target is replaced and the link stays;
- an ``OSError`` is the user's (a file where a folder should be, a read-only folder, no
  reader on a socket): ``common.write_output`` makes it exit 1 naming the path and reason.

``write_site`` (``-o`` naming a folder: a site) is in ``guestology.cli.site``.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

Data = bytes | Iterable[bytes]  # all at once, or in chunks (a large report, as it is made)

STDOUT = "-"
_STREAM_FOLDERS = ("/proc/", "/dev/fd/")  # links here name an open file, not a path
_MAX_HOPS = 40


class BinaryOnTerminal(Exception):
    """PNG or PDF bytes bound for a terminal (they would garble it)."""


def write_bytes(path: Path, data: Data) -> None:
    """Write ``data`` to ``path`` (``-`` is stdout); the library-style core of ``write_output``.

    Chunks are written as they come; a file is still replaced only once all are written."""
    if str(path) == STDOUT:
        _to_stream(sys.stdout.buffer, data)
        return
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if _is_stream_link(path):
        if info is None:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        own = _own_stream(info)
        if own is not None:
            _to_stream(own, data)
        else:
            _write_through(path, data, os.O_APPEND)
    elif info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, data, 0)  # a FIFO or a device: written to, never replaced
    else:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        replace_atomically(target, data, info.st_mode if info is not None else None)


def _is_stream_link(path: Path) -> bool:
    """Does ``path`` lead through ``/proc`` or ``/dev/fd`` (``/dev/stdout`` does)?"""
    current = os.path.abspath(path)
    for _ in range(_MAX_HOPS):
        if current.startswith(_STREAM_FOLDERS):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), os.readlink(current)))
    return False


def _own_stream(info: os.stat_result) -> BinaryIO | None:
    """stdout or stderr when ``info`` is the file one of them is open on."""
    for stream in (sys.stdout, sys.stderr):
        try:
            mine = os.fstat(stream.fileno())
        except (OSError, ValueError, AttributeError):
            continue
        if (mine.st_dev, mine.st_ino) == (info.st_dev, info.st_ino):
            return stream.buffer
    return None


def _to_stream(stream: BinaryIO, data: Data) -> None:
    chunks = _chunks(data)
    first = next(chunks, b"")
    if stream.isatty() and not _is_text(first):  # PNG or PDF bytes would garble the terminal
        raise BinaryOnTerminal
    sys.stdout.flush()
    for chunk in chain([first], chunks):
        stream.write(chunk)
    stream.flush()


def _chunks(data: Data) -> Iterator[bytes]:
    return iter([data]) if isinstance(data, bytes) else iter(data)


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\0" not in data


def silence_stdout() -> None:
    """After a broken pipe, send what is still buffered nowhere (no second error at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _write_through(path: Path, data: Data, extra: int) -> None:
    """Open what ``path`` names for writing (a FIFO waits for its reader, as a shell's ``>``
    does) and write all of ``data``; nothing is created, truncated or renamed."""
    fd = os.open(path, os.O_WRONLY | extra)
    try:
        for chunk in _chunks(data):
            view = memoryview(chunk)
            while view:
                view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def replace_atomically(path: Path, data: Data, mode: int | None = None) -> None:
    """A temporary file beside ``path``, then a rename: readers see the old file or the new.

    The new file keeps ``mode``'s permission bits (the file it replaces), else 0644.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file stands where a folder should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(_chunks(data))
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
