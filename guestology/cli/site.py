"""``map -o`` naming a folder: a site written whole or not at all.

The pages go into a hidden temporary folder beside ``DIR`` (``.DIR.guestology-<pid>-*``),
which is then swapped in: on Linux with one ``renameat2(RENAME_EXCHANGE)``, so that a reader
(or a ``kill -9``) sees the old site or the new one, never a mix; elsewhere with two renames.
The old site, now in the temporary folder, is removed. A temporary folder that a killed run
left behind is removed by the next run (its process no longer exists).

``DIR`` may be new, empty, or a site written before: a folder holding anything else is
refused, since swapping it would throw those files away. A link to a folder is followed.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_MARK = ".guestology-"


class NotASite(Exception):
    """``DIR`` holds files a map site does not have; it is left alone."""


def write_site(folder: Path, pages: Iterable[tuple[str, str]]) -> None:
    """Write ``pages`` (relative POSIX path, text) as the folder ``folder``, atomically."""
    target = Path(os.path.realpath(folder))
    if os.path.lexists(target) and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "a file, not a folder", str(folder))
    if target.is_dir():
        cwd = Path.cwd().resolve()
        if cwd == target or target in cwd.parents:
            raise NotASite(f"{folder}: the current folder is inside it; write the site elsewhere")
        _check_is_site(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file stands where a folder should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None
    _remove_stale(target)
    tmp = Path(
        tempfile.mkdtemp(prefix=f".{target.name[:40]}{_MARK}{os.getpid()}-", dir=target.parent)
    )
    try:
        for relative, text in pages:
            page = tmp / relative
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")
        os.chmod(tmp, (target.stat().st_mode & 0o7777) if target.is_dir() else 0o755)
        _swap(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # the old site, or the unfinished new one


def _check_is_site(folder: Path) -> None:
    """A site has ``index.html`` and ``personas/*.html``; an empty folder is fine too."""
    for entry in os.scandir(folder):
        if entry.name == "index.html" and entry.is_file(follow_symlinks=False):
            continue
        if entry.name == "personas" and entry.is_dir(follow_symlinks=False):
            inside = [e.name for e in os.scandir(entry.path)]
            if all(n.endswith(".html") and not n.startswith(".") for n in inside):
                continue
        raise NotASite(
            f"{folder}: it holds `{entry.name}`, which a map site does not have; "
            "write the site to a new or empty folder"
        )


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is; afterwards ``new`` holds the old site (if any)."""
    if not target.is_dir():
        os.rename(new, target)
        return
    if _exchange(new, target):
        return
    old = new.with_name(new.name + ".old")
    os.rename(target, old)
    os.rename(new, target)
    os.rename(old, new)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2``); ``False`` where it is missing."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        rename = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    rename.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    a, b = os.fsencode(first), os.fsencode(second)
    if rename(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False  # a file system without the exchange: two renames instead
    raise OSError(code, os.strerror(code), str(second))


def _remove_stale(target: Path) -> None:
    """Temporary folders of runs that were killed (their process is gone)."""
    prefix = f".{target.name[:40]}{_MARK}"
    try:
        entries = [e for e in os.scandir(target.parent) if e.name.startswith(prefix)]
    except OSError:
        return
    for entry in entries:
        pid = entry.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # Windows' os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is someone else's
        return True
    return True
