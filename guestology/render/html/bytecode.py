"""Jinja2 templates compiled once: their bytecode kept in the user's cache folder.

Compiling the HTML map's templates took about 0.2 s of every ``guestology map`` run. Jinja2
stores each template's compiled code with a checksum of its source, so an edited template
(a team's ``--templates`` folder, or a new guestology) is compiled again, never served stale.
The folder's name carries the guestology and Jinja2 versions and the environment's
settings, which the compiled code depends on too. A cache file that cannot be read (cut
short, garbage) is ignored and rewritten; one that cannot be written is skipped. Writes are
atomic (Jinja2 writes a temporary file and renames it), so concurrent runs are safe.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

from guestology import __version__
from guestology.cache import cache_disabled, user_cache_dir, writable_dir


class TolerantBytecodeCache(FileSystemBytecodeCache):
    """Jinja2's file-system cache, but a broken or unwritable cache file is never an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # corrupt: pickle and marshal raise many kinds of errors
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a full disk, a read-only cache: compile next time
            super().dump_bytecode(bucket)


def bytecode_cache(settings: dict[str, Any]) -> BytecodeCache | None:
    """The cache for an environment made with ``settings``; ``None`` when caching is off
    (``GUESTOLOGY_NO_CACHE``) or the user's cache folder cannot be written."""
    base = None if cache_disabled() else user_cache_dir()
    if base is None:
        return None
    tag = repr(sorted(settings.items())) + __version__ + jinja2.__version__
    folder = writable_dir(base / f"templates-{hashlib.sha256(tag.encode()).hexdigest()[:16]}")
    return TolerantBytecodeCache(str(folder)) if folder is not None else None
