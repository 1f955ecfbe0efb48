"""YAML 1.1 scalars as the parser's events give them: resolved, built, and checked.

``parsing`` builds the data from the event stream; each scalar's value comes from here. A
number too long to convert, or an explicit tag whose text does not fit it, is a located
``Fatal`` error, never a traceback.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

MAX_NUMBER_CHARS = 1_000  # far below the 4,300 digits Python turns into text

Pos = tuple[int, int]
TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
RESOLVER = Resolver()
CONSTRUCTOR = SafeConstructor()
STR, INT, MERGE_TAG = TAG + "str", TAG + "int", TAG + "merge"
NUMBER_TAGS = {INT, TAG + "float", TAG + "timestamp"}


@lru_cache(maxsize=4096)
def resolve_plain(text: str) -> str:
    """The tag YAML 1.1 gives a plain scalar (cached: ids and numbers repeat a lot)."""
    return str(RESOLVER.resolve(ScalarNode, text, (True, False)))


class Fatal(Exception):
    """A problem that stops reading the file, at ``pos``."""

    def __init__(self, pos: Pos, code: str, message: str) -> None:
        super().__init__(message)
        self.pos, self.code, self.message = pos, code, message


def misread(value: Any, text: str) -> bool:
    """Did YAML 1.1 turn this plain scalar into something whose text we cannot rebuild?"""
    if value is None or isinstance(value, str):
        return False
    if not isinstance(value, int) or isinstance(value, bool):
        return True
    try:
        return str(value) != text
    except ValueError:  # more digits than PYTHONINTMAXSTRDIGITS allows
        return True


def construct_scalar(tag: str, text: str, pos: Pos = (1, 1)) -> Any:
    """The value of a scalar with a resolved ``tag``: any failure is a located ``Fatal``.

    Numbers longer than ``MAX_NUMBER_CHARS`` are ``out-of-range`` before any conversion (an
    integer of 4,300 digits or more cannot even become text again); an empty or malformed
    value under an explicit tag (``!!int ''``, ``!!timestamp foo``) is ``bad-scalar``.
    """
    if tag in (STR, MERGE_TAG):
        return text
    if tag == TAG + "null":
        return None
    if tag in NUMBER_TAGS and len(text) > MAX_NUMBER_CHARS:
        msg = f"a number of {len(text):,} characters is too long (the limit is {MAX_NUMBER_CHARS})"
        raise Fatal(pos, "out-of-range", msg)
    try:
        if tag == INT and text.isdigit() and (text == "0" or text[0] != "0"):
            return int(text)
        return CONSTRUCTOR.yaml_constructors[tag](CONSTRUCTOR, ScalarNode(tag, text))
    except Exception as exc:  # PyYAML's constructors raise IndexError, AttributeError...
        what, shown = quoted(text) if text else "an empty value", tag.replace(TAG, "!!")
        raise Fatal(pos, "bad-scalar", f"cannot read {what} as {shown}") from exc


def quoted(text: str, limit: int = 60) -> str:
    """``text`` in backquotes for a message, cut to ``limit`` characters."""
    return f"`{text}`" if len(text) <= limit else f"`{text[: limit - 1]}…`"
