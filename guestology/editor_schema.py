"""A JSON Schema (draft 2020-12) of the two file kinds, for editors' completion and hover help.

The schema is generated from the pydantic model (``Persona`` and ``Service``) and then adjusted
where the model accepts more than its fields say: the before-validators that read a plain
string as a compass item, a stage, a pain point or an opportunity, and a bare number as an
``expectation``. Cross-file rules (references, duplicate ids) and value relations (``adequate``
not above ``desired``) are the validator's job: a schema cannot see them.

>>> schema = editor_schema("persona")     # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from guestology import schema_model
from guestology.model import ID_PATTERN
from guestology.schema_model import Item, Persona, Service

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Kind = Literal["persona", "service"]
KINDS: dict[str, type[BaseModel]] = {"persona": Persona, "service": Service}
TITLES = {
    "persona": "Guestology persona file",
    "service": "Guestology service file",
    None: "Guestology workspace file (a persona or the service)",
}
SLUGGABLE = "[^\\W_]"  # a plain-string compass item needs a letter or digit to make its id
PLAIN_FORMS: dict[str, dict[str, Any]] = {  # model class name -> the plain form it also reads
    "Stage": {"type": "string", "pattern": ID_PATTERN, "description": "id and name in one"},
    "PainPoint": {"type": "string", "description": "the pain point's text (severity 2)"},
    "Opportunity": {"type": "string", "description": "the opportunity's text"},
    "Expectation": {"type": "integer", "minimum": 1, "maximum": 5, "description": "1..5"},
}
# Plain text that guestology (YAML 1.1, as PyYAML) reads as a boolean or a number, while
# editors (YAML 1.2) read it as text: `validate` wants it quoted, so the schema refuses it
# (quoted, it is refused too: the schema cannot see quotes). Dates are left alone: `date:`
# holds one, quoted.
YAML11 = "^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+)$"
YAML11_HELP = "yes, no, on, off and times like 12:30 are not text to guestology: quote them"
ITEM_FORM = {"type": "string", "pattern": SLUGGABLE, "description": "text; the id is its slug"}

DEFINITIONS = {  # hover help for each kind of object (the model's docstrings are for developers)
    "Need": "A need (North): {id, text, priority}, or plain text (its id is the slug).",
    "Want": "A want (West): {id, text, priority, for}, or plain text (its id is the slug).",
    "Stereotype": "A stereotype (South): {id, text, valence}, or plain text.",
    "Emotion": "An emotion (East): {id, text, valence}, or plain text.",
    "Expectation": "What the persona expects: 1..5, or a zone {adequate: 2, desired: 4}.",
    "PainPoint": "A pain point: {text, severity}, or plain text (severity 2).",
    "Opportunity": "An opportunity: {text, effort, impact}, or plain text.",
    "Stage": "A journey stage: {id, name}, or a plain id (the name is the id).",
    "Step": "A journey step: the touchpoint visited and how it felt.",
    "Touchpoint": "A moment the guest meets the service (or backstage work that enables one).",
    "Source": "Where research comes from: {id, kind, n, date, note}; `evidence` cites its id.",
    "Quote": "Evidence with the source's own words: {source, quote}.",
    "Loyalty": "What happened after the journey: {returns, recommend}.",
}
EVIDENCE = "Source ids from the service's `sources:`, or {source, quote}: what this rests on."
DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("Persona", "persona"): "The persona's id, unique in the workspace.",
    ("Persona", "kind"): "guest (default) or cast: an internal customer.",
    ("Persona", "demographics"): "Free-form facts: party size, home, visits...",
    ("Persona", "attention"): "Free tags that call for attention (young-children, ...).",
    ("Persona", "compass"): "The Guest Compass: needs (N), wants (W), stereotypes (S), "
    "emotions (E).",
    ("Persona", "journey"): "Ordered steps: the persona's flow through the touchpoints.",
    ("Persona", "format"): "The file format version: 1.",
    ("Service", "service"): "The service's display name.",
    ("Service", "stages"): "Ordered journey stages (the columns of a journey map).",
    ("Service", "channels"): "The channels touchpoints may use.",
    ("Service", "keys"): "The quality keys, in priority order (the Five Keys by default).",
    ("Service", "ignore"): "Globs of files the workspace skips, relative to it.",
    ("Service", "format"): "The file format version: 1.",
    ("Compass", "needs"): "North: basic, must-be needs.",
    ("Compass", "wants"): "West: preferences tied to needs.",
    ("Compass", "stereotypes"): "South: preconceptions to counter (or reinforce).",
    ("Compass", "emotions"): "East: how the guest feels along the way.",
    ("Want", "for"): "The need ids this want refines.",
    ("Step", "touchpoint"): "The touchpoint id this step visits.",
    ("Step", "emotion"): "How the persona feels here: -2 (very bad) .. 2 (very good).",
    ("Step", "expectation"): "What the persona expects, 1..5, or {adequate, desired}.",
    ("Step", "delivery"): "What the service delivers, 1..5.",
    ("Step", "serves"): "Ids of this persona's needs and wants that this step serves.",
    ("Step", "evokes"): "Ids of this persona's emotions that this step evokes.",
    ("Step", "counters"): "Ids of this persona's stereotypes that this step breaks down.",
    ("Step", "reinforces"): "Ids of this persona's stereotypes that this step confirms.",
    ("Step", "wow"): "Small gestures that delight (frugal wow).",
    ("Touchpoint", "id"): "The touchpoint's id, unique in the workspace.",
    ("Touchpoint", "stage"): "A stage id.",
    ("Touchpoint", "channel"): "One of the service's channels.",
    ("Touchpoint", "visibility"): "onstage (the guest sees it) or backstage.",
    ("Touchpoint", "system"): "The delivery system: cast, setting or process.",
    ("Touchpoint", "keys"): "The quality keys this touchpoint carries.",
    ("Touchpoint", "moment_of_truth"): "A moment that makes or breaks the experience.",
    ("Touchpoint", "supports"): "Touchpoint ids this one enables (backstage -> onstage).",
    ("Expectation", "adequate"): "The lowest delivery the persona accepts (1..5).",
    ("Expectation", "desired"): "The delivery the persona hopes for (1..5).",
    ("PainPoint", "severity"): "1 (annoying) .. 3 (severe).",
    ("PainPoint", "key"): "The quality key this pain breaks (never inherited from the touchpoint).",
    ("PainPoint", "cause"): "internal (default) or external: not our fault, but our problem.",
    ("PainPoint", "themes"): "Free tags that group pains across personas (wayfinding, ...).",
    ("Step", "recovers"): "A touchpoint visited earlier in this journey whose failure this step "
    "makes good.",
    ("Touchpoint", "status"): "live (default), planned (future journeys only) or retired.",
    ("Persona", "future"): "The designed future-state journey: steps shaped as in `journey`.",
    ("Persona", "loyalty"): "What happened after the journey: {returns, recommend 0..10}.",
    ("Service", "sources"): "Where the research comes from; `evidence` cites these ids.",
    ("Source", "id"): "The source's id, cited by `evidence`.",
    ("Source", "kind"): "interview, survey, observation, analytics, review or assumption.",
    ("Source", "n"): "How many people or records (1 or more).",
    ("Source", "date"): 'When, as text: "2026-05-14" (in quotes, or YAML reads a date).',
    ("Quote", "source"): "A source id from the service's `sources:`.",
    ("Quote", "quote"): "What the source said.",
    ("Loyalty", "returns"): "Does the persona come back? true or false.",
    ("Loyalty", "recommend"): "How likely to recommend, 0..10.",
    **{
        (name, "evidence"): EVIDENCE
        for name in ("Persona", "Need", "Want", "Stereotype", "Emotion", "Step", "PainPoint")
    },
}


def editor_schema(kind: Kind | None = None) -> dict[str, Any]:
    """The schema of one file kind, or (``None``) of any workspace file."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown file kind {kind!r}")
    names = [kind] if kind else list(KINDS)
    _, generated = models_json_schema(
        [(KINDS[name], "validation") for name in names], ref_template="#/$defs/{model}"
    )
    defs = adjust_definitions(generated["$defs"])
    refs = [{"$ref": f"#/$defs/{KINDS[name].__name__}"} for name in names]
    root: dict[str, Any] = {"$schema": DRAFT, "title": TITLES[kind]}
    if len(refs) == 1:
        root.update(refs[0])
    else:  # not anyOf: its best match would be "additional properties" at the top
        root.update({"if": {"required": ["service"]}, "then": refs[1], "else": refs[0]})
    root["$defs"] = defs
    return root


