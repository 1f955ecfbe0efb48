"""What the render tests share: a workspace analysed once, and its drawings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from guestology.analysis import analyse
from guestology.analysis.report import Report
from guestology.graph import build_graph
from guestology.model import Workspace
from guestology.render import dot
from guestology.workspace import check_workspace


def load(root: Path) -> Workspace:
    """The validated workspace at ``root`` (the test fails on any error)."""
    result = check_workspace(root)
    assert result.workspace is not None, [p.format() for p in result.problems]
    return result.workspace


def write(root: Path, files: dict[str, str]) -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return load(root)


def analysed(ws: Workspace, personas: Iterable[str] = ()) -> Report:
    """``analyse`` as the CLI runs it: once, for the chosen personas (none: everyone)."""
    return analyse(build_graph(ws), list(personas) or None)


def drawing(
    ws: Workspace, view: str = "touchpoints", personas: Iterable[str] = (), **options: Any
) -> dot.Drawing:
    return dot.draw(ws, analysed(ws, personas), view, **options)


def to_dot(
    ws: Workspace, view: str = "touchpoints", personas: Iterable[str] = (), **options: Any
) -> str:
    return drawing(ws, view, personas, **options).source
