"""Five Keys x delivery systems: the matrix, its empty cells, pain points touching safety."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis.findings import CRITICAL, MINOR, NOTABLE, NOTE, SERIOUS
from guestology.analysis.keys import keys_matrix
from guestology.analysis.report import analyse
from guestology.analysis.view import make_view

KEYS = ["safety", "courtesy", "show", "efficiency"]
TOUCHPOINTS = [
    tp("ride", system="setting", keys=["safety", "show"]),
    tp("host", system="cast", keys=["courtesy", "safety"]),
    tp("app", system="process", keys=["courtesy"], channel="app"),
    tp("loose", keys=["show"]),  # no delivery system: not in the matrix
]
PERSONAS = [
    persona("p", [
        step("ride", 1, pain_points=[{"text": "Lap bar pinched", "severity": 2, "key": "safety"}]),
        step("app", -1, pain_points=[
            {"text": "Lost child alert did not work", "severity": 2, "key": "safety"},
            {"text": "The app crashed", "severity": 3}]),
    ]),
    persona("q", [
        step("host", 0, pain_points=[{"text": "Wobbly handrail", "severity": 1, "key": "safety"},
                                     {"text": "Rude", "severity": 3, "key": "courtesy"}]),
        step("ride", -2, pain_points=[
            {"text": "Fell on the exit stairs", "severity": 3, "key": "safety"},
            {"text": "Long queue at the buffet line", "severity": 3}]),
        step("loose", 0),
    ]),
]  # fmt: skip


@pytest.fixture
def section(make_graph):  # type: ignore[no-untyped-def]
    return keys_matrix(make_view(make_graph(TOUCHPOINTS, PERSONAS, keys=KEYS)))


def test_matrix(section) -> None:  # type: ignore[no-untyped-def]
    assert section.cells == {
        "safety": {"cast": ["host"], "setting": ["ride"], "process": []},
        "courtesy": {"cast": ["host"], "setting": [], "process": ["app"]},
        "show": {"cast": [], "setting": ["ride"], "process": []},
        "efficiency": {"cast": [], "setting": [], "process": []},
    }
    assert section.empty == [
        ("safety", "process"), ("courtesy", "setting"), ("show", "cast"), ("show", "process"),
        ("efficiency", "cast"), ("efficiency", "setting"), ("efficiency", "process"),
    ]  # fmt: skip
    assert section.no_system == ["loose"]


def test_safety_pains(section) -> None:  # type: ignore[no-untyped-def]
    got = [(p.touchpoint, p.persona, p.severity, p.why) for p in section.safety]
    assert got == [
        ("ride", "q", 3, "key: safety"),
        ("app", "p", 2, "key: safety"),
        ("ride", "p", 2, "key: safety"),
        ("host", "q", 1, "key: safety"),
    ]  # the buffet queue at `ride` (keyed safety) names no key: not a safety pain


def test_findings(section) -> None:  # type: ignore[no-untyped-def]
    found = [(f.code, f.subject, f.touchpoint, f.severity) for f in section.findings]
    assert found == [
        ("empty-key-cell", "safety", None, MINOR),  # the first key weighs more
        ("empty-key-cell", "courtesy", None, NOTE),
        ("empty-key-cell", "show", None, NOTE),  # one finding for its two empty cells
        ("key-unplanned", "efficiency", None, NOTABLE),
        ("safety-pain", "safety", "ride", CRITICAL),  # worst pain there: severity 3
        ("safety-pain", "safety", "app", CRITICAL),  # severity 2 and key: safety
        ("safety-pain", "safety", "host", SERIOUS),  # severity 1
    ]
    assert section.findings[2].title == "Show is delivered by no cast or process touchpoint"
    ride = section.findings[4]
    assert ride.title == "Safety at Ride: Fell on the exit stairs (and 1 more)"
    assert ride.persona is None and ride.line > 0


BUFFET = [tp("buffet", system="process", keys=["safety", "efficiency"])]


def _buffet(pain: dict) -> list[dict]:
    return [persona("g", [step("buffet", -1, pain_points=[pain])])]


def test_a_pain_belongs_to_a_key_only_when_it_names_one(make_graph) -> None:  # type: ignore[no-untyped-def]
    queue = {"text": "Twenty minutes in the buffet queue", "severity": 2}
    plain = analyse(make_graph(BUFFET, _buffet(queue)))
    assert [f for f in plain.findings() if f.code == "safety-pain"] == []
    keyed = analyse(make_graph(BUFFET, _buffet({**queue, "key": "safety"})))
    safety = [f for f in keyed.findings() if f.code == "safety-pain"]
    assert [(f.touchpoint, f.severity) for f in safety] == [("buffet", CRITICAL)]


def test_key_coverage_only_when_the_service_declares_keys(make_graph) -> None:  # type: ignore[no-untyped-def]
    codes = {"key-unplanned", "empty-key-cell"}
    defaults = analyse(make_graph(BUFFET, _buffet("Queue")))
    assert not [f for f in defaults.findings() if f.code in codes]
    declared = analyse(
        make_graph(BUFFET, _buffet("Queue"), keys=["safety", "courtesy", "efficiency"])
    )
    found = {(f.code, f.subject) for f in declared.findings() if f.code in codes}
    assert ("key-unplanned", "courtesy") in found and ("empty-key-cell", "safety") in found


def test_planned_and_retired_touchpoints_are_not_todays_service(make_graph) -> None:  # type: ignore[no-untyped-def]
    touchpoints = [tp("gate", system="cast", keys=["safety"]),
                   tp("app-gate", system="process", keys=["safety"], status="planned"),
                   tp("kiosk", system="setting", keys=["safety"], status="retired")]  # fmt: skip
    report = analyse(make_graph(touchpoints, [persona("pat", [step("gate", 1)])]))
    assert report.keys.cell("safety", "cast") == ["gate"]
    assert (
        report.keys.cell("safety", "process") == [] and report.keys.cell("safety", "setting") == []
    )
    assert report.keys.not_live == ["app-gate", "kiosk"]
    assert [t for cells in report.channels.cells.values() for c in cells.values() for t in c] == [
        "gate"
    ]
    assert report.channels.not_live == ["app-gate", "kiosk"]
