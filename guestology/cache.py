"""Where guestology keeps what it can reuse between runs, and the switch that turns it off.

Two caches, both safe to delete at any time:

- compiled Jinja2 templates, in the user's cache folder (``$XDG_CACHE_HOME/guestology``,
  else ``~/.cache/guestology``; see ``guestology.render.html.bytecode``);
- the checked result of each unchanged workspace file (``guestology.filecache``), in
  ``.guestology_cache`` in the workspace folder, else in the user's cache folder.

``GUESTOLOGY_NO_CACHE=1`` (any value but empty or ``0``) turns both off: nothing is read
from a cache and nothing is written to one.
"""

from __future__ import annotations

import os
from pathlib import Path

NO_CACHE_VARIABLE = "GUESTOLOGY_NO_CACHE"


def cache_disabled() -> bool:
    """Does the environment say not to use any cache?"""
    return os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0")


def user_cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/guestology`` (an absolute path only), else ``~/.cache/guestology``;
    ``None`` when there is no home folder to be found."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "guestology"
    try:
        return Path.home() / ".cache" / "guestology"
    except RuntimeError:
        return None


def writable_dir(path: Path) -> Path | None:
    """``path``, created if need be, when this process may write there; else ``None``."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if path.is_dir() and os.access(path, os.W_OK | os.X_OK) else None
