"""Property tests: any valid workspace analyses and renders without surprises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guestology.analysis import SECTIONS, analyse
from guestology.convert import from_data
from guestology.graph import build_graph
from guestology.model import Persona, Service, Touchpoint, Workspace
from guestology.render.report.jsondoc import to_json
from guestology.render.report.markdown import to_markdown
from guestology.render.report.text import to_text

STAGES = ["s0", "s1", "s2"]
KEYS = ["safety", "courtesy", "inclusion", "show", "efficiency"]
TEXTS = ["Lost child near the exit", "Slow", "Too hot", "Nobody answers", "Great view"]
GRADES = ["low", "medium", "high"]
VALENCES = ["positive", "negative"]


def subset(draw: Any, items: list[str]) -> list[str]:
    return draw(st.lists(st.sampled_from(items), unique=True)) if items else []


def touchpoint(draw: Any, tid: str, ids: list[str]) -> Touchpoint:
    return from_data(Touchpoint, {
        "id": tid, "name": f"Touchpoint {tid}", "stage": draw(st.sampled_from(STAGES)),
        "channel": draw(st.sampled_from(["web", "app", "in-person", None])),
        "visibility": draw(st.sampled_from(["onstage", "backstage"])),
        "system": draw(st.sampled_from(["cast", "setting", "process", None])),
        "keys": subset(draw, KEYS), "owner": draw(st.sampled_from(["ops", None])),
        "moment_of_truth": draw(st.booleans()),
        "supports": subset(draw, [i for i in ids if i != tid]),
    })  # fmt: skip


def step(draw: Any, tps: list[str], needs: list[str], stereotypes: list[str]) -> dict:
    expectation = draw(st.one_of(st.none(), st.integers(1, 5),
                                 st.tuples(st.integers(1, 3), st.integers(3, 5))))  # fmt: skip
    if isinstance(expectation, tuple):
        expectation = {"adequate": expectation[0], "desired": expectation[1]}
    pains = draw(st.lists(st.fixed_dictionaries(
        {"text": st.sampled_from(TEXTS), "severity": st.integers(1, 3)}), max_size=2))  # fmt: skip
    opportunities = draw(st.lists(st.fixed_dictionaries(
        {"text": st.sampled_from(TEXTS), "effort": st.sampled_from(GRADES),
         "impact": st.sampled_from(GRADES)}), max_size=2))  # fmt: skip
    return {
        "touchpoint": draw(st.sampled_from(tps)), "emotion": draw(st.integers(-2, 2)),
        "expectation": expectation, "delivery": draw(st.one_of(st.none(), st.integers(1, 5))),
        "serves": subset(draw, needs), "counters": subset(draw, stereotypes),
        "reinforces": subset(draw, stereotypes), "pain_points": pains,
        "opportunities": opportunities, "wow": draw(st.lists(st.sampled_from(TEXTS), max_size=1)),
    }  # fmt: skip


def persona(draw: Any, pid: str, tps: list[str]) -> Persona:
    needs = [f"n{i}" for i in range(draw(st.integers(0, 3)))]
    wants = [f"w{i}" for i in range(draw(st.integers(0, 2)))]
    stereotypes = [f"s{i}" for i in range(draw(st.integers(0, 2)))]
    compass = {
        "needs": [{"id": n, "text": n, "priority": draw(st.sampled_from(GRADES))} for n in needs],
        "wants": [{"id": w, "text": w, "for": subset(draw, needs)} for w in wants],
        "stereotypes": [{"id": s, "text": s, "valence": draw(st.sampled_from(VALENCES))}
                        for s in stereotypes],
    }  # fmt: skip
    journey = [step(draw, tps, needs + wants, stereotypes) for _ in range(draw(st.integers(0, 6)))]
    kind = draw(st.sampled_from(["guest", "cast"]))
    return from_data(
        Persona,
        {"persona": pid, "name": pid.upper(), "kind": kind, "compass": compass, "journey": journey},
    )


@st.composite
def workspaces(draw: Any) -> Workspace:
    ids = [f"t{i}" for i in range(draw(st.integers(1, 6)))]
    tps = {tid: touchpoint(draw, tid, ids) for tid in ids}
    people = {
        pid: persona(draw, pid, ids) for pid in [f"p{i}" for i in range(draw(st.integers(1, 4)))]
    }
    service = from_data(Service, {"service": "Park", "stages": STAGES})
    assert service.stages is not None
    return Workspace(Path("."), service, service.stages, tps, people)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces())
def test_any_workspace_analyses_and_renders(ws: Workspace) -> None:
    report = analyse(build_graph(ws))
    findings = report.findings()
    keys = [f.key() for f in findings]
    assert len(keys) == len(set(keys))
    assert all(1 <= f.severity <= 5 and f.section in SECTIONS and f.title for f in findings)
    for cover in report.needs.personas:
        assert cover.coverage is None or 0 <= cover.coverage <= 1
    text = to_text(report)
    assert all(len(line) <= 100 for line in text.splitlines())
    assert json.loads(to_json(report))["summary"]["findings"] == len(findings)
    assert to_markdown(report).startswith("# Guestology report: Park")
