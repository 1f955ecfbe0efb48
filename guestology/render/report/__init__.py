"""The report's renderers: ``to_text`` (a terminal), ``to_markdown`` and ``to_json``.

Loaded on first use, so that ``report -f json`` does not import rich (``to_text`` does).
"""

from __future__ import annotations

from guestology.lazy import lazy_names

_LAZY = {
    "to_document": "guestology.render.report.jsondoc",
    "to_json": "guestology.render.report.jsondoc",
    "iter_json": "guestology.render.report.jsondoc",
    "to_markdown": "guestology.render.report.markdown",
    "to_text": "guestology.render.report.text",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_names(__name__, _LAZY)
