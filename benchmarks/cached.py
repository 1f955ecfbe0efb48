"""The commands that show the caches at work, and what is done (untimed) before each run.

- ``validate, cache cold``: the cache folder removed before each run, so every file is
  read and its result written (what a first run pays for the cache);
- ``validate, cache warm``: the cache filled once, then one file touched before each run
  (a new modification time, so that file alone is read again: a pre-commit hook's run);
- ``park map html`` (size S): the example park as a workshop draws it, start-up included.

Every other command runs with ``--no-cache``, so that its figure is the whole work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

CACHE_FOLDER = ".guestology_cache"


def drop_cache(ws: Path) -> Callable[[], None]:
    def before() -> None:
        shutil.rmtree(ws / CACHE_FOLDER, ignore_errors=True)

    return before


def fill_and_touch(ws: Path, argv: list[str], cwd: Path) -> Callable[[], None]:
    def before() -> None:
        if not (ws / CACHE_FOLDER).is_dir():
            subprocess.run(argv, cwd=cwd, capture_output=True, check=False)
        os.utime(touched(ws))

    return before


def touched(ws: Path) -> Path:
    """The file touched before a warm run: the last persona file by name."""
    files = sorted(p for p in ws.rglob("*.yaml") if CACHE_FOLDER not in p.parts)
    return files[-1]
