"""The rules of one file, as pydantic classes: what ``docs/format.md`` allows.

The classes validate one file's data (types, sets, ranges, unknown fields) and are the
source of the editor's JSON Schema; ``schema.validate_document`` turns what they accept
into the light objects of ``model``, which everything after validation reads. Cross-file
rules (references, duplicate ids, warnings) live in ``references`` and ``gaps``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from guestology.model import DEFAULT_CHANNELS, DEFAULT_KEYS, ID_PATTERN, slugify

Id = Annotated[str, StringConstraints(strict=True, pattern=ID_PATTERN)]
Ref = StrictStr
Text = StrictStr
Scale = Annotated[StrictInt, Field(ge=1, le=5)]
Grade = Literal["low", "medium", "high"]
SourceKind = Literal["interview", "survey", "observation", "analytics", "review", "assumption"]


class Node(BaseModel):
    """A pydantic class of the model: unknown fields are errors; ``for`` may be ``for_``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Quote(Node):
    """An ``evidence`` entry with the words a source used: ``{source: id, quote: "..."}``."""

    source: Ref
    quote: Text | None = None


def _citation_form(data: Any) -> str:
    """Which form an ``evidence`` entry has: YAML data when validating, the model when dumping."""
    return "<quote>" if isinstance(data, (dict, Quote)) else "<id>"


# An ``evidence`` entry: a source id, kept as a plain string (most entries are one, on
# thousands of steps), or a ``Quote``. The tags name the two forms in pydantic's error
# locations; ``schema.to_problem`` leaves them out (``UNION_TAGS``).
Citation = Annotated[
    Annotated[Ref, Tag("<id>")] | Annotated[Quote, Tag("<quote>")],
    Discriminator(_citation_form),
]
UNION_TAGS = frozenset({"<id>", "<quote>"})
# Optional lists of the 1.1 additions, on objects a large workspace has by the ten thousand,
# are tuples: the shared empty default costs nothing, an empty list per object does.
Evidence = tuple[Citation, ...]


def _text_item(data: Any) -> Any:
    """A pain point or opportunity written as a plain string is its ``text``."""
    return {"text": data} if isinstance(data, str) else data


class Item(Node):
    """A compass item: a mapping with ``id`` and ``text``, or a plain string (id = slug)."""

    id: Id
    text: Text
    evidence: Evidence = ()

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if not isinstance(data, str):
            return data
        slug = slugify(data)
        if not slug:
            msg = "cannot make an id from {text!r}: write it as {{id: ..., text: ...}}"
            raise PydanticCustomError("empty_slug", msg, {"text": data})
        return {"id": slug, "text": data}


class Need(Item):
    priority: Grade = "medium"


class Want(Item):
    priority: Grade = "medium"
    for_: list[Ref] = Field(default_factory=list, alias="for")


class Stereotype(Item):
    valence: Literal["positive", "negative"] = "negative"


class Emotion(Item):
    valence: Literal["positive", "negative"] = "positive"


class Compass(Node):
    needs: list[Need] = Field(default_factory=list)
    wants: list[Want] = Field(default_factory=list)
    stereotypes: list[Stereotype] = Field(default_factory=list)
    emotions: list[Emotion] = Field(default_factory=list)

    def items(self) -> list[tuple[str, Item]]:
        """Every item with its kind (``need``, ``want``, ``stereotype``, ``emotion``)."""
        return [
            *(("need", i) for i in self.needs),
            *(("want", i) for i in self.wants),
            *(("stereotype", i) for i in self.stereotypes),
            *(("emotion", i) for i in self.emotions),
        ]


