"""The base of every model object: a slotted dataclass that knows where it was read.

``at`` is one tuple, ``(file, position of the object, position of each YAML key in
``KEYS`` order...)``, positions packed into ints, 0 where a key was not written (trailing
zeros left off). One tuple per object, not a dict of positions: a portfolio has 120,000
model objects.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar, TypeVar, cast, dataclass_transform

Pos = tuple[int, int]
# A field's position: a packed ``(line, col)``, or for a list holding scalars a tuple
# ``(position of the list, position of item 0, item 1, ...)`` (nodes know their own).
FieldPosition = int | tuple[int, ...]
FieldPositions = dict[str, FieldPosition]
ALIASES = {"for_": "for"}  # attribute -> YAML key, where they differ
INTERNAL = frozenset({"at", "keys_declared"})  # attributes that are not YAML fields
T = TypeVar("T", bound="type[Node]")

_COLUMN_BITS = 24
_NOWHERE: tuple[Any, ...] = ("", 1 << _COLUMN_BITS | 1)


def pack(pos: Pos) -> int:
    """``(line, col)`` as one int: a large workspace keeps a position for every field."""
    return pos[0] << _COLUMN_BITS | pos[1]


def unpack(packed: int) -> Pos:
    return packed >> _COLUMN_BITS, packed & ((1 << _COLUMN_BITS) - 1)


@dataclass(slots=True, kw_only=True)
class Node:
    """A model object that knows the file, line and column it was read from."""

    KEYS: ClassVar[tuple[str, ...]] = ()  # the YAML keys, in field order
    INDEX: ClassVar[dict[str, int]] = {}
    NAMES: ClassVar[tuple[str, ...]] = ()  # the attributes that hold YAML values, in order
    at: tuple[Any, ...] = field(default=_NOWHERE, repr=False)

    def where(self, key: str | None = None, index: int | None = None) -> tuple[str, Pos]:
        """``(path, (line, col))`` of this object, or of one of its YAML keys' values."""
        at = self.at
        packed = at[1]
        slot = self.INDEX.get(key, -1) if key is not None else -1
        entry = at[slot + 2] if 0 <= slot < len(at) - 2 else 0
        if isinstance(entry, tuple):
            inside = index is not None and 0 <= index < len(entry) - 1
            packed = entry[index + 1] if inside and index is not None else entry[0]
        elif entry:
            packed = entry
        return at[0], unpack(packed)

    def locate(self, file: str, pos: Pos, positions: FieldPositions) -> None:
        """Record where this object and its keys' values stand (``positions`` by YAML key)."""
        entries = [positions.get(key, 0) for key in self.KEYS]
        while entries and not entries[-1]:
            entries.pop()
        self.at = (file, pack(pos), *entries)

    def positions(self) -> FieldPositions:
        """The recorded position of each YAML key's value, by key."""
        return {key: entry for key, entry in zip(self.KEYS, self.at[2:], strict=False) if entry}


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
def model_class(cls: T) -> T:
    """A slotted, keyword-only dataclass that knows its YAML keys in field order (``for_``
    is written ``for``)."""
    cls = cast(T, dataclass(slots=True, kw_only=True)(cls))
    cls.NAMES = tuple(f.name for f in fields(cls) if f.name not in INTERNAL)
    cls.KEYS = tuple(ALIASES.get(name, name) for name in cls.NAMES)
    cls.INDEX = {key: i for i, key in enumerate(cls.KEYS)}
    return cls


def dump(node: Node, exclude_defaults: bool = False, json: bool = False) -> dict[str, Any]:
    """The YAML keys and values of ``node``, nested objects as dicts (pydantic's
    ``model_dump(by_alias=True)``); with ``json``, tuples become lists."""
    out: dict[str, Any] = {}
    for name, key, default in _defaults(type(node)):
        value = getattr(node, name)
        if exclude_defaults and default is not MISSING and value == default:
            continue
        out[key] = _plain(value, exclude_defaults, json)
    return out


def _plain(value: Any, exclude_defaults: bool, json: bool) -> Any:
    if isinstance(value, Node):
        return dump(value, exclude_defaults, json)
    if isinstance(value, list) or (json and isinstance(value, tuple)):
        return [_plain(item, exclude_defaults, json) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item, exclude_defaults, json) for item in value)
    return value


def _defaults(cls: type[Node]) -> list[tuple[str, str, Any]]:
    """``(attribute, YAML key, default or MISSING)`` of each YAML field (factories: MISSING)."""
    found = _DEFAULTS.get(cls)
    if found is None:
        by_name = {f.name: f.default for f in fields(cls)}
        pairs = zip(cls.NAMES, cls.KEYS, strict=True)
        found = _DEFAULTS[cls] = [(name, key, by_name[name]) for name, key in pairs]
    return found


_DEFAULTS: dict[type[Node], list[tuple[str, str, Any]]] = {}
