"""The checked result of each unchanged workspace file, kept between runs (as ruff and mypy do).

A pre-commit hook on a portfolio of 1,000 personas re-read every file on every commit
though one had changed. ``FileCache.check`` returns a file's stored result when the file is
the same: same path (as given, and relative to the workspace), same size and ``mtime_ns``,
same content hash (BLAKE2b of its bytes), same ``--max-file-size`` and guestology version;
otherwise it checks the file and stores the result. Only per-file work is cached: the
checks across files always run on the results.

Where: ``.guestology_cache`` in the workspace folder (a hidden folder: never read as a
workspace file; a ``.gitignore`` inside keeps it out of git, a ``CACHEDIR.TAG`` out of
backups), else, when that cannot be written, the user's cache folder. An entry is one file,
written to a temporary file and renamed, so concurrent runs are safe. Entries are pickled,
so each is signed (HMAC-SHA256) with a key that only the user's cache folder holds: an
entry that a repository brings along, or that was cut short or altered, fails the check
and is ignored, like one from another version.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from guestology import __version__
from guestology.cache import cache_disabled, user_cache_dir, writable_dir
from guestology.files import NotRead, read_bounded

FOLDER = ".guestology_cache"
MAGIC = b"guestology-cache 2\n"
KEY_FILE = "cache.key"
GITIGNORE = "# Automatically created by guestology.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by guestology.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
T = TypeVar("T")


class FileCache:
    """Stored per-file results in ``folder``, signed with ``key``."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder, self.key = folder, key
        self.hits = self.misses = 0

    @classmethod
    def for_workspace(cls, root: Path) -> FileCache | None:
        """The cache of the workspace at ``root`` (a folder or one file); ``None`` when
        ``GUESTOLOGY_NO_CACHE`` is set or no cache folder can be written."""
        if cache_disabled():
            return None
        home = user_cache_dir()
        key = _user_key(home) if home is not None else None
        if key is None or home is None:
            return None
        base = root if root.is_dir() else root.parent
        folder = _workspace_folder(base / FOLDER)
        if folder is None:
            where = hashlib.sha256(os.fsencode(os.path.abspath(base))).hexdigest()[:16]
            folder = writable_dir(home / "workspaces" / where)
        return cls(folder / f"v{__version__}", key) if folder is not None else None

    def check(self, path: Path, name: str, max_bytes: int, compute: Callable[[], T]) -> T:
        """The stored result for ``path`` when the file is unchanged, else ``compute()``'s
        (stored for next time). ``name`` says what else the result depends on (such as the
        path relative to the workspace)."""
        key = f"{__version__}\0{path}\0{name}\0{max_bytes}"
        entry = self.folder / (hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest())
        stamp = _stamp(path, max_bytes)
        if stamp is not None:
            found = self._load(entry, key, stamp)
            if found is not None:
                self.hits += 1
                return found[0]  # type: ignore[no-any-return]
        self.misses += 1
        result = compute()
        if stamp is not None and _stamp(path, max_bytes) == stamp:  # not changed meanwhile
            self._store(entry, (key, stamp, result))
        return result

    def _load(self, entry: Path, key: str, stamp: tuple[int, int, bytes]) -> tuple[Any] | None:
        try:
            data = entry.read_bytes()
        except OSError:
            return None
        head, sign = len(MAGIC), len(MAGIC) + 32
        if data[:head] != MAGIC or len(data) < sign:
            return None
        if not hmac.compare_digest(data[head:sign], self._sign(data[sign:])):
            return None
        try:
            stored_key, stored_stamp, result = pickle.loads(data[sign:])
        except Exception:  # signed but unreadable: a class that changed shape, say
            return None
        return (result,) if (stored_key, stored_stamp) == (key, stamp) else None

    def _store(self, entry: Path, value: tuple[str, tuple[int, int, bytes], Any]) -> None:
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # not picklable: the cache is an optimisation, never an error
            return
        data = MAGIC + self._sign(payload) + payload
        with contextlib.suppress(OSError):
            entry.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(entry, data)

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self.key, payload, hashlib.sha256).digest()


def _stamp(path: Path, max_bytes: int) -> tuple[int, int, bytes] | None:
    """Size, ``mtime_ns`` and content hash of a regular file, or ``None`` (not read: the
    check itself reports why)."""
    try:
        before = os.stat(path)
        data = read_bounded(path, max_bytes)
    except (OSError, NotRead):
        return None
    return before.st_size, before.st_mtime_ns, hashlib.blake2b(data, digest_size=20).digest()


def _workspace_folder(folder: Path) -> Path | None:
    """``.guestology_cache`` with its ``.gitignore`` and ``CACHEDIR.TAG``, if writable."""
    existed = folder.is_dir()
    if writable_dir(folder) is None:
        return None
    if not existed:
        with contextlib.suppress(OSError):
            _write_atomically(folder / ".gitignore", GITIGNORE.encode())
            _write_atomically(folder / "CACHEDIR.TAG", CACHEDIR_TAG.encode())
    return folder


def _user_key(home: Path) -> bytes | None:
    """The signing key in the user's cache folder, made on first use (mode 0600)."""
    path = home / KEY_FILE
    for _ in range(2):
        try:
            key = path.read_bytes()
            return key if len(key) >= 32 else None
        except FileNotFoundError:
            pass
        except OSError:
            return None
        if writable_dir(home) is None:
            return None
        with contextlib.suppress(OSError):  # FileExistsError: another run made it first
            _write_atomically(path, secrets.token_bytes(32), replace=False)
    return None


def _write_atomically(path: Path, data: bytes, replace: bool = True) -> None:
    """A temporary file beside ``path`` (mode 0600), then a rename (or, with ``replace``
    false, a link that fails if ``path`` exists)."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
