"""What a bug (an unexpected exception, exit code 3) leaves behind: a log the message names.

As pre-commit does, the traceback goes to a log file rather than the terminal:
``$XDG_CACHE_HOME/guestology/guestology.log`` (``~/.cache/guestology/guestology.log``
without it), or a new file in the temporary folder when the cache is not writable.
``GUESTOLOGY_DEBUG=1`` prints the traceback on stderr instead. A traceback never holds
local variables, so persona data cannot leak into it through them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEBUG_VARIABLE = "GUESTOLOGY_DEBUG"
REPORT_HINT = "This is a bug in guestology: please report it with the command you ran"


def debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def log_path() -> Path:
    """Where the log goes first: the user's cache folder (XDG), ``~/.cache`` by default."""
    cache = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(cache) if os.path.isabs(cache) else Path.home() / ".cache"
    return base / "guestology" / "guestology.log"


def crash_log(exc: BaseException) -> str:
    """The log's text: the version, the command, the platform and the traceback."""
    import platform
    import shlex
    import traceback

    from guestology import __version__

    head = [
        f"guestology {__version__}",
        f"command: {shlex.join(['guestology', *sys.argv[1:]])}",
        f"python: {sys.version.split()[0]} ({sys.executable})",
        f"platform: {platform.platform()}",
        "",
    ]
    trace = traceback.format_exception(type(exc), exc, exc.__traceback__)  # no locals
    return "\n".join(head) + "".join(trace)


def write_log(text: str) -> Path | None:
    """Write the log to ``log_path()``, else to a new temporary file; ``None`` if neither."""
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="backslashreplace")
        return path
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        pass
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix="guestology-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(text)
        return Path(name)
    except OSError:
        return None


def report_crash(exc: BaseException) -> None:
    """Tell the user about a bug on stderr: where its log is, or the traceback itself."""
    text = crash_log(exc)
    sys.stderr.write(f"guestology: unexpected error: {type(exc).__name__}\n")
    path = None if debugging() else write_log(text)
    if path is None:
        sys.stderr.write(f"{text}{REPORT_HINT} and the traceback above.\n")
        return
    sys.stderr.write(
        f"{REPORT_HINT} and the log written to {path}\n"
        f"({DEBUG_VARIABLE}=1 prints the traceback here instead).\n"
    )
