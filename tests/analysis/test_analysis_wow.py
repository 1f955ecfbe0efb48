"""Frugal wow: ideas grouped, scored by impact / effort x negativity x personas passing."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis.findings import MINOR, NOTABLE, NOTE
from guestology.analysis.view import make_view
from guestology.analysis.wow import frugal_wow, idea_score

WATER = {"text": "Free water", "effort": "low", "impact": "high"}
PERSONAS = [
    persona("p", [
        step("a", -2, opportunities=[WATER], wow=["Cast member smiles"]),
        step("b", 1, opportunities=[{"text": "Big new ride", "effort": "high", "impact": "high"}]),
    ]),
    # the same idea in other words' case and spacing: one idea listed by two personas
    persona("q", [step("a", 0, opportunities=[{**WATER, "text": "free   WATER"}])]),
    persona("r", [
        step("a", 1),
        step("c", -1, opportunities=[{"text": "Signs", "effort": "medium", "impact": "low"}]),
    ]),
]  # fmt: skip


@pytest.fixture
def section(make_graph):  # type: ignore[no-untyped-def]
    return frugal_wow(make_view(make_graph([tp("a"), tp("b"), tp("c")], PERSONAS)))


def test_ranking(section) -> None:  # type: ignore[no-untyped-def]
    got = [(i.kind, i.text, i.touchpoint, i.emotion, i.passing, i.score) for i in section.ideas]
    assert got == [
        # high/low = 3, at a moment felt -2 (x 3), three personas pass through a: 27
        ("opportunity", "Free water", "a", -2, 3, 27.0),
        # a wow gesture counts as medium/low = 2: 2 x 3 x 3 = 18
        ("wow", "Cast member smiles", "a", -2, 3, 18.0),
        # high/high = 1, felt +1 (x 1), one persona: 1; low/medium = 0.5 x 2 x 1 = 1 (tie: by place)
        ("opportunity", "Big new ride", "b", 1, 1, 1.0),
        ("opportunity", "Signs", "c", -1, 1, 1.0),
    ]
    assert section.ideas[0].personas == ("p", "q")


def test_findings(section) -> None:  # type: ignore[no-untyped-def]
    found = [(f.code, f.subject, f.severity, f.persona) for f in section.findings]
    assert found == [
        ("opportunity", "Free water", NOTABLE, None),  # worth it, at a low moment
        ("wow", "Cast member smiles", MINOR, "p"),
        ("opportunity", "Big new ride", MINOR, "p"),
        ("opportunity", "Signs", NOTE, "r"),  # more effort than impact
    ]
    water = section.findings[0]
    assert water.line > 0 and water.file.endswith("p.yaml")  # where the opportunity is written


def test_idea_score() -> None:
    assert idea_score("low", "high", 2, 4) == 12  # a positive moment adds no weight
    assert idea_score("high", "low", -1, 1) == pytest.approx(2 / 3)
