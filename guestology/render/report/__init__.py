"""The report's renderers: ``to_text`` (a terminal), ``to_markdown`` and ``to_json``.

Loaded on first use, so that ``report -f json`` does not import rich (``to_text`` does).
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "to_document": "guestology.render.report.jsondoc",
    "to_json": "guestology.render.report.jsondoc",
    "to_markdown": "guestology.render.report.markdown",
    "to_text": "guestology.render.report.text",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'guestology.render.report' has no attribute {name!r}")
