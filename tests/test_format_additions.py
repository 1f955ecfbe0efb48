"""The additions of format 1.1: sources and evidence, touchpoint status, future journeys,
pain keys, causes and themes, ``recovers`` and loyalty (docs/format.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guestology.convert import from_data
from guestology.model import PainPoint, Persona, Quote, Step, Touchpoint, cited, dump
from guestology.workspace import check_workspace

DATA = Path(__file__).resolve().parent / "data"
SERVICE = """service: Case Park
stages: [plan, visit]
sources:
  - {id: gate-interviews, kind: interview}
touchpoints:
  - {id: web, name: Website, stage: plan, channel: web, owner: web-team}
  - {id: gate, name: Gate, stage: visit, channel: in-person, owner: ops}
"""
PERSONA = """persona: guest
name: A guest
compass:
  needs: [{id: info, text: Information}]
  stereotypes: [{id: pricey, text: Pricey}]
journey:
  - {touchpoint: web, emotion: 1, serves: [info], counters: [pricey]}
  - {touchpoint: gate, emotion: 0}
"""


def _problems(tmp_path: Path, persona: str, service: str = SERVICE) -> list[str]:
    (tmp_path / "service.yaml").write_text(service)
    (tmp_path / "guest.yaml").write_text(persona)
    result = check_workspace(tmp_path)
    return [f"{p.line}:{p.col} {p.code}" for p in result.problems]


def test_defaults_change_nothing_for_files_written_before() -> None:
    pain, step = from_data(PainPoint, "Queue"), Step(touchpoint="gate", emotion=0)
    assert (pain.key, pain.cause, pain.themes, pain.evidence) == (None, "internal", (), ())
    assert (step.recovers, step.evidence) == (None, ())
    assert Touchpoint(id="t", name="T", stage="s").status == "live"
    persona = Persona(persona="p", name="P")
    assert (persona.future, persona.loyalty, persona.evidence) == ([], None, ())


def test_empty_additions_share_one_default() -> None:
    """Tens of thousands of steps and pains: no empty list allocated for each."""
    one, two = from_data(PainPoint, "a"), from_data(PainPoint, "b")
    assert one.themes is two.themes and one.evidence is Step(touchpoint="t", emotion=0).evidence


def test_evidence_keeps_ids_as_text_and_quotes_as_nodes() -> None:
    step = from_data(
        Step, {"touchpoint": "t", "emotion": 0, "evidence": ["a", {"source": "b", "quote": "Q"}]}
    )
    assert step.evidence[0] == "a" and isinstance(step.evidence[1], Quote)
    assert cited(step.evidence) == ["a", "b"]


def test_the_valid_case_reads_every_addition() -> None:
    ws = check_workspace(DATA / "valid" / "research-and-future").workspace
    assert ws is not None
    guest = ws.personas["guest"]
    assert [s.kind for s in ws.service.sources] == ["interview", "survey", "assumption"]
    assert ws.service.sources[0].n == 12 and ws.service.sources[0].date == "2026-05-14"
    assert guest.loyalty is not None and (guest.loyalty.returns, guest.loyalty.recommend) == (
        False,
        4,
    )
    pain = guest.journey[1].pain_points[0]
    assert (pain.key, pain.cause, pain.themes) == ("efficiency", "external", ("queues", "weather"))
    assert guest.journey[3].recovers == "gate" and len(guest.future) == 3
    assert ws.touchpoints["gate-app"].status == "planned"


def test_evidence_entries_are_located(monkeypatch: pytest.MonkeyPatch) -> None:
    case = DATA / "valid" / "research-and-future"
    monkeypatch.chdir(case)
    ws = check_workspace(Path(".")).workspace
    assert ws is not None
    step = ws.personas["guest"].journey[1]
    quote = step.evidence[1]
    assert isinstance(quote, Quote)
    line = (case / "guest.yaml").read_text().splitlines()[13]
    assert step.where("evidence", 0) == ("guest.yaml", (14, line.index("survey-q2") + 1))
    assert quote.where("source") == ("guest.yaml", (14, line.index("interviews") + 1))


def test_future_steps_are_checked_like_journey_steps(tmp_path: Path) -> None:
    future = "future:\n  - {touchpoint: gaet, emotion: 1, serves: [inof]}\n"
    assert _problems(tmp_path, PERSONA + future) == [
        "10:18 unknown-touchpoint",
        "10:45 unknown-compass-id",
    ]
    out_of_range = "future:\n  - {touchpoint: gate, emotion: 3, delivery: 9}\n"
    assert _problems(tmp_path, PERSONA + out_of_range) == [
        "10:33 out-of-range",
        "10:46 out-of-range",
    ]


def test_a_future_journey_is_a_design_not_today(tmp_path: Path) -> None:
    """It serves no need, counters no stereotype and raises no step warning..."""
    today = PERSONA.replace(", serves: [info], counters: [pricey]", "")
    future = "future:\n  - {touchpoint: web, emotion: -2, serves: [info], counters: [pricey]}\n"
    assert _problems(tmp_path, today + future) == ["4:11 unmet-need", "5:17 uncountered-stereotype"]


def test_a_touchpoint_only_the_future_visits_is_no_orphan(tmp_path: Path) -> None:
    """...but it is a visit: a touchpoint only the future visits is no orphan."""
    service = SERVICE + (
        "  - {id: gate-app, name: App gate, stage: visit, owner: ops, status: planned}\n"
        "  - {id: paper-map, name: Paper map, stage: visit, owner: ops, status: retired}\n"
        "  - {id: kiosk, name: Kiosk, stage: visit, owner: ops, status: planned}\n"
    )
    future = "future:\n  - {touchpoint: gate-app, emotion: 1}\n"
    assert _problems(tmp_path, PERSONA + future, service) == ["10:5 orphan-touchpoint"]


def test_a_broken_service_file_does_not_cascade_into_evidence_and_keys(tmp_path: Path) -> None:
    service = SERVICE.replace("stages:", "keys: [safety, speed]\nstages:") + "colour: red\n"
    persona = PERSONA.replace(
        "{touchpoint: gate, emotion: 0}",
        "{touchpoint: gate, emotion: 0, evidence: [gate-interviews],"
        " pain_points: [{text: Slow, key: speed}]}",
    )
    assert _problems(tmp_path, persona, service) == ["9:1 unknown-field"]


def test_evidence_without_any_source_says_where_to_declare_it(tmp_path: Path) -> None:
    (tmp_path / "guest.yaml").write_text(PERSONA.replace("name:", "evidence: [notes]\nname:"))
    without = [line for line in SERVICE.splitlines() if "sources:" not in line]
    (tmp_path / "service.yaml").write_text("\n".join(without).replace("  - {id: gate-i", "#"))
    messages = [p.message for p in check_workspace(tmp_path).problems]
    assert messages == ["unknown source `notes`: declare it in the service file's `sources:`"]


def test_evidence_dumps_both_forms_without_warnings(recwarn: pytest.WarningsRecorder) -> None:
    """``guestology diff`` compares dumps: a quote must not be serialized as an id."""
    step = from_data(
        Step, {"touchpoint": "t", "emotion": 0, "evidence": ["a", {"source": "b", "quote": "Q"}]}
    )
    assert dump(step)["evidence"] == ("a", {"source": "b", "quote": "Q"})
    assert not [w for w in recwarn if "serializ" in str(w.message)]
