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
from guestology.model import FieldPositions, pack
from guestology.schema_model import Node as Checked

if TYPE_CHECKING:
    from guestology.loading import Document

SHORT = 64  # strings up to this length are interned
N = TypeVar("N", bound=model.Node)


def to_model(checked: Checked, doc: Document | None = None, path: tuple[Any, ...] = ()) -> Any:
    """The light model object of ``checked``, located in ``doc`` at the data ``path``
    (without ``doc``, nothing is located)."""
    light = _light_class(type(checked))
    values, kwargs = checked.__dict__, {}
    positions: FieldPositions = {}
    for name, key in zip(light.NAMES, light.KEYS, strict=True):
        here = (*path, key)
        value = values[name]
        pos = doc.positions.get(here) if doc is not None else None
        kwargs[name] = _value(value, doc, here)
        if pos is None:
            continue
        positions[key] = pack(pos)
        scalars = isinstance(value, (list, tuple)) and not _all_nodes(value)
        if scalars and doc is not None:  # (an `evidence` list may mix both)
            items = (pack(doc.positions.get((*here, i), pos)) for i in range(len(value)))
            positions[key] = (pack(pos), *items)
    if light is model.Service:
        kwargs["keys_declared"] = "keys" in checked.model_fields_set
    result = light(**kwargs)
    if doc is not None:
        result.locate(doc.path, doc.pos(path), positions)
    return result


def _value(value: Any, doc: Document | None, here: tuple[Any, ...]) -> Any:
    if isinstance(value, str):
        return sys.intern(value) if len(value) <= SHORT else value
    if isinstance(value, Checked):
        return to_model(value, doc, here)
    if isinstance(value, list):
        return [_value(item, doc, (*here, i)) for i, item in enumerate(value)]
    if isinstance(value, tuple):
        return tuple(_value(item, doc, (*here, i)) for i, item in enumerate(value))
    return value


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
