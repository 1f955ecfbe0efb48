"""Needs coverage: served, weakly met, unmet, and the priority-weighted figure."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis import analyse
from guestology.analysis.findings import MINOR, NOTABLE, NOTE
from guestology.analysis.needs import needs_coverage
from guestology.analysis.view import make_view

TOUCHPOINTS = [tp("kiosk"), tp("tree"), tp("cafe"), tp("lounge")]
NEEDS = [
    {"id": "water", "text": "Water", "priority": "high"},
    {"id": "shade", "text": "Shade"},  # medium
    {"id": "restroom", "text": "A restroom", "priority": "low"},
    {"id": "wifi", "text": "Wi-fi"},  # medium
]
WANTS = [
    {"id": "bottled", "text": "Bottled water", "for": ["water"]},
    {"id": "massage", "text": "A massage"},
]
JOURNEY = [
    # serves the want `bottled`, so also the need `water` it is `for`: served
    step("kiosk", 1, serves=["bottled"], expectation=3, delivery=4),
    # the only step serving `shade`, and it delivers 2 < 4: weakly met
    step("tree", -1, serves=["shade"], expectation=4, delivery=2),
    # `wifi`: one step below its zone (1 < adequate 2), one with no delivery figure: served
    step("cafe", 0, serves=["wifi"], expectation={"adequate": 2, "desired": 4}, delivery=1),
    step("lounge", 0, serves=["wifi"]),
    # nothing serves `restroom` (unmet) nor the want `massage`
]


@pytest.fixture
def coverage(make_graph):  # type: ignore[no-untyped-def]
    graph = make_graph(TOUCHPOINTS, [persona("pat", JOURNEY, needs=NEEDS, wants=WANTS)])
    return needs_coverage(make_view(graph))


def test_statuses(coverage) -> None:  # type: ignore[no-untyped-def]
    (pat,) = coverage.personas
    status = {i.id: i.status for i in pat.items}
    assert status == {
        "water": "served",
        "shade": "weak",
        "restroom": "unmet",
        "wifi": "served",
        "bottled": "served",
        "massage": "unmet",
    }
    water = next(i for i in pat.items if i.id == "water")
    assert water.touchpoints == ("kiosk",) and water.steps == (0,)
    assert (pat.count("served"), pat.count("weak"), pat.count("unmet")) == (2, 1, 1)


def test_priority_weighted_coverage(coverage) -> None:  # type: ignore[no-untyped-def]
    # weights high 3, medium 2, low 1; credit served 1, weak 1/2, unmet 0:
    # water 3*1 + shade 2*0.5 + restroom 1*0 + wifi 2*1 = 6 over 3 + 2 + 1 + 2 = 8
    assert coverage.personas[0].coverage == pytest.approx(6 / 8)


def test_findings(coverage) -> None:  # type: ignore[no-untyped-def]
    found = {(f.code, f.subject): f for f in coverage.findings}
    assert set(found) == {
        ("weak-need", "shade"),
        ("unmet-need", "restroom"),
        ("unmet-want", "massage"),
    }
    assert found["unmet-need", "restroom"].severity == MINOR  # low priority
    assert found["weak-need", "shade"].severity == NOTABLE - 1
    assert found["weak-need", "shade"].touchpoint == "tree"
    assert found["unmet-want", "massage"].severity == NOTE
    restroom = found["unmet-need", "restroom"]
    assert restroom.persona == "pat" and restroom.file.endswith("pat.yaml") and restroom.line > 1


def test_no_needs_means_no_figure(make_graph) -> None:  # type: ignore[no-untyped-def]
    graph = make_graph([tp("gate")], [persona("solo", [step("gate", 0)])])
    (solo,) = analyse(graph).needs.personas
    assert solo.coverage is None and solo.items == []
