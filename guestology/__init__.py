"""guestology: Disney-style Guestology for service designers.

The public API is one pure function per step:

- ``load_document(path)`` / ``find_workspace_files(root)``: files -> documents with positions;
- ``check_workspace(root)``: documents -> ``Workspace`` model + sorted ``list[Problem]``.

Heavy modules are imported lazily so that ``guestology --version`` starts fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "Problem": "guestology.problems",
    "Level": "guestology.problems",
    "GuestologyError": "guestology.problems",
    "Workspace": "guestology.model",
    "load_document": "guestology.loading",
    "find_workspace_files": "guestology.loading",
    "check_workspace": "guestology.workspace",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'guestology' has no attribute {name!r}")
