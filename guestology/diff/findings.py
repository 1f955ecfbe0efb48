"""The report's findings on both sides: which appeared and which disappeared.

Findings are matched by ``Finding.key()`` (section, code, persona, touchpoint, subject), which
holds no line numbers: moving text around a file does not make a finding "new".
"""

from __future__ import annotations

from collections.abc import Callable

from guestology.analysis import Finding, analyse
from guestology.diff.changes import FindingChange
from guestology.graph import build_graph
from guestology.model import Workspace

Shown = Callable[[str], str]  # a file path as the user should see it


def finding_changes(
    old: Workspace, new: Workspace, shown_old: Shown = str, shown_new: Shown = str
) -> list[FindingChange]:
    """Findings of ``new`` that ``old`` lacks (``+``), then the reverse (``-``); the most
    severe first within each. ``shown_*`` turn each side's file paths into displayed ones."""
    before = {f.key(): f for f in analyse(build_graph(old)).findings()}
    after = {f.key(): f for f in analyse(build_graph(new)).findings()}

    def changes(sign: str, found: list[Finding], shown: Shown) -> list[FindingChange]:
        ordered = sorted(found, key=lambda f: (-f.severity, f.key()))
        return [_change(sign, f, shown) for f in ordered]

    appeared = [f for key, f in after.items() if key not in before]
    gone = [f for key, f in before.items() if key not in after]
    return changes("+", appeared, shown_new) + changes("-", gone, shown_old)


def _change(sign: str, finding: Finding, shown: Shown) -> FindingChange:
    location = f"{shown(finding.file)}:{finding.line}:{finding.col}" if finding.file else ""
    return FindingChange(
        sign=sign,
        severity=finding.severity,
        severity_name=finding.severity_name,
        section=finding.section,
        code=finding.code,
        title=finding.title,
        persona=finding.persona,
        touchpoint=finding.touchpoint,
        subject=finding.subject,
        location=location,
    )
