"""Expectation vs delivery: gap per step, zone of tolerance bands, per touchpoint, over-delivery."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis.expectations import classify, expectation_gaps
from guestology.analysis.findings import NOTABLE, NOTE, SERIOUS
from guestology.analysis.view import make_view

ZONE_2_4 = {"adequate": 2, "desired": 4}
PERSONAS = [
    persona("p", [
        step("a", 0, expectation=3, delivery=3),        # within, gap 0
        step("b", 2, expectation=3, delivery=5),        # above, +2: over-delivery
        step("c", -1, expectation=ZONE_2_4, delivery=1),  # below the zone: 1 - 2 = -1
        step("d", -1, expectation=4, delivery=3),       # below, -1, at a moment of truth
        step("e", 0, expectation=3),                    # no delivery: unmeasured
        step("f", 0, expectation=ZONE_2_4, delivery=3),  # within the zone, gap 0
    ]),
    persona("q", [
        step("c", 1, expectation={"adequate": 3, "desired": 5}, delivery=5),  # within
        step("a", -2, expectation=4, delivery=1),       # below, -3
        step("b", 1, expectation=2, delivery=4),        # above, +2: over-delivery again at b
    ]),
]  # fmt: skip


@pytest.fixture
def section(make_graph):  # type: ignore[no-untyped-def]
    touchpoints = [tp(t, moment_of_truth=(t == "d")) for t in "abcdef"]
    return expectation_gaps(make_view(make_graph(touchpoints, PERSONAS)))


@pytest.mark.parametrize(
    ("adequate", "desired", "delivery", "expected"),
    [(3, 3, 3, (0, "within")), (3, 3, 1, (-2, "below")), (3, 3, 4, (1, "above")),
     (2, 4, 4, (0, "within")), (2, 4, 5, (1, "above")), (2, 4, 1, (-1, "below"))],
)  # fmt: skip
def test_classify(adequate: int, desired: int, delivery: int, expected: tuple) -> None:
    assert classify(adequate, desired, delivery) == expected


def test_steps(section) -> None:  # type: ignore[no-untyped-def]
    got = [(g.persona, g.touchpoint, g.gap, g.band) for g in section.steps]
    assert got == [
        ("p", "a", 0, "within"), ("p", "b", 2, "above"), ("p", "c", -1, "below"),
        ("p", "d", -1, "below"), ("p", "f", 0, "within"),
        ("q", "c", 0, "within"), ("q", "a", -3, "below"), ("q", "b", 2, "above"),
    ]  # fmt: skip
    assert section.unmeasured == 1


def test_per_touchpoint_worst_first(section) -> None:  # type: ignore[no-untyped-def]
    rows = [(t.touchpoint, t.mean_gap, t.below, t.within, t.above) for t in section.touchpoints]
    assert rows == [
        ("a", -1.5, 1, 1, 0),  # (0 + -3) / 2
        ("d", -1.0, 1, 0, 0),
        ("c", -0.5, 1, 1, 0),  # (-1 + 0) / 2
        ("f", 0.0, 0, 1, 0),
        ("b", 2.0, 0, 0, 2),
    ]
    assert section.touchpoints[0].personas == ("p", "q")


def test_findings(section) -> None:  # type: ignore[no-untyped-def]
    found = [(f.code, f.persona, f.touchpoint, f.severity) for f in section.findings]
    assert found == [
        ("under-delivery", "p", "c", NOTABLE),
        ("under-delivery", "p", "d", SERIOUS),  # a moment of truth
        ("under-delivery", "q", "a", SERIOUS),  # 3 below
        ("over-delivery", None, "b", NOTE),  # one finding for the touchpoint, both personas
    ]
    over = section.findings[-1]
    assert over.title == "Over-delivery: B gives P, Q more than they expect"
    assert over.detail.startswith("P: 5 against 3; Q: 4 against 2.")
    assert "Under-promise, over-deliver" in over.detail
