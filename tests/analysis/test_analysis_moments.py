"""Moments of truth: the flagged ones and ranked candidates, each with its reasons."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builders import persona, step, tp

from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS
from guestology.analysis.moments import betweenness, flow_graph, moments_of_truth
from guestology.analysis.scope import find_scope
from guestology.analysis.view import make_view

TOUCHPOINTS = [
    tp("web", "plan", channel="web"),
    tp("gate", moment_of_truth=True),
    tp("hub"),
    tp("ride"),
    tp("exit", "after"),
    tp("lost", moment_of_truth=True),  # flagged, but no journey visits it
]
THRILL = [{"id": "thrill", "text": "A real thrill", "priority": "high"}]
PERSONAS = [
    persona("a", [step("web", 0), step("gate", 0), step("hub", 0),
                  step("ride", 2, serves=["thrill"]), step("exit", 0)], needs=THRILL),
    persona("b", [step("gate", 1), step("hub", 1), step("exit", -1)]),
    persona("c", [step("gate", -2), step("hub", -1), step("ride", -1)]),
    persona("d", [step("web", 0), step("hub", 0)]),
    persona("e", [step("exit", 1)]),
]  # fmt: skip


@pytest.fixture
def view(make_graph):  # type: ignore[no-untyped-def]
    return make_view(make_graph(TOUCHPOINTS, PERSONAS))


def test_flow_graph_and_betweenness(view) -> None:  # type: ignore[no-untyped-def]
    flow = flow_graph(find_scope(view))
    assert set(flow.edges) == {
        ("web", "gate"), ("gate", "hub"), ("hub", "ride"), ("ride", "exit"),
        ("hub", "exit"), ("web", "hub"),
    }  # fmt: skip
    # hub is on the shortest paths web->ride, web->exit, gate->ride, gate->exit: 4 of the
    # (5-1)(5-2) = 12 ordered pairs; nothing else lies between two touchpoints
    central = betweenness(flow)
    assert central["hub"] == pytest.approx(4 / 12)
    assert all(central[t] == 0 for t in ("web", "gate", "ride", "exit"))


def test_candidates_ranked_with_reasons(view) -> None:  # type: ignore[no-untyped-def]
    section = moments_of_truth(view, find_scope(view))
    # "many personas": at least 2 and at least half of 5, so 3 or more
    assert [(m.touchpoint, m.reasons) for m in section.candidates] == [
        (
            "hub",
            (
                "shared by 4 of 5 personas",
                "on many journeys' paths (high betweenness)",
                "the last step of a journey",
            ),
        ),
        (
            "exit",
            (
                "shared by 3 of 5 personas",
                "a large emotion swing on arrival",
                "the last step of 3 journeys",
            ),
        ),
        (
            "ride",
            (
                "serves a high-priority need",
                "a large emotion swing on arrival",
                "the last step of a journey",
            ),
        ),
    ]  # fmt: skip  (hub: 4 personas, exit: 3, ride: 2 break the tie on 3 reasons)
    assert "web" not in {m.touchpoint for m in section.candidates}


def test_flagged(view) -> None:  # type: ignore[no-untyped-def]
    section = moments_of_truth(view, find_scope(view))
    flagged = {m.touchpoint: m for m in section.flagged}
    assert set(flagged) == {"gate", "lost"}
    assert flagged["gate"].mean_emotion == pytest.approx((0 + 1 - 2) / 3)
    assert flagged["gate"].reasons == ("shared by 3 of 5 personas",)
    assert flagged["lost"].personas == 0
    codes = {(f.code, f.touchpoint): f.severity for f in section.findings}
    assert codes == {
        ("moment-of-truth-negative", "gate"): SERIOUS,
        ("moment-of-truth-unvisited", "lost"): MINOR,
        ("candidate-moment-of-truth", "hub"): NOTABLE,
        ("candidate-moment-of-truth", "exit"): NOTABLE,
        ("candidate-moment-of-truth", "ride"): NOTABLE,
    }


def test_large_flow_graphs_use_a_fixed_sample() -> None:
    flow = nx.path_graph(400, create_using=nx.DiGraph)
    first, second = betweenness(flow), betweenness(flow)
    assert first == second  # seeded: the same answer every time
    assert max(first, key=first.get) not in (0, 399)
