"""A small, fast YAML emitter for generated workspaces.

Block style for mappings and long lists, flow style (``[a, b]``, ``{id: x, text: y}``) for
short leaves, as a person would write them. A string is left plain only when it cannot
load as anything but that string: it starts with a letter, holds only letters, digits,
spaces and ``.-_'?`` and is not a YAML 1.1 word (yes/no/on/off/y/n/true/false/null, any
case). Everything else is double-quoted with JSON escapes, which YAML reads the same way.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

Value = str | int | bool | list["Value"] | dict[str, "Value"]

FLOW_WIDTH = 100
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._'?-]*")
_YAML11_WORDS = ("y", "n", "yes", "no", "on", "off", "true", "false", "null")
BLOCK_KEYS = ("touchpoints", "journey")  # lists of records: always one block per item


def to_yaml(document: dict[str, Value]) -> str:
    """The document as YAML text, ending with a newline."""
    lines: list[str] = []
    _block_mapping(document, 0, "", lines)
    lines.append("")
    return "\n".join(lines)


@lru_cache(maxsize=1 << 16, typed=True)  # ids and word-list phrases repeat a lot
def to_scalar(value: str | int | bool) -> str:
    """One scalar, quoted when a plain one could load as something else."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if _PLAIN.fullmatch(value) and value[-1] != " " and value.lower() not in _YAML11_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def _flow(value: Value, key: str = "") -> str | None:
    """The value in flow style, or None when it is too long for one line (or BLOCK_KEYS)."""
    if isinstance(value, (str, int)):
        return to_scalar(value)
    if key in BLOCK_KEYS:
        return None
    if isinstance(value, list):
        parts = [_flow(v) for v in value]
        text = "[" + ", ".join(p for p in parts if p is not None) + "]"
    else:
        parts = [_flow(v) for v in value.values()]
        pairs = zip(value, parts, strict=True)
        text = "{" + ", ".join(f"{k}: {p}" for k, p in pairs if p is not None) + "}"
    return None if None in parts or len(text) > FLOW_WIDTH else text


def _block_mapping(mapping: dict[str, Value], indent: int, first: str, lines: list[str]) -> None:
    """Append a block mapping; ``first`` replaces the indent of its first line (``- ``)."""
    pad = " " * indent
    for key, value in mapping.items():
        lead, first = first or pad, ""
        flow = _flow(value, key)
        if flow is not None:
            lines.append(f"{lead}{key}: {flow}")
        elif isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            _block_mapping(value, indent + 2, "", lines)
        else:
            assert isinstance(value, list)
            lines.append(f"{lead}{key}:")
            _block_sequence(value, indent + 2, lines, key in BLOCK_KEYS)


def _block_sequence(items: list[Value], indent: int, lines: list[str], block: bool) -> None:
    """Append a block sequence, one ``- `` line (or block mapping, always if ``block``)."""
    pad = " " * indent
    for item in items:
        flow = None if block and isinstance(item, dict) else _flow(item)
        if flow is not None:
            lines.append(f"{pad}- {flow}")
        elif isinstance(item, dict):
            _block_mapping(item, indent + 2, f"{pad}- ", lines)
        else:
            assert isinstance(item, list)
            lines.append(f"{pad}-")
            _block_sequence(item, indent + 2, lines, False)
