"""Small helpers for speed, shared by the pipeline's steps."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a step allocates many small objects.

    Loading and analysing a workspace builds hundreds of thousands of objects that form no
    cycles; each automatic collection walks all of them again (measured: validation 1.3x,
    analysis 3x faster at 1,000 personas). The previous state is restored afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
