"""Names of a package loaded on first use: what keeps a command's start-up light.

``__getattr__ = lazy_names(__name__, {"name": "module.path", ...})`` in a package's
``__init__`` makes ``from package import name`` import ``module.path`` only then.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, names: Mapping[str, str]) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` serving ``names`` (name -> the module defining it)."""

    def __getattr__(name: str) -> Any:
        if name in names:
            return getattr(importlib.import_module(names[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
