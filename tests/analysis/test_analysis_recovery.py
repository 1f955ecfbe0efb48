"""Service recovery, worked by hand: failures, recoveries, the rate, the paradox, and who owns
the touchpoints of severe pains."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis.findings import CRITICAL, NOTABLE, NOTE, SERIOUS
from guestology.analysis.recovery import recovery_readiness
from guestology.analysis.view import make_view

SEVERE = {"text": "Lost the car", "severity": 3}
STORM = {"text": "A storm closes the show", "severity": 3, "cause": "external"}
TOUCHPOINTS = [
    tp("lot"),  # nobody owns it
    tp("exit", moment_of_truth=True),  # nobody owns it, and it makes or breaks the visit
    tp("desk", owner="guest-relations"),
    tp("chat"),
    tp("gate"),
    tp("app"),
]
PERSONAS = [
    persona("p", [
        step("lot", -2, pain_points=[SEVERE, "A minor annoyance"]),  # 0 fails, never recovered
        step("desk", -1, pain_points=[{"text": "Long line", "severity": 3}]),  # 1 fails ...
        step("chat", 2, recovers="desk"),  # 2 ... recovered here: +2 after, -2 before: paradox
    ]),
    persona("q", [step("gate", 1), step("exit", -1, pain_points=[STORM])]),  # external cause
    persona("r", [step("app", -1), step("gate", 1, expectation=3, delivery=3)]),
    persona("crew", [step("desk", -2)], kind="cast"),  # the cast's bad moments are not here
]  # fmt: skip


@pytest.fixture
def section(make_graph):  # type: ignore[no-untyped-def]
    return recovery_readiness(make_view(make_graph(TOUCHPOINTS, PERSONAS)))


def test_failures_and_their_recoveries(section) -> None:  # type: ignore[no-untyped-def]
    got = [(f.persona, f.step, f.touchpoint, f.reasons, f.cause, f.recovered_by)
           for f in section.failures]  # fmt: skip
    assert got == [
        ("p", 0, "lot", ("emotion \u22122", "a severe pain"), "internal", None),
        ("p", 1, "desk", ("emotion \u22121", "a severe pain"), "internal", 2),
        ("q", 1, "exit", ("emotion \u22121", "a severe pain"), "external", None),
        ("r", 0, "app", ("emotion \u22121",), "internal", None),
    ]
    desk = section.failures[1]
    assert (desk.before, desk.after, desk.paradox) == (-2, 2, True)
    assert section.paradoxes == [desk]


def test_recovery_rates(section) -> None:  # type: ignore[no-untyped-def]
    rates = [(p.persona, p.failures, p.recovered, p.rate) for p in section.personas]
    assert rates == [("p", 2, 1, 0.5), ("q", 1, 0, 0.0), ("r", 1, 0, 0.0)]
    assert section.rate == pytest.approx(1 / 4)


def test_findings(section) -> None:  # type: ignore[no-untyped-def]
    found = [(f.code, f.persona, f.touchpoint, f.severity, f.cause) for f in section.findings]
    assert found == [
        ("unrecovered-failure", "p", "lot", SERIOUS, "internal"),  # emotion -2
        ("unrecovered-failure", "q", "exit", SERIOUS, "external"),  # a moment of truth
        ("unrecovered-failure", "r", "app", NOTABLE, "internal"),
        ("recovery-paradox", "p", "chat", NOTE, None),
        ("unowned-severe-pain", "q", "exit", CRITICAL, None),  # moments of truth first
        ("unowned-severe-pain", "p", "lot", SERIOUS, None),
    ]
    storm = section.findings[1]
    assert storm.to_dict()["cause"] == "external"
    assert "not our fault, but our problem" in storm.detail
    assert "recovers: exit" in storm.detail
    assert "cause" not in section.findings[4].to_dict()
    assert section.findings[5].line > 0 and section.findings[5].subject == "Lost the car"


def test_severe_pains_and_owners(section) -> None:  # type: ignore[no-untyped-def]
    assert [(p.touchpoint, p.text) for p in section.unowned] == [
        ("exit", "A storm closes the show"),
        ("lot", "Lost the car"),
    ]
    assert [(p.touchpoint, p.owner) for p in section.owned] == [("desk", "guest-relations")]


def test_an_external_failure_nobody_recovers_and_one_recovered(make_graph) -> None:  # type: ignore[no-untyped-def]
    """The issue's cases: external and unrecovered -> a finding with cause external;
    the same failure recovered later -> none."""
    alone = [persona("q", [step("exit", -1, pain_points=[STORM])])]
    helped = [persona("q", [step("exit", -1, pain_points=[STORM]),
                            step("desk", 1, recovers="exit")])]  # fmt: skip
    codes = []
    for personas in (alone, helped):
        found = recovery_readiness(make_view(make_graph(TOUCHPOINTS, personas))).findings
        codes.append([(f.code, f.cause) for f in found if f.code == "unrecovered-failure"])
    assert codes == [[("unrecovered-failure", "external")], []]


def test_a_recovery_is_for_the_latest_visit_of_its_touchpoint(make_graph) -> None:  # type: ignore[no-untyped-def]
    """FORMAT.md: ``recovers`` recovers the latest earlier step at that touchpoint."""
    journey = [step("lot", -1), step("gate", 1), step("lot", -2), step("desk", 1, recovers="lot"),
               step("chat", 1, recovers="lot")]  # fmt: skip
    graph = make_graph(TOUCHPOINTS, [persona("p", journey)])
    failures = recovery_readiness(make_view(graph)).failures
    # the desk recovers the second visit of the lot; the chat finds nothing left to recover
    assert [(f.step, f.recovered_by) for f in failures] == [(0, None), (2, 3)]
    went_well = [step("lot", -1), step("lot", 1), step("desk", 1, recovers="lot")]
    failures = recovery_readiness(make_view(make_graph(TOUCHPOINTS, [persona("p", went_well)])))
    assert [(f.step, f.recovered_by) for f in failures.failures] == [(0, None)]
