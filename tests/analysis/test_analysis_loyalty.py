"""The return loop, worked by hand: who comes back, what they remember, what came first."""

from __future__ import annotations

from pathlib import Path

from analysis_builders import persona, step, tp

from guestology.analysis import analyse
from guestology.analysis.findings import SERIOUS

TOUCHPOINTS = [tp("gate"), tp("ride"), tp("desk"), tp("lot"), tp("mail", "after")]
PERSONAS = [
    persona("ana", [
        step("gate", 1, wow=["Named the kids"]),
        step("ride", -1),  # goes wrong ...
        step("desk", 2, recovers="ride"),  # ... put right
        step("mail", 1),  # the last stage is `after`, not about returning: part of the visit
    ], extra={"loyalty": {"returns": True, "recommend": 10}}),
    persona("ben", [
        step("gate", 1, wow=["Named the kids"]),
        step("ride", -2),  # the low, never recovered
        step("lot", -1),  # the end
    ], extra={"loyalty": {"returns": False, "recommend": 4}}),
    persona("cy", [step("gate", 0)], extra={"loyalty": {"recommend": 7}}),  # returns unknown
    persona("dee", [step("gate", 0)]),  # no loyalty data
    persona("crew", [step("desk", 0)], kind="cast"),  # cast without data: not "missing"
]  # fmt: skip


def test_the_return_loop(make_graph) -> None:  # type: ignore[no-untyped-def]
    section = analyse(make_graph(TOUCHPOINTS, PERSONAS)).loyalty
    got = [(p.persona, p.returns, p.recommend, p.unrecovered, p.recovered, p.wows)
           for p in section.personas]  # fmt: skip
    assert got == [
        ("ana", True, 10, (), (1,), ("Named the kids",)),
        ("ben", False, 4, (1, 2), (), ("Named the kids",)),
        ("cy", None, 7, (), (), ()),
    ]
    ben = section.personas[1]
    assert (ben.low.step, ben.low.emotion, ben.end.step, ben.end.emotion) == (1, -2, 2, -1)
    assert (section.returning, section.lost, section.missing) == (1, 1, ["dee"])
    assert section.recommend == (10 + 4 + 7) / 3
    drivers = [(d.kind, d.text, d.touchpoint, d.returning, d.lost) for d in section.drivers]
    # most personas who return first, then fewest who do not
    assert drivers == [
        ("recovery", "ride", "desk", ("ana",), ()),
        ("wow", "Named the kids", "gate", ("ana",), ("ben",)),
    ]
    assert section.hint == ""


def test_does_not_return(make_graph) -> None:  # type: ignore[no-untyped-def]
    (finding,) = analyse(make_graph(TOUCHPOINTS, PERSONAS)).loyalty.findings
    assert (finding.code, finding.persona, finding.severity) == ("does-not-return", "ben", SERIOUS)
    assert (
        finding.title
        == "Ben does not come back: the low is \u22122 at Ride, it ends \u22121 at Lot"
    )
    assert finding.detail == (
        "Failures nothing recovers: Ride, Lot. Wows: Named the kids. Would recommend: 4 of 10."
    )
    assert finding.file.endswith("ben.yaml")
    lines = Path(finding.file).read_text().splitlines()
    # at its `loyalty:` (the mapping's first key), not at the persona's first line
    assert lines[finding.line - 1][finding.col - 1 :].startswith(("returns", "{returns"))
    assert "loyalty" in lines[finding.line - 1] or "loyalty" in lines[finding.line - 2]


def test_without_loyalty_data_the_section_says_what_to_add(make_graph) -> None:  # type: ignore[no-untyped-def]
    section = analyse(make_graph(TOUCHPOINTS, [persona("dee", [step("gate", 0)])])).loyalty
    assert section.personas == [] and section.findings == []
    assert "loyalty: {returns: true|false, recommend: 0..10}" in section.hint
