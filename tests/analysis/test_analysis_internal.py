"""Internal customers: cast needs unmet and the guest touchpoints their work reaches."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis import analyse
from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS
from guestology.analysis.internal import downstream, internal_customers
from guestology.analysis.view import make_view

BACK = {"visibility": "backstage"}
TOUCHPOINTS = [
    tp("roster", **BACK, supports=["briefing"]),
    tp("briefing", **BACK, supports=["gate"]),  # a chain: roster -> briefing -> gate
    tp("canteen", **BACK),
    tp("gate"),
    tp("desk"),  # the crew works here in front of guests
    tp("shop"),
]
NEEDS = [
    {"id": "schedule", "text": "Shifts two weeks ahead", "priority": "high"},
    {"id": "meal", "text": "A hot meal"},
    {"id": "respect", "text": "Respect", "priority": "low"},
]
CREW = persona("crew", [
    step("roster", -1),
    step("canteen", 1, serves=["meal"], expectation=4, delivery=2),  # goes wrong (2 < 4) ...
    step("desk", 0, serves=["respect", "meal"]),  # ... and right here: `meal` is weak
], kind="cast", needs=NEEDS)  # fmt: skip
GUESTS = [
    persona("g1", [step("gate", 1)]),
    persona("g2", [step("desk", 0), step("gate", 1)]),
    persona("g3", [step("shop", 2)]),
]


@pytest.fixture
def view(make_graph):  # type: ignore[no-untyped-def]
    return make_view(make_graph(TOUCHPOINTS, [CREW, *GUESTS]))


def test_downstream(view) -> None:  # type: ignore[no-untyped-def]
    assert downstream(view, ["roster"]) == ["gate"]
    assert downstream(view, ["canteen"]) == []
    assert downstream(view, ["roster", "canteen", "desk"]) == ["desk", "gate"]


def test_cast_impact(view) -> None:  # type: ignore[no-untyped-def]
    (crew,) = internal_customers(view).cast
    assert crew.works_at == ("roster", "canteen", "desk")
    assert crew.downstream == ("desk", "gate")
    assert crew.guests == ("g1", "g2")  # g3 never meets the crew's work
    assert [(n.id, n.status) for n in crew.unmet] == [("schedule", "unmet"), ("meal", "weak")]
    assert crew.mean_emotion == pytest.approx(0)
    # 3 x 0 + 2 x 0.5 + 1 x 1 over 6
    assert crew.coverage == pytest.approx(2 / 6)


def test_findings(view) -> None:  # type: ignore[no-untyped-def]
    found = [
        (f.code, f.subject, f.touchpoint, f.severity) for f in internal_customers(view).findings
    ]
    assert found == [
        ("cast-need-unmet", "schedule", None, SERIOUS),
        ("cast-need-unmet", "meal", None, MINOR),
        ("unhappy-cast", "visit-1", "roster", NOTABLE),
    ]
    mood = internal_customers(view).findings[2]
    assert mood.title.endswith("which reaches Gate")


def test_no_cast_says_so(make_graph) -> None:  # type: ignore[no-untyped-def]
    report = analyse(make_graph([tp("gate")], [persona("g", [step("gate", 0)])]))
    assert report.internal.cast == [] and report.internal.findings == []
