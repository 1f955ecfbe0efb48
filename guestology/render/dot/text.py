"""Safe text for Graphviz: escaped labels, HTML-like labels, wrapping and the emotion scale.

Every piece of user text that reaches DOT goes through ``label()`` (a quoted escString) or
``html()`` (an HTML-like label): quotes, backslashes, braces, ``<>``, newlines, control
characters, lone surrogates, emoji and other Unicode all give valid DOT.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import graphviz

from guestology.render.common import clip, wrap

# Emotion -2..+2: a diverging hue (red, orange, warm grey, green, mint) whose lightness
# rises steadily (CIE L* 28, 47, 64, 80, 93), so a grayscale print keeps the order:
# the darker the box, the worse the moment.
EMOTION_COLORS = ("#860e1b", "#b84f24", "#a29a91", "#88d6b6", "#c1f6e7")
DARK_FILL_BELOW = -0.9  # mean emotions under this get white text
NO_DATA_FILL = "white"

# Graphviz's scanner stops at a quoted (or HTML) string of 16,384 bytes: "syntax error ...
# longer than 16384?". A label, a tooltip or one HTML text is cut to MAX_TEXT characters
# (with an ellipsis): at most 4 UTF-8 bytes each, doubled by escaping, stays under it; so
# is a node name (``node_name``) longer than MAX_NAME, cut and given a hash.
MAX_TEXT = 2_000
MAX_NAME = 200

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def clean(text: object) -> str:
    """Plain printable text: lone surrogates replaced, line ends unified, controls dropped."""
    value = str(text).encode("utf-8", "replace").decode("utf-8")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", value)


def _escape_line(line: str) -> str:
    return line.replace("\\", "\\\\")


def label(*parts: str | Iterable[str], justify: str = "n") -> str:
    """A DOT escString label from lines (strings are split on newlines).

    Backslashes are doubled (so ``\\n`` in user text stays literal), lines are joined with
    Graphviz's ``\\n`` (centred) or ``\\l`` (left-justified, ``justify="l"``); quoting of
    ``"`` is left to the ``graphviz`` package. The result is never taken for HTML.
    """
    lines: list[str] = []
    for part in parts:
        items = clean(part).split("\n") if isinstance(part, str) else [clean(p) for p in part]
        lines.extend(items)
    lines = _bounded(lines)
    sep = "\\l" if justify == "l" else "\\n"
    text = sep.join(_escape_line(line) for line in lines) + ("\\l" if justify == "l" else "")
    return graphviz.nohtml(text)


def _bounded(lines: list[str]) -> list[str]:
    """``lines`` cut to ``MAX_TEXT`` characters in all, the last one ending in an ellipsis."""
    out, room = [], MAX_TEXT
    for line in lines:
        if len(line) >= room:
            out.append(clip(line, room))
            break
        out.append(line)
        room -= len(line) + 1
    return out


def node_name(kind: str, ident: str) -> str:
    """A DOT node name ``kind/ident``; an id over ``MAX_NAME`` is cut and given a hash."""
    if len(ident) > MAX_NAME:
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        ident = f"{ident[: MAX_NAME // 2]}~{digest}"
    return f"{kind}/{ident}"


def html(text: object) -> str:
    """Text for an HTML-like label: entities for ``& < > " '``, newlines as ``<BR/>``."""
    value = clip(clean(text), MAX_TEXT)
    escaped = "".join(_HTML.get(ch, ch) for ch in value)
    return escaped.replace("\n", '<BR ALIGN="LEFT"/>')


def html_lines(text: object, width: int = 40, max_lines: int = 6) -> str:
    """Wrapped, escaped, left-aligned lines for a table cell."""
    lines = wrap(clean(text), width, max_lines)
    return '<BR ALIGN="LEFT"/>'.join(html(line) for line in lines)


def emotion_fill(mean: float | None) -> tuple[str, str]:
    """``(fillcolor, fontcolor)`` for a mean emotion in -2..+2 (``None``: no visits)."""
    if mean is None:
        return NO_DATA_FILL, "black"
    position = min(max(mean, -2.0), 2.0) + 2.0
    low = min(int(position), 3)
    color = _mix(EMOTION_COLORS[low], EMOTION_COLORS[low + 1], position - low)
    return color, "white" if mean < DARK_FILL_BELOW else "black"


def _mix(first: str, second: str, share: float) -> str:
    a = [int(first[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(second[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))
