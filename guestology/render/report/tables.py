"""Report tables as plain strings, and the small formatters their cells use."""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.render.common import clip, pct, plural, signed

__all__ = ["SPARK", "Table", "clip", "pct", "plural", "signed", "spark", "table"]  # re-exported

SPARK = {-2: "▁", -1: "▂", 0: "▄", 1: "▆", 2: "█"}


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    total: int = 0  # rows before the limit
    numeric: set[int] = field(default_factory=set)  # columns to right-align

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


def table(title: str, headers: list[str], rows: list[list[str]], limit: int | None,
          numeric: set[int] | None = None) -> Table:  # fmt: skip
    kept = rows if limit is None else rows[:limit]
    return Table(title, headers, kept, len(rows), numeric or set())


def spark(values: list[int]) -> str:
    """An emotion curve in one line: ``▄▆█▂▁`` for 0 +1 +2 -1 -2."""
    return "".join(SPARK.get(v, "?") for v in values)
