"""The two sides of a diff: a git revision, the working tree, or a plain folder, each checked.

``OLD`` and ``NEW`` are revisions (``NEW`` defaults to the working tree), or two folders when
both name existing folders. ``OLD`` may also be a range: ``A..B`` compares A with B and
``A...B`` compares B with its merge base with A (what a pull request changes). A side whose
workspace does not validate raises ``InvalidSide`` with its errors, paths shown as
``REV:path``. A workspace missing on one side is empty there (everything is new or gone).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from guestology.diff import revisions as rev
from guestology.loading import MAX_FILE_BYTES
from guestology.model import Workspace
from guestology.problems import GuestologyError, Level, Problem
from guestology.workspace import check_workspace

WORKING_TREE = "working tree"


def at(label: str) -> str:
    """``at HEAD~1 (1a2b3c4)``, or ``in the working tree``."""
    return "in the working tree" if label == WORKING_TREE else f"at {label}"


class InvalidSide(GuestologyError):
    """One side's workspace has errors; ``problems`` are located as the user sees them."""

    def __init__(self, label: str, problems: list[Problem]) -> None:
        count = len(problems)
        noun = "error" if count == 1 else "errors"
        super().__init__(f"the workspace does not validate {at(label)} ({count} {noun})")
        self.label = label
        self.problems = problems


@dataclass(frozen=True)
class Naming:
    """How a side is named: its label, and how its file paths are shown."""

    label: str
    base: Path | None = None  # the folder that checked paths are shown relative to
    prefix: str = ""  # ``REV:`` before a path at a revision

    def shown(self, path: str) -> str:
        return path if self.base is None else rev.shown_path(path, self.base, self.prefix)


@dataclass(frozen=True)
class Side:
    naming: Naming
    workspace: Workspace
    absent: bool = False  # the workspace folder does not exist on this side

    @property
    def label(self) -> str:
        return self.naming.label

    def shown(self, path: str) -> str:
        return self.naming.shown(path)


def load_sides(
    old: str, new: str | None, workspace: Path, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Side, Side, str]:
    """Both sides, checked, and the workspace's name as shown (its path in the repository)."""
    if new is not None and Path(old).is_dir() and Path(new).is_dir():
        return folder_side(Path(old), max_bytes), folder_side(Path(new), max_bytes), ""
    where = rev.Location.of(workspace)
    (old_commit, old_label, old_prefix), newer = _revisions(where.repo, old, new)
    before = revision_side(where, old_commit, old_label, old_prefix, max_bytes)
    if newer is None:
        after = tree_side(where, max_bytes)
    else:
        after = revision_side(where, *newer, max_bytes)
    if before.absent and after.absent:
        msg = f"no workspace `{where.path}` {at(old_label)} nor {at(after.label)}"
        raise GuestologyError(msg + " (name it with --workspace)")
    return before, after, where.path


def _revisions(
    repo: Path, old: str, new: str | None
) -> tuple[tuple[str, str, str], tuple[str, str, str] | None]:
    """``(commit, label, path prefix)`` of each side; ``None`` for the working tree."""
    if new is None and "..." in old:
        a, b = (part or "HEAD" for part in old.split("...", 1))
        base = rev.merge_base(repo, a, b)
        label = f"the merge base of {a} and {b} ({rev.short(base)})"
        return (base, label, f"{rev.short(base)}:"), _revision(repo, b)
    if new is None and ".." in old:
        a, b = (part or "HEAD" for part in old.split("..", 1))
        return _revision(repo, a), _revision(repo, b)
    return _revision(repo, old), None if new is None else _revision(repo, new)


def _revision(repo: Path, name: str) -> tuple[str, str, str]:
    try:
        commit = rev.resolve(repo, name)
    except GuestologyError as exc:
        if Path(name).is_dir():
            raise GuestologyError(f"{exc} (to compare two folders, name both)") from None
        raise
    return commit, f"{name} ({rev.short(commit)})", f"{name}:"


def revision_side(
    where: rev.Location, commit: str, label: str, prefix: str, max_bytes: int
) -> Side:
    with rev.temporary_folder() as tmp:
        naming = Naming(label, Path(tmp), prefix)
        absent = not rev.exists(where.repo, commit, where.path)
        rev.extract(where.repo, commit, where.path, Path(tmp), max_bytes)
        return Side(naming, _checked(Path(tmp) / where.path, naming, max_bytes), absent)


def tree_side(where: rev.Location, max_bytes: int) -> Side:
    root = where.repo / where.path
    naming = Naming(WORKING_TREE, where.repo)
    if root.exists():
        return Side(naming, _checked(root, naming, max_bytes))
    with rev.temporary_folder() as tmp:  # deleted in the working tree: an empty workspace
        (Path(tmp) / where.path).mkdir(parents=True, exist_ok=True)
        return Side(naming, _checked(Path(tmp) / where.path, naming, max_bytes), absent=True)


def folder_side(folder: Path, max_bytes: int) -> Side:
    naming = Naming(str(folder))
    return Side(naming, _checked(folder, naming, max_bytes))


def _checked(root: Path, naming: Naming, max_bytes: int) -> Workspace:
    result = check_workspace(root, max_bytes)
    if result.workspace is None:
        errors = [p for p in result.problems if p.level is Level.ERROR]
        shown = [dataclasses.replace(p, path=naming.shown(p.path)) for p in errors]
        raise InvalidSide(naming.label, shown)
    return result.workspace
