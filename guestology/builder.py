"""The builder behind ``parsing.parse_yaml``: plain data and positions from YAML events.

One handler per event class (the parser's hot loop looks each up); a stack of frames for
the mappings and lists being read; anchors with the number of nodes each expands to, so
that alias bombs stop at ``MAX_ALIAS_NODES``; ``<<`` merges located where their winning
values stand.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from guestology.problems import Problem, error
from guestology.scalars import (
    MERGE_TAG,
    SCALAR_TAGS,
    STR,
    TAG,
    Fatal,
    construct_scalar,
    misread,
    quoted,
    resolve_plain,
)

_MERGE = object()
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000

Pos = tuple[int, int]
DataPath = tuple[Any, ...]


@dataclass
class Parsed:
    data: Any = None
    found: bool = False
    positions: dict[DataPath, Pos] = field(default_factory=dict)
    key_positions: dict[DataPath, Pos] = field(default_factory=dict)
    raw: dict[DataPath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def mark_pos(mark: Any) -> Pos:
    return (mark.line + 1, mark.column + 1)


class _MergeSource:
    """A path part of its own for one ``<<`` value: what it holds is located under it (in
    ``_Builder.shadow``) until the merge is applied and the keys that win are moved."""

    __slots__ = ()


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


class Builder:
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
                raise Fatal(mark_pos(event.start_mark), "multiple-documents", msg)

    def _check_tag(self, tag: str | None, allowed: set[str], pos: Pos) -> None:
        if tag is not None and tag != "!" and tag not in allowed:
            shown = tag.replace(TAG, "!!")
            msg = f"tag `{shown}` is not allowed: persona files hold plain data only"
            raise Fatal(pos, "unsafe-tag", msg)

    def _scalar(self, event: Any) -> None:
        mark, tag, text = event.start_mark, event.tag, event.value
        pos = (mark.line + 1, mark.column + 1)
        if tag is not None:
            self._check_tag(tag, SCALAR_TAGS, pos)
        if tag is None or tag == "!":
            tag = resolve_plain(text) if event.implicit[0] else STR
        stack = self.stack
        if stack and stack[-1].key is None and type(stack[-1].value) is dict:
            key = _MERGE if tag == MERGE_TAG else sys.intern(text)
            self._add(key, pos, 1, event.anchor, None)
            return
        value = text if tag == STR else construct_scalar(tag, text, pos)
        plain = event.implicit[0] and not event.style
        raw = text if plain and value is not text and misread(value, text) else None
        self._add(value, pos, 1, event.anchor, raw)

    def _start(self, event: Any, value: dict[str, Any] | list[Any]) -> None:
        pos = mark_pos(event.start_mark)
        allowed = {TAG + ("map" if isinstance(value, dict) else "seq")}
        self._check_tag(event.tag, allowed, pos)
        if len(self.stack) >= MAX_DEPTH:
            raise Fatal(pos, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
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
        pos = mark_pos(event.start_mark)
        if event.anchor not in self.anchors:
            if any(frame.anchor == event.anchor for frame in self.stack):
                raise Fatal(pos, "recursive-alias", f"alias `*{event.anchor}` refers to itself")
            raise Fatal(pos, "unknown-alias", f"alias `*{event.anchor}` has no anchor before it")
        value, weight = self.anchors[event.anchor]
        self.expanded += weight
        if self.expanded > MAX_ALIAS_NODES:
            msg = f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?)"
            raise Fatal(pos, "alias-limit", msg)
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
            raise Fatal(pos, "complex-key", "mapping keys must be plain text")
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
                raise Fatal(pos, "bad-merge", "`<<` merges a mapping or a list of mappings")
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
