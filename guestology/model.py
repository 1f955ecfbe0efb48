"""The workspace model: exactly what ``docs/format.md`` describes, as light objects.

``schema_model`` checks one file's data with pydantic; what it accepts is turned into these
slotted dataclasses (``schema.validate_document``), which every later step reads: the
graph, the analyses, the renderers, the diff and the file cache. They hold the same fields
under the same names as the pydantic classes, without pydantic's per-object dicts and sets:
a portfolio of 1,000 personas held 180 MB of pydantic objects, and holds about a third of
that in these (issue 15).

Every object remembers where it came from (``where()``, see ``nodes``), so later steps can
point at ``path:line:col`` without keeping the YAML around.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from guestology.nodes import FieldPositions, Node, Pos, dump, model_class, pack, unpack

ID_PATTERN = r"^[\w.\-]+$"
DEFAULT_CHANNELS = [
    "in-person", "app", "web", "phone", "email", "chat", "social", "signage", "kiosk", "mail",
]  # fmt: skip
DEFAULT_KEYS = ["safety", "courtesy", "inclusion", "show", "efficiency"]

Grade = Literal["low", "medium", "high"]
Valence = Literal["positive", "negative"]
SourceKind = Literal["interview", "survey", "observation", "analytics", "review", "assumption"]


def slugify(text: str) -> str:
    """The kebab-case id of a plain-string compass item: ``Water & shade!`` -> ``water-shade``."""
    return re.sub(r"[^\w.]+|_", "-", text.lower()).strip("-.")


@model_class
class Quote(Node):
    """An ``evidence`` entry with the words a source used: ``{source: id, quote: "..."}``."""

    source: str
    quote: str | None = None


# An ``evidence`` entry: a source id (most entries are one, on thousands of steps), or a
# ``Quote``. Optional lists of the 1.1 additions are tuples: the shared empty default costs
# nothing, an empty list per object does.
Citation = str | Quote
Evidence = tuple[Citation, ...]


def cited(evidence: Evidence) -> list[str]:
    """The source ids an ``evidence`` list cites, in order."""
    return [entry if isinstance(entry, str) else entry.source for entry in evidence]


@dataclass(slots=True, kw_only=True)
class Item(Node):
    """A compass item: a need, want, stereotype or emotion."""

    id: str
    text: str
    evidence: Evidence = ()


@model_class
class Need(Item):
    priority: Grade = "medium"


@model_class
class Want(Item):
    priority: Grade = "medium"
    for_: list[str] = field(default_factory=list)


@model_class
class Stereotype(Item):
    valence: Valence = "negative"


@model_class
class Emotion(Item):
    valence: Valence = "positive"


@model_class
class Compass(Node):
    needs: list[Need] = field(default_factory=list)
    wants: list[Want] = field(default_factory=list)
    stereotypes: list[Stereotype] = field(default_factory=list)
    emotions: list[Emotion] = field(default_factory=list)

    def items(self) -> list[tuple[str, Item]]:
        """Every item with its kind (``need``, ``want``, ``stereotype``, ``emotion``)."""
        return [
            *(("need", i) for i in self.needs),
            *(("want", i) for i in self.wants),
            *(("stereotype", i) for i in self.stereotypes),
            *(("emotion", i) for i in self.emotions),
        ]


@model_class
class Expectation(Node):
    """``expectation: 3`` or a zone of tolerance ``{adequate: 2, desired: 4}``."""

    adequate: int
    desired: int

    @property
    def is_zone(self) -> bool:
        return self.adequate != self.desired


@model_class
class PainPoint(Node):
    text: str
    severity: int = 2
    key: str | None = None  # the quality key it breaks; never inherited from the touchpoint
    cause: Literal["internal", "external"] = "internal"
    themes: tuple[str, ...] = ()
    evidence: Evidence = ()


@model_class
class Opportunity(Node):
    text: str
    effort: Grade = "medium"
    impact: Grade = "medium"


@model_class
class Step(Node):
    touchpoint: str
    emotion: int
    expectation: Expectation | None = None
    delivery: int | None = None
    serves: list[str] = field(default_factory=list)
    evokes: list[str] = field(default_factory=list)
    counters: list[str] = field(default_factory=list)
    reinforces: list[str] = field(default_factory=list)
    doing: str | None = None
    thinking: str | None = None
    pain_points: list[PainPoint] = field(default_factory=list)
    opportunities: list[Opportunity] = field(default_factory=list)
    wow: list[str] = field(default_factory=list)
    recovers: str | None = None  # a touchpoint visited earlier in the same journey
    evidence: Evidence = ()


@model_class
class Touchpoint(Node):
    id: str
    name: str
    stage: str
    channel: str | None = None
    visibility: Literal["onstage", "backstage"] = "onstage"
    system: Literal["cast", "setting", "process"] | None = None
    keys: list[str] = field(default_factory=list)
    owner: str | None = None
    moment_of_truth: bool = False
    supports: list[str] = field(default_factory=list)
    status: Literal["live", "planned", "retired"] = "live"


@model_class
class Stage(Node):
    id: str
    name: str = ""


@model_class
class Loyalty(Node):
    """What happened after the journey: does the persona come back, would they recommend it."""

    returns: bool | None = None
    recommend: int | None = None


@model_class
class Persona(Node):
    format: Literal[1] | None = None
    persona: str
    name: str
    kind: Literal["guest", "cast"] = "guest"
    summary: str | None = None
    quote: str | None = None
    demographics: dict[str, Any] = field(default_factory=dict)
    attention: list[str] = field(default_factory=list)
    evidence: Evidence = ()
    compass: Compass = field(default_factory=Compass)
    journey: list[Step] = field(default_factory=list)
    future: list[Step] = field(default_factory=list)  # the designed future-state journey
    loyalty: Loyalty | None = None
    touchpoints: list[Touchpoint] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.persona


@model_class
class Source(Node):
    """Where research comes from: ``{id, kind, n, date, note}``, cited by ``evidence``."""

    id: str
    kind: SourceKind
    n: int | None = None  # how many people or records
    date: str | None = None
    note: str | None = None


@model_class
class Service(Node):
    format: Literal[1] | None = None
    service: str
    stages: list[Stage] | None = None
    channels: list[str] = field(default_factory=lambda: list(DEFAULT_CHANNELS))
    keys: list[str] = field(default_factory=lambda: list(DEFAULT_KEYS))
    touchpoints: list[Touchpoint] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    keys_declared: bool = field(default=False, repr=False)  # `keys:` written, not the default


@dataclass
class Workspace:
    """A validated workspace: the service, its stages in order, touchpoints and personas."""

    root: Path
    service: Service
    stages: list[Stage]
    touchpoints: dict[str, Touchpoint] = field(default_factory=dict)
    personas: dict[str, Persona] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


__all__ = [  # re-exported from ``nodes``: the model's one home
    "FieldPositions", "Node", "Pos", "dump", "pack", "unpack",
]  # fmt: skip
