"""A journey read from another tool, before it has ids: what every importer produces.

Importers name things as their source does (a stage, a touchpoint and a persona are names);
``guestology.interop.writer`` turns a ``Draft`` into workspace files and chooses the ids.
A touchpoint is its stage and its name: the same name in one stage is one touchpoint.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from guestology.model import ID_PATTERN, slugify
from guestology.problems import GuestologyError, Level, Problem


@dataclass
class DraftStep:
    stage: str
    touchpoint: str
    emotion: int
    doing: str | None = None
    thinking: str | None = None
    pain_points: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    origin: str = ""  # where it was read, e.g. `journey.mmd:7`, kept as a comment
    note: str | None = None  # what else the source said, kept as a comment


@dataclass
class DraftPersona:
    name: str
    steps: list[DraftStep] = field(default_factory=list)
    summary: str | None = None


@dataclass
class Draft:
    source: str  # the file's name, for comments
    form: str  # e.g. "a mermaid journey"
    service: str
    personas: list[DraftPersona] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # an order the source gives, if any
    runs: list[list[str]] = field(default_factory=list)  # stage sequences, e.g. sections
    assumptions: list[str] = field(default_factory=list)

    def persona(self, name: str) -> DraftPersona:
        """The persona of that name, added at the end when new."""
        for persona in self.personas:
            if persona.name == name:
                return persona
        self.personas.append(DraftPersona(name))
        return self.personas[-1]

    def stage_order(self) -> list[str]:
        """The source's stage order, else each journey's sections merged in order of use."""
        order = list(self.stages)
        runs = [*self.runs, *([s.stage for s in p.steps] for p in self.personas)]
        for run in runs:
            cursor = -1
            for stage in run:
                if stage in order:
                    cursor = max(cursor, order.index(stage))
                else:
                    cursor += 1
                    order.insert(cursor, stage)
        return order


class ImportProblems(GuestologyError):
    """The source cannot be imported: every problem found, each at ``path:line:col``."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def problem(path: str, at: tuple[int, int], code: str, message: str) -> Problem:
    """An import error (its codes are listed in docs/interop.md, not in problems.CODES)."""
    return Problem(path, at[0], at[1], Level.ERROR, code, message)


def unique_id(text: str, taken: set[str], fallback: str) -> str:
    """A new id from ``text`` (its slug), or ``fallback``; ``-2``, ``-3`` when taken."""
    base = "".join(c for c in slugify(text) if _id_character(c)).strip("-.")
    if not base or not re.fullmatch(ID_PATTERN, base):
        base = fallback
    chosen, n = base, 1
    while chosen in taken:
        n += 1
        chosen = f"{base}-{n}"
    taken.add(chosen)
    return chosen


def _id_character(char: str) -> bool:
    """Letters, digits, marks, `_`, `.`, `-`: what both Python's and pydantic's (Rust) `\\w`
    take (``¹`` is a word character for Python, not for pydantic)."""
    return char.isalpha() or char in "_.-" or unicodedata.category(char) in ("Nd", "Mn", "Mc")


def service_name(path: Path) -> str:
    """A service named after the source file: ``magic_harbor.csv`` -> ``Magic harbor``."""
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Service"


def words(items: Iterable[str]) -> str:
    return ", ".join(f"`{i}`" for i in items)
