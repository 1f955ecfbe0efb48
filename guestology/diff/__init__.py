"""Semantic diff of a workspace between two git revisions (or two folders), in Guestology terms.

>>> result = diff_revisions("HEAD~1")                      # doctest: +SKIP
>>> print(to_text(result))                                 # doctest: +SKIP

Modules: ``revisions`` reads git (read-only), ``sides`` checks each side, ``compare`` and
``journey`` find the changes, ``findings`` compares the reports, ``render`` writes them out.
"""

from __future__ import annotations

from pathlib import Path

from guestology.diff.changes import Change, Curve, FindingChange, PersonaDiff, WorkspaceDiff
from guestology.diff.compare import compare
from guestology.diff.findings import Shown, finding_changes
from guestology.diff.render import to_json, to_markdown, to_text
from guestology.diff.sides import InvalidSide, Side, at, load_sides
from guestology.loading import MAX_FILE_BYTES
from guestology.model import Workspace

__all__ = [
    "Change",
    "Curve",
    "FindingChange",
    "InvalidSide",
    "PersonaDiff",
    "WorkspaceDiff",
    "diff_revisions",
    "diff_workspaces",
    "to_json",
    "to_markdown",
    "to_text",
]


def diff_revisions(
    old: str,
    new: str | None = None,
    workspace: Path = Path("personas"),
    max_bytes: int = MAX_FILE_BYTES,
) -> WorkspaceDiff:
    """The changes from ``old`` to ``new`` (a revision, ``None`` for the working tree, or two
    folders). Raises ``GuestologyError`` (``InvalidSide`` when a side does not validate)."""
    before, after, where = load_sides(old, new, workspace, max_bytes)
    result = diff_workspaces(
        before.workspace, after.workspace, before.label, after.label, before.shown, after.shown
    )
    result.workspace = where
    result.notes = [_missing(side, where) for side in (before, after) if side.absent]
    return result


def diff_workspaces(
    old: Workspace,
    new: Workspace,
    old_label: str = "old",
    new_label: str = "new",
    shown_old: Shown = str,
    shown_new: Shown = str,
) -> WorkspaceDiff:
    """The semantic changes between two validated workspaces, and the findings that appeared
    or disappeared; ``shown_*`` turn each side's file paths into displayed ones."""
    result = compare(old, new, old_label, new_label)
    result.findings = finding_changes(old, new, shown_old, shown_new)
    return result


def _missing(side: Side, where: str) -> str:
    return f"the workspace `{where}` does not exist {at(side.label)}"