class Expectation(Node):
    """``expectation: 3`` or a zone of tolerance ``{adequate: 2, desired: 4}``."""

    adequate: Scale
    desired: Scale

    @model_validator(mode="before")
    @classmethod
    def _from_int(cls, data: Any) -> Any:
        if isinstance(data, int) and not isinstance(data, bool):
            if not 1 <= data <= 5:
                msg = "expectation must be between 1 and 5, got {value}"
                raise PydanticCustomError("out_of_range", msg, {"value": data})
            return {"adequate": data, "desired": data}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Expectation:
        if self.adequate > self.desired:
            msg = "adequate ({a}) must not be above desired ({d})"
            raise PydanticCustomError("out_of_range", msg, {"a": self.adequate, "d": self.desired})
        return self

    @property
    def is_zone(self) -> bool:
        return self.adequate != self.desired


class PainPoint(Node):
    text: Text
    severity: Annotated[StrictInt, Field(ge=1, le=3)] = 2
    key: Ref | None = None  # the quality key it breaks; never inherited from the touchpoint
    cause: Literal["internal", "external"] = "internal"
    themes: tuple[Text, ...] = ()
    evidence: Evidence = ()

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return _text_item(data)


class Opportunity(Node):
    text: Text
    effort: Grade = "medium"
    impact: Grade = "medium"

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return _text_item(data)


class Step(Node):
    touchpoint: Ref
    emotion: Annotated[StrictInt, Field(ge=-2, le=2)]
    expectation: Expectation | None = None
    delivery: Scale | None = None
    serves: list[Ref] = Field(default_factory=list)
    evokes: list[Ref] = Field(default_factory=list)
    counters: list[Ref] = Field(default_factory=list)
    reinforces: list[Ref] = Field(default_factory=list)
    doing: Text | None = None
    thinking: Text | None = None
    pain_points: list[PainPoint] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)
    wow: list[Text] = Field(default_factory=list)
    recovers: Ref | None = None  # a touchpoint visited earlier in the same journey
    evidence: Evidence = ()


class Touchpoint(Node):
    id: Id
    name: Text
    stage: Ref
    channel: Ref | None = None
    visibility: Literal["onstage", "backstage"] = "onstage"
    system: Literal["cast", "setting", "process"] | None = None
    keys: list[Ref] = Field(default_factory=list)
    owner: Text | None = None
    moment_of_truth: StrictBool = False
    supports: list[Ref] = Field(default_factory=list)
    status: Literal["live", "planned", "retired"] = "live"


class Stage(Node):
    id: Id
    name: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return {"id": data, "name": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _default_name(self) -> Stage:
        self.name = self.name or self.id
        return self


class Loyalty(Node):
    """What happened after the journey: does the persona come back, would they recommend it."""

    returns: StrictBool | None = None
    recommend: Annotated[StrictInt, Field(ge=0, le=10)] | None = None


class Persona(Node):
    format: Literal[1] | None = None
    persona: Id
    name: Text
    kind: Literal["guest", "cast"] = "guest"
    summary: Text | None = None
    quote: Text | None = None
    demographics: dict[str, Any] = Field(default_factory=dict)
    attention: list[Text] = Field(default_factory=list)
    evidence: Evidence = ()
    compass: Compass = Field(default_factory=Compass)
    journey: list[Step] = Field(default_factory=list)
    future: list[Step] = Field(default_factory=list)  # the designed future-state journey
    loyalty: Loyalty | None = None
    touchpoints: list[Touchpoint] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return self.persona


class Source(Node):
    """Where research comes from: ``{id, kind, n, date, note}``, cited by ``evidence``."""

    id: Id
    kind: SourceKind
    n: Annotated[StrictInt, Field(ge=1)] | None = None  # how many people or records
    date: Text | None = None
    note: Text | None = None


class Service(Node):
    format: Literal[1] | None = None
    service: Text
    stages: list[Stage] | None = None
    channels: list[Id] = Field(default_factory=lambda: list(DEFAULT_CHANNELS))
    keys: list[Id] = Field(default_factory=lambda: list(DEFAULT_KEYS))
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    ignore: list[Text] = Field(default_factory=list)