def adjust_definitions(defs: dict[str, Any]) -> dict[str, Any]:
    """Add the plain forms the model's before-validators read, and hover descriptions."""
    out = _text_as_read(_adjust(defs))
    assert isinstance(out, dict)
    return out


def _text_as_read(schema: Any) -> Any:
    """Every free text or id refuses what YAML 1.1 reads as something else (``YAML11``);
    ``anyOf [X, null]`` becomes ``X`` or null, so that a wrong value's error is X's own."""
    if isinstance(schema, list):
        return [_text_as_read(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: _text_as_read(value) for key, value in schema.items()}
    if out.get("type") == "string" and not {"enum", "const"} & out.keys():
        out["not"] = {"pattern": YAML11, "description": YAML11_HELP}
    options = out.get("anyOf", [])
    if len(options) == 2 and options[1] == {"type": "null"}:
        del out["anyOf"]  # something or nothing: errors from the something, at the value
        if options[0].get("type") == "string":
            return {**options[0], **out, "type": ["string", "null"]}
        return {**out, "if": {"type": "null"}, "else": options[0]}
    return out


def _adjust(defs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, definition in defs.items():
        definition = _describe(name, definition)
        plain = plain_form(name)
        if plain is not None:  # if/then/else, not anyOf: errors then point at the value
            title = definition.pop("title", name)
            doc = definition.pop("description", None)
            shape = {"type": plain["type"]}
            definition = {"title": title, "if": shape, "then": plain, "else": definition}
            if doc:
                definition["description"] = doc
        out[name] = definition
    return out


def plain_form(name: str) -> dict[str, Any] | None:
    """The non-mapping form a model class also accepts, or ``None``."""
    cls = getattr(schema_model, name, None)
    if isinstance(cls, type) and issubclass(cls, Item):
        return dict(ITEM_FORM)
    return dict(PLAIN_FORMS[name]) if name in PLAIN_FORMS else None


def _describe(name: str, definition: dict[str, Any]) -> dict[str, Any]:
    definition = dict(definition)
    if name in DEFINITIONS:
        definition["description"] = DEFINITIONS[name]
    properties = {key: dict(value) for key, value in definition.get("properties", {}).items()}
    for key, value in properties.items():
        text = DESCRIPTIONS.get((name, key))
        if text:
            value["description"] = text
    if properties:
        definition["properties"] = properties
    return definition
