"""The live preview's state (``guestology.preview``), without a server or a browser."""

from __future__ import annotations

import gc
import weakref

from guestology.preview import Preview


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_what_a_rebuild_leaves_behind_is_collected_before_the_next_save() -> None:
    """The CLI collects rarely (a short run); a preview runs through a workshop, rebuilding
    on every save: the cycles one build leaves (networkx graphs hold some) must not pile up."""
    left: list[weakref.ref[_Cycle]] = []

    def build() -> str:
        cycle = _Cycle()
        left.append(weakref.ref(cycle))
        return "<html><body>map</body></html>"

    before = gc.get_threshold()
    gc.set_threshold(1_000_000, 1_000, 1_000)  # as good as never, on its own
    try:
        state = Preview(build)
        state.rebuild()
        state.rebuild()
    finally:
        gc.set_threshold(*before)
    assert len(left) == 2 and all(ref() is None for ref in left)
    assert state.version == 2 and "map" in state.page
