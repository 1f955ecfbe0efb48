"""Recovery readiness: severity-3 pain points and who owns their touchpoints."""

from __future__ import annotations

from analysis_builders import persona, step, tp

from guestology.analysis.findings import CRITICAL, SERIOUS
from guestology.analysis.recovery import recovery_readiness
from guestology.analysis.view import make_view

SEVERE = {"text": "Lost the car", "severity": 3}
TOUCHPOINTS = [
    tp("lot"),  # nobody owns it
    tp("exit", moment_of_truth=True),  # nobody owns it, and it makes or breaks the visit
    tp("desk", owner="guest-relations"),
]
PERSONAS = [
    persona("p", [step("lot", -2, pain_points=[SEVERE, "A minor annoyance"]),
                  step("desk", -1, pain_points=[{"text": "Long line", "severity": 3}])]),
    persona("q", [step("exit", -2, pain_points=[{"text": "Crowd crush", "severity": 3}])]),
]  # fmt: skip


def test_recovery(make_graph) -> None:  # type: ignore[no-untyped-def]
    section = recovery_readiness(make_view(make_graph(TOUCHPOINTS, PERSONAS)))
    # moments of truth first, then by touchpoint
    assert [(p.touchpoint, p.text) for p in section.unowned] == [
        ("exit", "Crowd crush"),
        ("lot", "Lost the car"),
    ]
    assert [(p.touchpoint, p.owner) for p in section.owned] == [("desk", "guest-relations")]
    found = [(f.touchpoint, f.persona, f.severity) for f in section.findings]
    assert found == [("exit", "q", CRITICAL), ("lot", "p", SERIOUS)]
    assert section.findings[1].line > 0 and section.findings[1].subject == "Lost the car"
