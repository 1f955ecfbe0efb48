"""``Finding``: one thing a report tells a designer, located in a file, with a severity.

Severity scale (higher = more important; ``top_findings`` sorts by it):

- 5 critical: guest safety, or a severe pain nobody owns at a moment of truth;
- 4 serious: a high-priority need unmet, a negative stereotype confirmed, a journey that
  ends low, a moment of truth under-delivering;
- 3 notable: an unmet need, a large emotion drop, an under-delivery, a divergent touchpoint;
- 2 minor: a weakly met need, a single-channel need, a backstage touchpoint supporting nothing;
- 1 note: good news and facts worth knowing (over-delivery, a positive stereotype reinforced).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guestology.graph_types import Located

CRITICAL, SERIOUS, NOTABLE, MINOR, NOTE = 5, 4, 3, 2, 1
SEVERITY_NAMES = {5: "critical", 4: "serious", 3: "notable", 2: "minor", 1: "note"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding. ``key()`` identifies it across revisions (no line numbers in it)."""

    section: str
    code: str
    severity: int
    title: str
    detail: str = ""
    persona: str | None = None
    touchpoint: str | None = None
    file: str = ""
    line: int = 0
    col: int = 0
    subject: str = ""
    cause: str | None = None  # internal | external: unrecovered failures only
    confidence: str = ""  # evidenced | assumed (``guestology.analysis.evidence``)

    def key(self) -> tuple[str, str, str, str, str]:
        """``(section, code, persona, touchpoint, subject)``: stable across line moves.

        ``subject`` names what the finding is about beyond its persona and touchpoint
        (a need id, a stereotype id, an opportunity's text, a matrix cell), so two
        findings of one kind at one place stay apart.
        """
        return (self.section, self.code, self.persona or "", self.touchpoint or "", self.subject)

    @property
    def location(self) -> str:
        """``path:line:col`` (or ``""`` when the finding has no single place)."""
        return f"{self.file}:{self.line}:{self.col}" if self.file else ""

    @property
    def severity_name(self) -> str:
        return SEVERITY_NAMES.get(self.severity, str(self.severity))

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "detail": self.detail,
            "persona": self.persona,
            "touchpoint": self.touchpoint,
            "subject": self.subject,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            **({"cause": self.cause} if self.cause is not None else {}),
            "confidence": self.confidence or "assumed",
        }


def located(where: Located | None) -> Located:
    """The ``file``/``line``/``col`` of a node or edge's attributes, for ``Finding(**...)``."""
    if not where:
        return Located(file="", line=0, col=0)
    return Located(file=where.get("file", ""), line=where.get("line", 0), col=where.get("col", 0))


# Within one severity, what a designer fixes first: safety, recovery, the moments that make
# or break the visit, then needs, promises, beliefs, feelings, the cast, structure, ideas.
TIE_ORDER = (
    "keys", "recovery", "causes", "moments", "loyalty", "needs", "expectations", "stereotypes",
    "emotions", "internal", "divergence", "blueprint", "channels", "wow",
)  # fmt: skip


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most important first; ties by ``TIE_ORDER``, then by file and line (stable, readable)."""
    rank = {name: i for i, name in enumerate(TIE_ORDER)}
    return sorted(
        findings,
        key=lambda f: (-f.severity, rank.get(f.section, len(rank)), f.file, f.line, f.col, f.key()),
    )
