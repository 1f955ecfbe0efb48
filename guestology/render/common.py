"""Words and numbers as every renderer writes them: one spelling of each.

``signed`` writes an emotion for a person (``+2``, ``0``, ``−1`` with a true minus sign,
``+0.5``); JSON and DOT attributes keep plain numbers and never go through it. ``plural``,
``name_list``, ``wrap``, ``clip`` and ``pct`` are the only definitions of those helpers in
the package: the analyses' finding titles use them too, so a report, a map and a drawing
say the same thing the same way.
"""

from __future__ import annotations

import textwrap

MINUS = "\u2212"
ELLIPSIS = "\u2026"


def signed(value: float | None, digits: int | None = None, *, none: str = "-") -> str:
    """An emotion as a person reads it: ``+2``, ``0``, ``−1``, ``+0.5``.

    ``digits=None`` writes whole numbers without decimals and others with one; a number of
    ``digits`` fixes the decimals (``signed(0.04, 1)`` is ``0.0``). ``None`` is ``none``.
    """
    if value is None:
        return none
    places = digits if digits is not None else (0 if float(round(value, 1)).is_integer() else 1)
    text = f"{abs(value):.{places}f}"
    if float(text) == 0:
        return text
    return ("+" if value > 0 else MINUS) + text


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 persona``, ``3 personas``, ``2 opportunities`` (with ``many``)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def name_list(names: list[str], limit: int = 4) -> str:
    """``a, b, c and 7 more``: a readable list that stays short."""
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f" and {len(names) - limit} more"


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def wrap(text: str, width: int = 24, max_lines: int = 4) -> list[str]:
    """``text`` in lines of about ``width`` characters, at most ``max_lines`` (the last one
    ends in an ellipsis when text was left out). Newlines in the text start new lines."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + ELLIPSIS
    return lines or [""]


def pct(value: float | None) -> str:
    """A share as a whole percentage, ``-`` when there is none."""
    return "-" if value is None else f"{round(value * 100)}%"
