"""Safe YAML parsing that keeps the line and column of every node.

PyYAML's composer recurses in C (a few thousand nested brackets crash the process) and its
constructor expands aliases without bound. So this module builds plain Python data straight
from the parser's event stream, iteratively:

- every value's position is kept by its *data path* (``("journey", 3, "emotion")``), and every
  mapping key's position too, so validation can point at ``path:line:col``; a key that a
  merge (``<<``) brings in stands where its winning value stands, and an explicit key wins;
- duplicate mapping keys, custom tags (``!!python/object``...), nesting deeper than
  ``MAX_DEPTH``, recursive aliases and alias expansion beyond ``MAX_ALIAS_NODES`` are errors;
- plain scalars that YAML 1.1 reads as something other than text (``no``, ``1.10``, ``12:30``)
  keep their source text in ``raw`` so that validation can suggest quotes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from guestology.hints import explain_syntax
from guestology.problems import Problem, error

MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000
MAX_NUMBER_CHARS = 1_000  # far below the 4,300 digits Python turns into text

Pos = tuple[int, int]
DataPath = tuple[Any, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()
_MERGE = object()
_STR, _INT, _MERGE_TAG = _TAG + "str", _TAG + "int", _TAG + "merge"
_NUMBER_TAGS = {_INT, _TAG + "float", _TAG + "timestamp"}


@lru_cache(maxsize=4096)
def _resolve_plain(text: str) -> str:
    """The tag YAML 1.1 gives a plain scalar (cached: ids and numbers repeat a lot)."""
    return str(_RESOLVER.resolve(ScalarNode, text, (True, False)))


class _MergeSource:
    """A path part of its own for one ``<<`` value: what it holds is located under it (in
    ``_Builder.shadow``) until the merge is applied and the keys that win are moved."""

    __slots__ = ()


class _Fatal(Exception):
    def __init__(self, pos: Pos, code: str, message: str) -> None:
        super().__init__(message)
        self.pos, self.code, self.message = pos, code, message


@dataclass
class _Frame:
    value: dict[str, Any] | list[Any]
    path: DataPath
    pos: Pos
    anchor: str | None
    shadow: bool = False  # inside a `<<` value: positions go to the builder's shadow
    weight: int = 1
    key: Any = None
    key_pos: Pos = (0, 0)
    merge_path: DataPath | None = None  # where the `<<` value being read is located
    merges: list[tuple[dict[str, Any], DataPath | None]] = field(default_factory=list)


@dataclass
class Parsed:
    data: Any = None
    found: bool = False
    positions: dict[DataPath, Pos] = field(default_factory=dict)
    key_positions: dict[DataPath, Pos] = field(default_factory=dict)
    raw: dict[DataPath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _pos(mark: Any) -> Pos:
    return (mark.line + 1, mark.column + 1)


def _misread(value: Any, text: str) -> bool:
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
    """The value of a scalar with a resolved ``tag``: any failure is a located ``_Fatal``.

    Numbers longer than ``MAX_NUMBER_CHARS`` are ``out-of-range`` before any conversion (an
    integer of 4,300 digits or more cannot even become text again); an empty or malformed
    value under an explicit tag (``!!int ''``, ``!!timestamp foo``) is ``bad-scalar``.
    """
    if tag in (_STR, _MERGE_TAG):
        return text
    if tag == _TAG + "null":
        return None
    if tag in _NUMBER_TAGS and len(text) > MAX_NUMBER_CHARS:
        msg = f"a number of {len(text):,} characters is too long (the limit is {MAX_NUMBER_CHARS})"
        raise _Fatal(pos, "out-of-range", msg)
    try:
        if tag == _INT and text.isdigit() and (text == "0" or text[0] != "0"):
            return int(text)
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, ScalarNode(tag, text))
    except Exception as exc:  # PyYAML's constructors raise IndexError, AttributeError...
        what, shown = quoted(text) if text else "an empty value", tag.replace(_TAG, "!!")
        raise _Fatal(pos, "bad-scalar", f"cannot read {what} as {shown}") from exc


def quoted(text: str, limit: int = 60) -> str:
    """``text`` in backquotes for a message, cut to ``limit`` characters."""
    return f"`{text}`" if len(text) <= limit else f"`{text[: limit - 1]}…`"


def _offset_pos(text: str, offset: int) -> Pos:
    line_start = text.rfind("\n", 0, offset) + 1
    return (text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _syntax_problem(exc: yaml.MarkedYAMLError, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    where = _pos(mark) if mark is not None else (1, 1)
    if "nesting depth" in str(exc.problem):  # libyaml >= 0.2.5 stops at 1,000 levels itself
        return error(path, where, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
    message = f"YAML syntax: {exc.problem or exc.context}"
    if exc.context and exc.problem and exc.context_mark is not None:
        line, col = _pos(exc.context_mark)
        message += f" ({exc.context} at line {line}, column {col})"
    return error(path, where, "yaml-syntax", message)


def parse_yaml(text: str, path: str) -> Parsed:
    """Parse one YAML document into plain data with positions; never raises for bad input."""
    builder = _Builder(path)
    loader = _Loader(text)
    handlers, other, get_event = builder.handlers, builder.other_event, loader.get_event
    try:
        while type(event := get_event()) is not yaml.StreamEndEvent:
            handlers.get(type(event), other)(event)
    except _Fatal as fatal:
        builder.out.problems.append(error(path, fatal.pos, fatal.code, fatal.message))
        builder.out.data = None
    except yaml.MarkedYAMLError as exc:
        builder.out.problems.append(explain_syntax(_syntax_problem(exc, path), exc, text))
        builder.out.data = None
    except yaml.reader.ReaderError as exc:  # control characters: a position, not a mark
        pos = _offset_pos(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        msg = f"character U+{code:04X} is not allowed in YAML ({exc.reason})"
        builder.out.problems.append(error(path, pos, "bad-character", msg))
        builder.out.data = None
    finally:
        loader.dispose()
        # The handlers hold bound methods of the builder: a cycle that, with the garbage
        # collector paused while a workspace loads, kept every file's positions alive
        # until the end (validate at 1,000 personas: 422 MB peak; 233 MB once broken).
        builder.handlers = {}
    return builder.out


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.out = Parsed()
        self.shadow = Parsed()  # positions inside `<<` values, until their merge is applied
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.documents = 0
        self.expanded = 0
        # The data events by class: the parser's hot loop looks each event up here.
        self.handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: lambda event: self._start(event, {}),
            yaml.SequenceStartEvent: lambda event: self._start(event, []),
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.AliasEvent: self._alias,
        }

    def other_event(self, event: Any) -> None:
        """The events that carry no data: only a second document matters."""
        if type(event) is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                msg = "a file holds one YAML document; remove the second `---` and what follows"
                raise _Fatal(_pos(event.start_mark), "multiple-documents", msg)

    def _check_tag(self, tag: str | None, allowed: set[str], pos: Pos) -> None:
        if tag is not None and tag != "!" and tag not in allowed:
            shown = tag.replace(_TAG, "!!")
            msg = f"tag `{shown}` is not allowed: persona files hold plain data only"
            raise _Fatal(pos, "unsafe-tag", msg)

    def _scalar(self, event: Any) -> None:
        mark, tag, text = event.start_mark, event.tag, event.value
        pos = (mark.line + 1, mark.column + 1)
        if tag is not None:
            self._check_tag(tag, _SCALAR_TAGS, pos)
        if tag is None or tag == "!":
            tag = _resolve_plain(text) if event.implicit[0] else _STR
        stack = self.stack
        if stack and stack[-1].key is None and type(stack[-1].value) is dict:
            key = _MERGE if tag == _MERGE_TAG else sys.intern(text)
            self._add(key, pos, 1, event.anchor, None)
            return
        value = text if tag == _STR else construct_scalar(tag, text, pos)
        plain = event.implicit[0] and not event.style
        raw = text if plain and value is not text and _misread(value, text) else None
        self._add(value, pos, 1, event.anchor, raw)

    def _start(self, event: Any, value: dict[str, Any] | list[Any]) -> None:
        pos = _pos(event.start_mark)
        allowed = {_TAG + ("map" if isinstance(value, dict) else "seq")}
        self._check_tag(event.tag, allowed, pos)
        if len(self.stack) >= MAX_DEPTH:
            raise _Fatal(pos, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
        path, shadow = self._child_path()
        self.stack.append(_Frame(value, path, pos, event.anchor, shadow))

    def _child_path(self) -> tuple[DataPath, bool]:
        if not self.stack:
            return (), False
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value)), top.shadow
        if top.key is _MERGE:
            top.merge_path = (*top.path, _MergeSource())
            return top.merge_path, True
        return ((*top.path, top.key) if top.key is not None else top.path), top.shadow

    def _end(self, event: Any = None) -> None:
        frame = self.stack.pop()
        if isinstance(frame.value, dict) and frame.merges:
            self._apply_merges(frame)
        self._add(frame.value, frame.pos, frame.weight, frame.anchor, None)

    def _apply_merges(self, frame: _Frame) -> None:
        """Explicit keys win, then the first source that has a key (YAML's merge rule)."""
        assert isinstance(frame.value, dict)
        merged: dict[str, Any] = {}
        winners: dict[str, DataPath | None] = {}
        for source, where in frame.merges:
            for key, value in source.items():
                if key not in merged and key not in frame.value:
                    merged[key], winners[key] = value, where
        self._locate_merged(frame, winners)
        merged.update(frame.value)
        frame.value.clear()
        frame.value.update(merged)

    def _locate_merged(self, frame: _Frame, winners: dict[str, DataPath | None]) -> None:
        """Move the shadow positions of the winning merged values under ``frame``'s path."""
        sources = {where for _, where in frame.merges if where is not None}
        if not sources:
            return
        depth = len(frame.path)
        markers = {where[depth] for where in sources}  # this frame's own `<<` values
        target = self.shadow if frame.shadow else self.out
        for name in ("positions", "key_positions", "raw"):
            shadow, table = getattr(self.shadow, name), getattr(target, name)
            for path in [p for p in shadow if len(p) > depth and p[depth] in markers]:
                value = shadow.pop(path)
                where = path[: depth + 1] if path[: depth + 1] in sources else path[: depth + 2]
                if len(path) > len(where) and winners.get(path[len(where)]) == where:
                    table[(*frame.path, *path[len(where) :])] = value

    def _alias(self, event: Any) -> None:
        pos = _pos(event.start_mark)
        if event.anchor not in self.anchors:
            if any(frame.anchor == event.anchor for frame in self.stack):
                raise _Fatal(pos, "recursive-alias", f"alias `*{event.anchor}` refers to itself")
            raise _Fatal(pos, "unknown-alias", f"alias `*{event.anchor}` has no anchor before it")
        value, weight = self.anchors[event.anchor]
        self.expanded += weight
        if self.expanded > MAX_ALIAS_NODES:
            msg = f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?)"
            raise _Fatal(pos, "alias-limit", msg)
        self._add(value, pos, weight, None, None)

    def _add(self, value: Any, pos: Pos, weight: int, anchor: str | None, raw: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, weight)
        if not self.stack:
            self.out.data, self.out.found = value, True
            self.out.positions[()] = pos
            return
        top = self.stack[-1]
        top.weight += weight
        path: DataPath | None
        if isinstance(top.value, list):
            path = (*top.path, len(top.value))
            top.value.append(value)
        elif top.key is None:
            self._take_key(top, value, pos)
            return
        else:
            path = self._map_value(top, value, pos)
        if path is not None:
            out = self.shadow if top.shadow else self.out
            out.positions[path] = pos
            if raw is not None:
                out.raw[path] = raw

    def _take_key(self, top: _Frame, key: Any, pos: Pos) -> None:
        if not isinstance(key, str) and key is not _MERGE:
            raise _Fatal(pos, "complex-key", "mapping keys must be plain text")
        if isinstance(key, str) and key in top.value:
            out = self.shadow if top.shadow else self.out
            first = out.key_positions.get((*top.path, key), pos)
            msg = f"key {quoted(key)} appears twice in this mapping (first at line {first[0]})"
            self.out.problems.append(error(self.path, pos, "duplicate-key", msg))
        top.key, top.key_pos = key, pos

    def _map_value(self, top: _Frame, value: Any, pos: Pos) -> DataPath | None:
        assert isinstance(top.value, dict)
        key, top.key = top.key, None
        if key is _MERGE:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(s, dict) for s in sources):
                raise _Fatal(pos, "bad-merge", "`<<` merges a mapping or a list of mappings")
            base, top.merge_path = top.merge_path, None  # None: an alias, located elsewhere
            if base is None:
                top.merges.extend((source, None) for source in sources)
            elif isinstance(value, list):
                top.merges.extend((source, (*base, i)) for i, source in enumerate(sources))
            else:
                top.merges.append((value, base))
            return None
        if key in top.value:
            return None
        path = (*top.path, key)
        top.value[key] = value
        (self.shadow if top.shadow else self.out).key_positions[path] = top.key_pos
        return path
