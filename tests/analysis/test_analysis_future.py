"""The future state against today, worked by hand."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis import analyse
from guestology.analysis.findings import NOTABLE, NOTE

TOUCHPOINTS = [tp("gate"), tp("lot"), tp("desk"), tp("exit"), tp("finder", status="planned")]
NEEDS = [{"id": "car", "text": "Find the car"}, {"id": "help", "text": "Help"},
         {"id": "fun", "text": "Fun"}]  # fmt: skip
TODAY = [
    step("gate", 1),
    step("lot", -2, serves=["car"], pain_points=[{"text": "Lost the car", "severity": 3}],
         opportunities=["Save the row in the app"]),
    step("desk", -1, serves=["help"], pain_points=["Long line"]),
    step("exit", 0),
]  # fmt: skip
FUTURE = [
    step("gate", 1),
    step("finder", 1, serves=["car"]),
    step("lot", 1),
    step("desk", 0, serves=["help"], pain_points=[{"text": "long line", "severity": 1}]),
    step("exit", 2, serves=["fun"]),
]


@pytest.fixture
def section(make_graph):  # type: ignore[no-untyped-def]
    pat = persona("pat", TODAY, needs=NEEDS, extra={"future": FUTURE})
    return analyse(make_graph(TOUCHPOINTS, [pat, persona("now", [step("gate", 0)])])).future


def test_the_figures(section) -> None:  # type: ignore[no-untyped-def]
    (s,) = section.states  # only pat has a future journey
    assert s.persona == "pat" and s.steps == (4, 5)
    assert s.mean == (pytest.approx((1 - 2 - 1 + 0) / 4), pytest.approx((1 + 1 + 1 + 0 + 2) / 5))
    assert [(p.touchpoint, p.emotion) for p in s.low] == [("lot", -2), ("desk", 0)]
    assert [(p.touchpoint, p.emotion) for p in s.end] == [("exit", 0), ("exit", 2)]
    # today car and help are served only where it goes wrong (failed), fun by nothing
    assert s.needs[0] == {"met": 0, "weak": 0, "failed": 2, "unmet": 1}
    assert s.needs[1] == {"met": 3, "weak": 0, "failed": 0, "unmet": 0}
    assert (s.pains, s.severe, s.unrecovered) == ((2, 1), (1, 0), (2, 0))
    assert s.removed == ("Lost the car",)  # "long line" is still there (case aside)
    assert s.planned == ("finder",)
    assert s.realised == ("Save the row in the app",)  # the lot feels better: -2 -> +1
    assert [p.emotion for p in s.points] == [1, 1, 1, 0, 2]


def test_the_finding(section) -> None:  # type: ignore[no-untyped-def]
    (f,) = section.findings
    assert (f.code, f.persona, f.severity) == ("future-state", "pat", NOTE)
    assert f.title == (
        "Pat, future state: mean emotion \u22120.5 -> +1.0; low \u22122 at Lot -> 0 at Desk"
    )
    assert "Needs met 0 -> 3, failed 2 -> 0, unmet 1 -> 0" in f.detail
    assert "relies on planned Finder" in f.detail
    assert f.file.endswith("pat.yaml") and f.line > 0


def test_a_worse_future_is_notable(make_graph) -> None:  # type: ignore[no-untyped-def]
    worse = [step("gate", -1), step("exit", -2)]
    pat = persona("pat", TODAY, needs=NEEDS, extra={"future": worse})
    (f,) = analyse(make_graph(TOUCHPOINTS, [pat])).future.findings
    assert f.severity == NOTABLE and f.detail.startswith("The designed future is worse")
