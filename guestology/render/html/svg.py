"""Small, safe builders for inline SVG (and bits of HTML) made in Python.

Every attribute value and every text child is escaped; only ``Markup`` (made here, or by
Jinja2 with autoescape) passes through unchanged. Charts build their SVG with ``el`` so that
a persona called ``<script>`` is drawn as text, never run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from markupsafe import Markup, escape

Child = str | Markup | int | float | None | Iterable[Any]


def num(value: float) -> str:
    """A coordinate for SVG: at most one decimal, no trailing zeros (``12.0`` -> ``12``)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attr(value: Any) -> str:
    """An escaped attribute value or text (numbers need no escaping)."""
    kind = type(value)
    if kind is float:
        return num(value)
    if kind is int:
        return str(value)
    return str(escape(str(value)))


@cache
def _attr_name(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Child) -> Markup:
    """``<tag attr="...">children</tag>`` with everything escaped.

    Attribute names: ``class_`` -> ``class``, ``stroke_width`` -> ``stroke-width``;
    ``data-x`` and ``aria-label`` may be given as strings. ``None``/``False`` values are left
    out, ``True`` writes the bare attribute name.
    """
    parts = [f"<{tag}"]
    for key, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        name = _attr_name(key)
        parts.append(f" {name}" if value is True else f' {name}="{_attr(value)}"')
    inner = "".join(_children(children))
    parts.append(f">{inner}</{tag}>")
    return Markup("".join(parts))


def _children(children: Iterable[Any]) -> Iterable[str]:
    for child in children:
        if child is None:
            continue
        if isinstance(child, Markup):
            yield str(child)
        elif isinstance(child, str | int | float):
            yield _attr(child)
        else:
            yield from _children(child)


def titled(title: str, desc: str | None = None, prefix: str = "") -> list[Markup]:
    """``<title>`` and ``<desc>`` for an SVG (ids for ``aria-labelledby`` when prefix given)."""
    out = [el("title", {"id": f"{prefix}-title" if prefix else None}, title)]
    if desc:
        out.append(el("desc", {"id": f"{prefix}-desc" if prefix else None}, desc))
    return out


def svg_root(
    width: float,
    height: float,
    label_id: str,
    *children: Child,
    natural: bool = False,
    **attrs: Any,
) -> Markup:
    """An accessible ``<svg role="img">`` labelled by its ``<title>`` and ``<desc>``.

    ``natural``: also give the width and height, so the chart is drawn at its own size (and
    only shrinks to fit); otherwise it scales to the width of its container.
    """
    base = {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {num(width)} {num(height)}",
        "width": num(width) if natural else None,
        "height": num(height) if natural else None,
        "role": "img",
        "aria-labelledby": f"{label_id}-title {label_id}-desc",
        "focusable": "false",
    }
    return el("svg", {**base, **attrs}, *children)


def safe_json(data: Any) -> Markup:
    """JSON for ``<script type="application/json">``: ``<``, ``>``, ``&`` as ``\\u003c`` etc."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)
