"""Stereotypes: negative ones left standing or confirmed, positive ones reinforced."""

from __future__ import annotations

from analysis_builders import persona, step, tp

from guestology.analysis.findings import NOTABLE, NOTE, SERIOUS
from guestology.analysis.stereotypes import stereotype_findings
from guestology.analysis.view import make_view

STEREOTYPES = [
    {"id": "dime", "text": "Parks nickel-and-dime you"},  # negative by default
    {"id": "queues", "text": "Queues everywhere", "valence": "negative"},
    {"id": "friendly", "text": "Cast are friendly", "valence": "positive"},
    {"id": "magic", "text": "It is magic", "valence": "positive"},
    {"id": "clean", "text": "Always clean", "valence": "positive"},
]
JOURNEY = [
    step("a", 1, counters=["dime"]),
    step("b", -1, reinforces=["dime"]),
    step("c", 2, reinforces=["friendly"]),
    step("d", -1, counters=["clean"]),  # breaks a good belief
]


def test_stereotypes(make_graph) -> None:  # type: ignore[no-untyped-def]
    graph = make_graph([tp(t) for t in "abcd"], [persona("p", JOURNEY, stereotypes=STEREOTYPES)])
    section = stereotype_findings(make_view(graph))
    table = {s.id: (s.valence, s.countered_by, s.reinforced_by) for s in section.stereotypes}
    assert table == {
        "dime": ("negative", ("a",), ("b",)),
        "queues": ("negative", (), ()),
        "friendly": ("positive", (), ("c",)),
        "magic": ("positive", (), ()),
        "clean": ("positive", ("d",), ()),
    }
    found = [(f.code, f.subject, f.touchpoint, f.severity) for f in section.findings]
    assert found == [
        ("reinforced-negative-stereotype", "dime", "b", SERIOUS),
        ("uncountered-stereotype", "queues", None, NOTABLE),
        ("positive-stereotype-reinforced", "friendly", None, NOTE),
        ("positive-stereotype-unused", "magic", None, NOTE),
        ("countered-positive-stereotype", "clean", "d", NOTABLE),
        ("positive-stereotype-unused", "clean", None, NOTE),
    ]
    confirmed = section.findings[0]
    assert confirmed.line > 0 and "proves the preconception right" in confirmed.detail


def test_a_reinforced_stereotype_answered_later_is_notable(make_graph) -> None:  # type: ignore[no-untyped-def]
    """The belief's last word: confirmed at b, then countered at c -> notable (the journey
    answers it); confirmed again at d, after the counter -> serious. A touchpoint visited
    twice is located at the visit that reinforces, not at its first visit."""
    journey = [
        step("d", 0),  # a visit to d that reinforces nothing
        step("b", -1, reinforces=["dime"]),
        step("c", 1, counters=["dime"]),
        step("d", -2, reinforces=["dime"]),
    ]
    graph = make_graph([tp(t) for t in "bcd"], [persona("p", journey, stereotypes=STEREOTYPES[:1])])
    found = [f for f in stereotype_findings(make_view(graph)).findings]
    got = [(f.code, f.touchpoint, f.severity) for f in found]
    assert got == [
        ("reinforced-negative-stereotype", "b", NOTABLE),
        ("reinforced-negative-stereotype", "d", SERIOUS),
    ]
    assert found[0].detail.endswith("step 3 (C) counters it later.")
    assert found[1].detail.endswith("no later step counters it.")
    steps = make_view(graph).steps["p"]
    assert (found[1].line, found[1].col) == (steps[3]["line"], steps[3]["col"])
    assert found[1].line != steps[0]["line"]
