"""Confidence on every finding, and the evidence section, worked by hand."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis import analyse

SOURCES = [
    {"id": "survey-q2", "kind": "survey", "n": 840},
    {"id": "team-guess", "kind": "assumption"},
    {"id": "chats", "kind": "analytics"},
]
TOUCHPOINTS = [tp("gate"), tp("lot"), tp("desk"), tp("show", moment_of_truth=True)]
SEVERE = {"text": "Lost the car", "severity": 3}


def confidences(report) -> dict[tuple[str, str | None, str | None], str]:  # type: ignore[no-untyped-def]
    return {(f.code, f.persona, f.touchpoint): f.confidence for f in report.findings()}


@pytest.fixture
def report(make_graph):  # type: ignore[no-untyped-def]
    personas = [
        persona("ann", [
            step("gate", -1, evidence=["team-guess"]),  # an assumption only: assumed
            step("lot", -2, evidence=["survey-q2"]),  # a survey: evidenced
            step("desk", -1, pain_points=[{**SEVERE, "evidence": [
                {"source": "chats", "quote": "I could not find my car"}]}]),  # the pain cites
        ]),
        # a persona-level source covers every step of it
        persona("bob", [step("gate", -1), step("show", -1)],
                extra={"evidence": ["survey-q2"]}),
        persona("cy", [step("show", 1)], needs=[
            {"id": "seat", "text": "A seat", "priority": "high", "evidence": ["chats"]},
            {"id": "calm", "text": "Calm", "priority": "high"},
        ]),
    ]  # fmt: skip
    return analyse(make_graph(TOUCHPOINTS, personas, sources=SOURCES))


def test_a_step_backed_only_by_an_assumption_is_assumed(report) -> None:  # type: ignore[no-untyped-def]
    found = confidences(report)
    assert found["unrecovered-failure", "ann", "gate"] == "assumed"
    assert found["unrecovered-failure", "ann", "lot"] == "evidenced"  # the survey


def test_a_pain_and_a_persona_level_source(report) -> None:  # type: ignore[no-untyped-def]
    found = confidences(report)
    # the step at the desk cites nothing, so its failure is assumed; its pain cites chats
    assert found["unrecovered-failure", "ann", "desk"] == "assumed"
    assert found["unowned-severe-pain", "ann", "desk"] == "evidenced"
    # bob cites the survey himself: it covers his steps
    assert found["unrecovered-failure", "bob", "gate"] == "evidenced"
    assert found["unrecovered-failure", "bob", "show"] == "evidenced"


def test_items_and_touchpoints(report) -> None:  # type: ignore[no-untyped-def]
    needs = {f.subject: f.confidence for f in report.needs.findings}
    assert needs == {"seat": "evidenced", "calm": "assumed"}  # both unmet; seat cites chats
    # a finding about a touchpoint: evidenced when any step in scope there is (bob's)
    moment = next(f for f in report.moments.findings if f.touchpoint == "show")
    assert moment.persona is None and moment.confidence == "evidenced"
    assert all(f.to_dict()["confidence"] in ("evidenced", "assumed") for f in report.findings())


def test_the_evidence_section(report) -> None:  # type: ignore[no-untyped-def]
    s = report.evidence
    shares = {x.what: (x.evidenced, x.total) for x in s.shares}
    # personas: bob only; needs: seat (its own source) of seat, calm; steps: ann's lot and
    # bob's two of six; severe pains: the desk's, which cites chats
    assert shares == {"personas": (1, 3), "needs": (1, 2), "steps": (3, 6), "severe pains": (1, 1)}
    assert [(x.id, x.kind, x.n, x.cited_by) for x in s.sources] == [
        ("survey-q2", "survey", 840, 2), ("team-guess", "assumption", None, 1),
        ("chats", "analytics", None, 2),
    ]  # fmt: skip
    assert s.by_kind == {"survey": 2, "assumption": 1, "analytics": 2}
    # what to research next: the assumed findings, most important first
    assert s.research_next and all(f.confidence == "assumed" for f in s.research_next)
    severities = [f.severity for f in s.research_next]
    assert severities == sorted(severities, reverse=True)
    assert ("unmet-need", "calm") in {(f.code, f.subject) for f in s.research_next}


def test_no_sources_means_every_finding_is_assumed(make_graph) -> None:  # type: ignore[no-untyped-def]
    report = analyse(make_graph(TOUCHPOINTS, [persona("ann", [step("gate", -2)])]))
    assert {f.confidence for f in report.findings()} == {"assumed"}
    assert report.evidence.sources == []
