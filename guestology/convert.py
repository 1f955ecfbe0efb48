"""From checked pydantic objects to the light model, each object given its positions.

``schema.validate_document`` checks a file with the pydantic classes of ``schema_model``
and hands the result to ``to_model``, so the pydantic objects of a file live only while
that file is checked. Short strings (ids, references, grades) are interned: a portfolio
names the same touchpoints and sources on thousands of steps.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from guestology import model
from guestology.model import FieldPositions, Pos, pack
from guestology.schema_model import Node as Checked

if TYPE_CHECKING:
    from guestology.loading import Document

SHORT = 64  # strings up to this length are interned
N = TypeVar("N", bound=model.Node)


def to_model(
    checked: Checked,
    doc: Document | None = None,
    path: tuple[Any, ...] = (),
    raw: Any = None,
    at: Pos | None = None,
) -> Any:
    """The light model object of ``checked``, located in ``doc`` at the data ``path``
    (without ``doc``, nothing is located). ``raw`` is the YAML data at ``path`` (the whole
    document when ``path`` is empty) and ``at`` its position, when the caller knows them:
    only the keys written there have positions to look up."""
    light = _light_class(type(checked))
    values = checked.__dict__
    kwargs: dict[str, Any] = {}
    if doc is None:
        for name in light.NAMES:
            kwargs[name] = _value(values[name], None, (), None, None)
        return _made(light, checked, kwargs)
    written = (doc.data if not path else raw) or _NOTHING
    if not isinstance(written, dict):
        written = _NOTHING  # a plain-string form: its fields were not written as keys
    positions = doc.positions
    found: FieldPositions = {}
    for name, key in zip(light.NAMES, light.KEYS, strict=True):
        value = values[name]
        if key not in written:  # a default: nothing in the file to locate
            kwargs[name] = _value(value, doc, (*path, key), None, None) if value else value
            continue
        here = (*path, key)
        pos = positions.get(here)
        kwargs[name] = _value(value, doc, here, written[key], pos)
        if pos is None:
            continue
        found[key] = pack(pos)
        if isinstance(value, (list, tuple)) and not _all_nodes(value):  # scalars (or mixed)
            items = (pack(positions.get((*here, i), pos)) for i in range(len(value)))
            found[key] = (pack(pos), *items)
    result = _made(light, checked, kwargs)
    result.locate(doc.path, at if at is not None else doc.pos(path), found)
    return result


def _made(light: type[model.Node], checked: Checked, kwargs: dict[str, Any]) -> model.Node:
    if light is model.Service:
        kwargs["keys_declared"] = "keys" in checked.model_fields_set
    return light(**kwargs)


def _value(value: Any, doc: Document | None, here: tuple[Any, ...], raw: Any, at: Any) -> Any:
    kind = value.__class__
    if kind is str:
        return sys.intern(value) if len(value) <= SHORT else value
    if kind is int or kind is bool or value is None:
        return value
    if isinstance(value, Checked):
        return to_model(value, doc, here, raw, at)
    if kind is list or kind is tuple:
        raws = raw if isinstance(raw, list) and len(raw) == len(value) else None
        positions = doc.positions if doc is not None and raws is not None else _NOTHING
        made = [
            _value(item, doc, (*here, i), raws[i] if raws else None, positions.get((*here, i)))
            for i, item in enumerate(value)
        ]
        return made if kind is list else tuple(made)
    return value


_NOTHING: dict[Any, Any] = {}


def _all_nodes(values: list[Any] | tuple[Any, ...]) -> bool:
    return all(isinstance(item, Checked) for item in values)


@cache
def _light_class(checked: type) -> type[model.Node]:
    light = getattr(model, checked.__name__)
    assert issubclass(light, model.Node), checked
    return light  # type: ignore[no-any-return]


def from_data(light: type[N], data: Any) -> N:
    """A light ``light`` object from YAML-like ``data``, checked by its pydantic class (for
    code and tests that build a model without a file); pydantic's errors are raised."""
    from guestology import schema_model

    checked: type[Checked] = getattr(schema_model, light.__name__)
    result = to_model(checked.model_validate(data))
    assert isinstance(result, light)
    return result
