"""One size does not fit all: shared touchpoints where personas of one kind feel apart."""

from __future__ import annotations

from analysis_builders import persona, step, tp

from guestology.analysis.divergence import divergent_touchpoints
from guestology.analysis.findings import MINOR, NOTABLE
from guestology.analysis.scope import find_scope
from guestology.analysis.view import make_view

PERSONAS = [
    # at `show`: x +2, y -2 (spread 4). At `queue`: x feels 0 then +2 (mean +1), y -1:
    # someone happy, someone unhappy (spread 2). At `shop`: +1 and 0, no one unhappy.
    persona("x", [step("queue", 0), step("show", 2), step("queue", 2), step("shop", 1)]),
    persona("y", [step("queue", -1), step("show", -2), step("shop", 0)]),
    # cast are compared with cast only: crew's -2 at `show` does not count against guests
    persona("crew", [step("show", -2), step("shop", -2)], kind="cast"),
    persona("lead", [step("shop", 2)], kind="cast"),
]


def test_divergence(make_graph) -> None:  # type: ignore[no-untyped-def]
    graph = make_graph([tp("queue"), tp("show"), tp("shop")], PERSONAS)
    section = divergent_touchpoints(view := make_view(graph), find_scope(view))
    got = [(d.touchpoint, d.kind, d.spread, d.highest, d.lowest) for d in section.touchpoints]
    assert got == [
        ("shop", "cast", 4.0, ("lead", 2.0), ("crew", -2.0)),
        ("show", "guest", 4.0, ("x", 2.0), ("y", -2.0)),
        ("queue", "guest", 2.0, ("x", 1.0), ("y", -1.0)),
    ]
    assert section.shared == 3  # queue, show and shop are each shared by two of a kind
    found = [(f.touchpoint, f.persona, f.severity) for f in section.findings]
    assert found == [("shop", "crew", NOTABLE), ("show", "y", NOTABLE), ("queue", "y", MINOR)]
    assert "Show: X +2, Y −2" in section.findings[1].title  # names: "X" and "Y"
