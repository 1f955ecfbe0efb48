"""Where the built-in Jinja2 templates and starter files live.

In a source checkout they are the top-level ``templates/`` folder; in an installed wheel
they are ``guestology/templates/`` (``pyproject.toml`` force-includes them there).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The built-in templates folder, inside the package first, else beside it."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("guestology's templates folder is missing from this installation")


def starter_files() -> dict[str, str]:
    """The files ``guestology init`` writes: relative path -> text."""
    base = templates_dir() / "init"
    return {
        path.relative_to(base).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(base.rglob("*.yaml"))
    }
