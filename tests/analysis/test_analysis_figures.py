"""The headline figures, worked out by hand on a small park."""

from __future__ import annotations

from analysis_builders import persona, step, tp

from guestology.analysis import analyse

TOUCHPOINTS = [
    tp("gate", moment_of_truth=True),
    tp("ride"),
    tp("exit"),
    tp("office", visibility="backstage", supports=["gate"]),
]
PERSONAS = [
    persona(
        "p",
        [
            # gate: expected 3, delivered 1 -> below; a moment of truth visit below
            step("gate", -2, expectation=3, delivery=1, serves=["water"],
                 pain_points=[{"text": "Bag check crush", "severity": 3}, "Long line"]),
            # ride: zone 2..4, delivered 5 -> above; one wow
            step("ride", 2, expectation={"adequate": 2, "desired": 4}, delivery=5,
                 wow=["Named the kids"]),
            # exit: within; a severity-2 pain does not count as severe
            step("exit", 0, expectation=3, delivery=3,
                 pain_points=[{"text": "Tired", "severity": 2}]),
        ],
        needs=[{"id": "water", "text": "Water", "priority": "high"},
               {"id": "shade", "text": "Shade", "priority": "low"}],
    ),
    persona(
        "q",
        [step("gate", 1, expectation=2, delivery=2),  # within
         step("exit", -1, wow=["A free refill", "A wave goodbye"])],
        needs=[{"id": "seat", "text": "A seat"}],
    ),
]  # fmt: skip


def test_figures(make_graph) -> None:  # type: ignore[no-untyped-def]
    f = analyse(make_graph(TOUCHPOINTS, PERSONAS)).figures
    assert (f.steps, f.mean_emotion) == (5, 0.0)  # -2 + 2 + 0 + 1 - 1
    assert (f.pains, f.severe_pains) == (3, 1)  # severity 3 only
    assert (f.above, f.below) == (1, 1)
    assert (f.moments, f.moment_visits, f.moment_visits_below) == (1, 2, 1)
    assert f.wow == 3
    # p: water served only at gate, which fails (-2, a severe pain, 1 below 3) and nothing
    # recovers -> failed; shade unmet; q: seat unmet
    assert (f.unmet, f.failed, f.weak) == (2, 1, 0)
    # p: (high 3 x 0 + low 1 x 0) / 4 = 0; q: 0 -> mean 0
    assert f.coverage == 0.0
    # guest steps that go wrong: p at gate (-2 ...), q at exit (-1); none recovered
    assert (f.failures, f.recovery_rate) == (2, 0.0)


def test_figures_follow_the_persona_filter(make_graph) -> None:  # type: ignore[no-untyped-def]
    f = analyse(make_graph(TOUCHPOINTS, PERSONAS), ["q"]).figures
    assert (f.steps, f.pains, f.severe_pains, f.wow, f.above, f.below) == (2, 0, 0, 2, 0, 0)
    assert (f.moments, f.moment_visits, f.moment_visits_below) == (1, 1, 0)
