"""Find a workspace's YAML files and read each one safely into a ``Document``.

A document is plain data plus the position of every node (see ``parsing``). Reading never
raises for bad input: size, encoding and YAML problems come back as located ``Problem``s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from guestology.files import YAML_SUFFIXES as YAML_SUFFIXES  # where it was defined before
from guestology.files import NotRead, read_bounded, scan_workspace
from guestology.parsing import DataPath, Pos, parse_yaml
from guestology.problems import Problem, error

MAX_FILE_BYTES = 5_000_000


@dataclass
class Document:
    """One YAML file: its data and where every value and key stands in the source."""

    path: str
    data: Any = None
    positions: dict[DataPath, Pos] = field(default_factory=dict)
    key_positions: dict[DataPath, Pos] = field(default_factory=dict)
    raw: dict[DataPath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def pos(self, path: DataPath) -> Pos:
        """The position of the value at ``path``, or of its nearest located ancestor.

        Parts of ``path`` that are not in the data (such as pydantic's union branch names)
        are skipped, so a validator's error location can be passed as it is.
        """
        best = self.positions.get((), (1, 1))
        current: DataPath = ()
        for part in path:
            candidate = (*current, part)
            if candidate in self.positions:
                current, best = candidate, self.positions[candidate]
        return best

    def key_pos(self, path: DataPath) -> Pos:
        """The position of the mapping key that holds ``path`` (falls back to ``pos``)."""
        return self.key_positions.get(tuple(path), self.pos(path))


def find_workspace_files(root: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` below ``root``, hidden folders skipped, sorted by path."""
    return scan_workspace(root).files


def load_document(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read and parse one file; problems (too large, not UTF-8, bad YAML) are collected.

    Only a regular file is opened (a FIFO or a device is ``not-a-file``), and at most
    ``max_bytes`` + 1 bytes of it are read, whatever size it claims.
    """
    shown = str(path)
    doc = Document(shown)
    try:
        data = read_bounded(path, max_bytes)
    except NotRead as exc:
        doc.problems.append(error(shown, (1, 1), exc.code, exc.message))
        return doc
    try:
        _parse(data, doc)
    except MemoryError:
        doc.data, doc.positions, doc.key_positions, doc.raw = None, {}, {}, {}
        msg = "not enough memory to read this file (--max-file-size bounds what is read)"
        doc.problems = [error(shown, (1, 1), "file-too-large", msg)]
    return doc


def _parse(data: bytes, doc: Document) -> None:
    text = _decode(data, doc)
    if text is None:
        return
    shown = doc.path
    parsed = parse_yaml(text, shown)
    doc.data, doc.problems = parsed.data, parsed.problems
    doc.positions, doc.key_positions, doc.raw = parsed.positions, parsed.key_positions, parsed.raw
    if not parsed.found and not doc.problems:
        doc.problems.append(error(shown, (1, 1), "empty-file", "file is empty"))
    elif parsed.found and not doc.problems and not isinstance(doc.data, dict):
        msg = "expected a mapping with a `persona:` or `service:` key at the top"
        doc.problems.append(error(shown, doc.pos(()), "not-mapping", msg))
        doc.data = None


def _decode(data: bytes, doc: Document) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        msg = f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        doc.problems.append(error(doc.path, (line, col), "not-utf8", msg))
        return None


@lru_cache(maxsize=64)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            char = pattern[i]
            out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
            i += 1
    return re.compile("".join(out) + r"\Z")


def is_ignored(relative: str, globs: list[str]) -> bool:
    """Does a POSIX path relative to the workspace match one of the ``ignore:`` globs?

    ``*`` matches within a folder name, ``**`` across folders, and a glob naming a folder
    (``drafts`` or ``drafts/``) ignores everything below it.
    """
    for glob in globs:
        glob = glob.strip().removeprefix("./")
        if _glob_regex(glob.rstrip("/")).match(relative):
            return True
        if _glob_regex(glob.rstrip("/") + "/**").match(relative):
            return True
    return False
