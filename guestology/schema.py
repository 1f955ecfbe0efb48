"""One file's schema check: classify it, validate it against the model, locate every error.

pydantic does the checking; this module turns its errors into ``Problem``s with a stable
code, a sentence a service designer understands, and the ``path:line:col`` of the node.
"""

from __future__ import annotations

import datetime
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from guestology import model
from guestology.convert import to_model
from guestology.hints import top_level_hint
from guestology.loading import Document
from guestology.problems import Problem, did_you_mean, error
from guestology.schema_model import UNION_TAGS, Persona, Service

RANGES = {
    "emotion": (-2, 2),
    "severity": (1, 3),
    "delivery": (1, 5),
    "adequate": (1, 5),
    "desired": (1, 5),
    "recommend": (0, 10),
    "n": (1, None),
}
EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}
ID_RULE = "an id uses letters, digits, `-`, `_` and `.`, without spaces"


def classify(doc: Document) -> tuple[type[Persona] | type[Service] | None, list[Problem]]:
    """Is this file a persona or the service? Files that are neither, or both, are errors."""
    data = doc.data
    if "persona" in data and "service" in data:
        msg = "a file holds a persona or the service, never both"
        return None, [error(doc.path, doc.key_pos(("service",)), "persona-and-service", msg)]
    if "persona" in data:
        return Persona, []
    if "service" in data:
        return Service, []
    msg = "not a persona or service file: add a top-level `persona:` or `service:` key"
    typo = top_level_hint(data)
    if typo is not None:  # `persnoa:` -> "did you mean `persona`?", at that key
        key, hint = typo
        msg = f"not a persona or service file: unknown top-level key `{key}`{hint}"
        return None, [error(doc.path, doc.key_pos((key,)), "not-persona-or-service", msg)]
    return None, [error(doc.path, doc.pos(()), "not-persona-or-service", msg)]


def validate_document(doc: Document) -> tuple[model.Persona | model.Service | None, list[Problem]]:
    """The model of one parsed file, located, or ``None`` and the problems that stop it."""
    cls, problems = classify(doc)
    if cls is None:
        return None, problems
    try:
        checked = cls.model_validate(doc.data)
    except ValidationError as exc:
        return None, [to_problem(doc, cls, err) for err in exc.errors()]
    return to_model(checked, doc), []


def to_problem(doc: Document, cls: type[BaseModel], err: Any) -> Problem:
    loc = tuple(part for part in err["loc"] if part not in UNION_TAGS)
    kind, given = err["type"], err.get("input")
    name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "value")
    raw = doc.raw.get(_data_path(doc, loc))
    if kind == "missing":
        return error(doc.path, doc.pos(loc[:-1]), "missing-field", f"missing required `{name}`")
    if kind == "extra_forbidden":
        hint = did_you_mean(name, _fields_at(cls, loc[:-1]))
        return error(doc.path, doc.key_pos(loc), "unknown-field", f"unknown field `{name}`{hint}")
    pos = doc.pos(loc)
    if loc == ("format",):
        msg = f"unsupported format {given!r}: this guestology reads `format: 1`"
        return error(doc.path, pos, "unsupported-format", msg)
    if kind in EXPECTED and given is not None and not isinstance(given, (str, list, dict)):
        shown = raw if raw is not None else str(given)
        if EXPECTED[kind] in ("text", "a mapping"):
            msg = f'`{shown}` is read by YAML as {_describe(given)}, not text: write "{shown}"'
            return error(doc.path, pos, "quote-text", msg + " in quotes")
    if kind in EXPECTED:
        msg = f"`{name}` should be {EXPECTED[kind]}, got {_describe(given)}"
        if EXPECTED[kind] == "a list" and isinstance(given, str):
            msg += f": write [{given}]"
        return error(doc.path, pos, "wrong-type", msg)
    if kind == "literal_error":
        choices = [c.strip(" '") for c in err["ctx"]["expected"].replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(given), choices)
        msg = f"`{given}` is not a valid {name}: use one of {', '.join(choices)}"
        return error(doc.path, pos, "bad-value", msg + (hint if "did you" in hint else ""))
    if kind in ("greater_than_equal", "less_than_equal", "out_of_range"):
        return error(doc.path, pos, "out-of-range", _range_message(name, given) or err["msg"])
    if kind in ("string_pattern_mismatch", "empty_slug"):
        msg = f"`{given}` is not a valid id: {ID_RULE}" if kind != "empty_slug" else err["msg"]
        return error(doc.path, pos, "invalid-id", msg)
    return error(doc.path, pos, "invalid", f"`{name}`: {err['msg']}")


def _range_message(name: str, given: Any) -> str:
    low, high = RANGES.get(name, (None, None))
    if low is None:
        return ""
    if high is None:
        return f"`{name}` must be at least {low}, got {given}"
    return f"`{name}` must be between {low} and {high}, got {given}"


def _data_path(doc: Document, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    path: tuple[Any, ...] = ()
    for part in loc:
        if (*path, part) in doc.positions:
            path = (*path, part)
    return path


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    if isinstance(value, str):
        return f"the text {value!r}"
    return "a list" if isinstance(value, list) else "a mapping"


def _fields_at(cls: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The YAML keys allowed in the mapping at ``loc`` (for "did you mean ...?")."""
    current: Any = cls
    for part in loc:
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            continue
        fields = {info.alias or n: info for n, info in current.model_fields.items()}
        if part in fields:
            current = _model_in(fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or n for n, info in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
