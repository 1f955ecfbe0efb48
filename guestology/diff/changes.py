"""What a semantic diff is made of: changes in Guestology terms, grouped per persona.

A ``Change`` is one fact ("step 5 `parking-return`: emotion -2 -> +1 (+3)") with a stable ``kind``
code and the values before and after, so JSON consumers need not parse the sentence. Texts
name ids in backticks, like validation messages, and use ``->`` for "became".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Change kinds, in the order a persona's changes are shown.
PERSONA_KINDS = (
    "persona-changed",
    "evidence-changed",
    "loyalty-changed",
    "compass-added",
    "compass-removed",
    "compass-reworded",
    "compass-changed",
    "step-added",
    "step-removed",
    "step-moved",
    "emotion-changed",
    "curve-changed",
    "gap-changed",
    "need-unmet",
    "need-met",
    "step-details",
    "future-changed",
)


@dataclass(frozen=True)
class Change:
    kind: str
    subject: str  # what changed: an id, or ``<touchpoint>#<visit>`` for a journey step
    text: str
    before: Any = None
    after: Any = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Curve:
    """An emotion curve's summary: the peak-end rule's two moments and the mean."""

    mean: float
    peak: int
    end: int
    steps: int

    @classmethod
    def of(cls, emotions: list[int]) -> Curve | None:
        """The peak is the strongest emotion either way (a low wins a tie), as in the report."""
        if not emotions:
            return None
        peak = max(enumerate(emotions), key=lambda p: (abs(p[1]), -p[1], -p[0]))[1]
        return cls(sum(emotions) / len(emotions), peak, emotions[-1], len(emotions))


@dataclass
class PersonaDiff:
    id: str
    name: str
    status: str  # added | removed | changed
    changes: list[Change] = field(default_factory=list)
    curve_before: Curve | None = None
    curve_after: Curve | None = None

    def ordered(self) -> list[Change]:
        return sorted(self.changes, key=lambda c: PERSONA_KINDS.index(c.kind))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "changes": [c.to_dict() for c in self.ordered()],
            "curve": {
                "before": asdict(self.curve_before) if self.curve_before else None,
                "after": asdict(self.curve_after) if self.curve_after else None,
            },
        }


@dataclass(frozen=True)
class FindingChange:
    """A report finding that appeared (``+``) or disappeared (``-``) between the two sides."""

    sign: str
    severity: int
    severity_name: str
    section: str
    code: str
    title: str
    persona: str | None = None
    touchpoint: str | None = None
    subject: str = ""
    location: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class WorkspaceDiff:
    """Everything that changed between two revisions (or folders) of one workspace."""

    old: str
    new: str
    workspace: str = ""
    service: list[Change] = field(default_factory=list)
    touchpoints: list[Change] = field(default_factory=list)
    personas: list[PersonaDiff] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "the workspace is new at NEW"

    @property
    def changed(self) -> bool:
        """Are there semantic changes (anything beyond file layout, order and comments)?"""
        return bool(self.service or self.touchpoints or self.personas or self.findings)

    def appeared(self) -> list[FindingChange]:
        return [f for f in self.findings if f.sign == "+"]

    def disappeared(self) -> list[FindingChange]:
        return [f for f in self.findings if f.sign == "-"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": 1,
            "old": self.old,
            "new": self.new,
            "workspace": self.workspace,
            "changed": self.changed,
            "notes": list(self.notes),
            "service": [c.to_dict() for c in self.service],
            "touchpoints": [c.to_dict() for c in self.touchpoints],
            "personas": [p.to_dict() for p in self.personas],
            "findings": {
                "appeared": [f.to_dict() for f in self.appeared()],
                "disappeared": [f.to_dict() for f in self.disappeared()],
            },
        }
