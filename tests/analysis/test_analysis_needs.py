"""Needs coverage, outcome-aware: met, weak, failed, unmet, and the priority-weighted figure."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis import analyse
from guestology.analysis.findings import MINOR, NOTABLE, NOTE
from guestology.analysis.needs import needs_coverage
from guestology.analysis.view import make_view

TOUCHPOINTS = [tp("kiosk"), tp("tree"), tp("cafe"), tp("lounge"), tp("bench"), tp("desk")]
NEEDS = [
    {"id": "water", "text": "Water", "priority": "high"},
    {"id": "shade", "text": "Shade"},  # medium
    {"id": "restroom", "text": "A restroom", "priority": "low"},
    {"id": "wifi", "text": "Wi-fi"},  # medium
    {"id": "seat", "text": "A seat"},  # medium
]
WANTS = [
    {"id": "bottled", "text": "Bottled water", "for": ["water"]},
    {"id": "massage", "text": "A massage"},
]
SEVERE = {"text": "Splinters", "severity": 3}
JOURNEY = [
    # 0 serves the want `bottled`, so also the need `water` it is `for`; it goes well: met
    step("kiosk", 1, serves=["bottled"], expectation=3, delivery=4),
    # 1 the only step serving `shade`, and it fails twice over (-1, 2 < 4): failed
    step("tree", -1, serves=["shade"], expectation=4, delivery=2),
    # 2 `wifi` fails here (delivery 1 under the zone's adequate 2) ...
    step("cafe", 0, serves=["wifi"], expectation={"adequate": 2, "desired": 4}, delivery=1),
    # 3 ... and goes well here: weak
    step("lounge", 0, serves=["wifi"]),
    # 4 the only step serving `seat` fails (a severity-3 pain) ...
    step("bench", 0, serves=["seat"], pain_points=[SEVERE]),
    # 5 ... and a later step recovers it: weak, not failed
    step("desk", 1, recovers="bench"),
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
        "water": "met",
        "shade": "failed",
        "restroom": "unmet",
        "wifi": "weak",
        "seat": "weak",
        "bottled": "met",
        "massage": "unmet",
    }
    items = {i.id: i for i in pat.items}
    assert items["water"].touchpoints == ("kiosk",) and items["water"].steps == (0,)
    assert items["shade"].failing == (1,) and items["shade"].failing_at == ("tree",)
    assert items["shade"].reasons == ("emotion \u22121", "delivery 2 below the 4 expected")
    assert items["wifi"].steps == (2, 3) and items["wifi"].failing == (2,)
    assert items["seat"].reasons == ("a severe pain",)
    counts = [pat.count(s) for s in ("met", "weak", "failed", "unmet")]
    assert counts == [1, 2, 1, 1]


def test_priority_weighted_coverage(coverage) -> None:  # type: ignore[no-untyped-def]
    # weights high 3, medium 2, low 1; credit met 1, weak 1/2, failed and unmet 0:
    # water 3*1 + shade 2*0 + restroom 1*0 + wifi 2*0.5 + seat 2*0.5 = 5 over 3+2+1+2+2 = 10
    assert coverage.personas[0].coverage == pytest.approx(5 / 10)


def test_findings(coverage) -> None:  # type: ignore[no-untyped-def]
    found = {(f.code, f.subject): f for f in coverage.findings}
    assert set(found) == {
        ("failed-need", "shade"),
        ("weak-need", "wifi"),
        ("weak-need", "seat"),
        ("unmet-need", "restroom"),
        ("unmet-want", "massage"),
    }
    assert found["failed-need", "shade"].severity == NOTABLE  # as unmet: medium priority
    assert found["failed-need", "shade"].touchpoint == "tree"
    assert "no later step recovers it" in found["failed-need", "shade"].detail
    assert found["weak-need", "wifi"].severity == NOTABLE - 1
    assert found["weak-need", "wifi"].touchpoint == "cafe"
    assert "a later step recovers it" in found["weak-need", "seat"].detail
    assert found["unmet-need", "restroom"].severity == MINOR  # low priority
    assert found["unmet-want", "massage"].severity == NOTE
    restroom = found["unmet-need", "restroom"]
    assert restroom.persona == "pat" and restroom.file.endswith("pat.yaml") and restroom.line > 1


def test_a_need_served_only_where_everything_goes_wrong_is_failed(make_graph) -> None:  # type: ignore[no-untyped-def]
    """The issue's case: served only at a step at -2, with a severity-3 pain, delivering 1."""
    journey = [step("tree", -2, serves=["shade"], pain_points=[SEVERE], expectation=4,
                    delivery=1)]  # fmt: skip
    graph = make_graph(TOUCHPOINTS, [persona("pat", journey, needs=NEEDS[1:2])])
    (item,) = analyse(graph).needs.personas[0].items
    assert item.status == "failed"
    assert item.reasons == (
        "emotion \u22122", "a severe pain", "delivery 1 below the 4 expected"
    )  # fmt: skip


def test_no_needs_means_no_figure(make_graph) -> None:  # type: ignore[no-untyped-def]
    graph = make_graph([tp("gate")], [persona("solo", [step("gate", 0)])])
    (solo,) = analyse(graph).needs.personas
    assert solo.coverage is None and solo.items == []
