"""Root causes, worked by hand: backstage, touchpoint and theme groups, and one finding each."""

from __future__ import annotations

from analysis_builders import persona, step, tp

from guestology.analysis.causes import root_causes
from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS
from guestology.analysis.view import make_view

TOUCHPOINTS = [
    tp("ops", visibility="backstage", supports=["dispatch"]),
    tp("dispatch", visibility="backstage", supports=["ride"]),  # a chain: ops -> dispatch -> ride
    tp("ride"),
    tp("gate"),
    tp("lot"),
    tp("queue"),
    tp("shop"),
]


def pain(text: str, severity: int = 2, *themes: str) -> dict:
    return {"text": text, "severity": severity, "themes": list(themes)}


def test_a_backstage_pain_carried_to_the_onstage_pains_it_explains(make_graph) -> None:  # type: ignore[no-untyped-def]
    """The issue's case: the cast's own pain backstage and the guests' pains where it
    supports share a theme: one root cause, on the backstage touchpoint."""
    personas = [
        persona("crew", [step("ops", -1, pain_points=[pain("Two operators short", 2, "staffing")])],
                kind="cast"),
        persona("g1", [step("ride", -2, pain_points=[pain("Ride closed", 3, "Staffing")])]),
        persona("g2", [step("ride", -1, pain_points=[pain("Slow loading", 3, "staffing"),
                                                     pain("Too hot", 1)])]),
    ]  # fmt: skip
    section = root_causes(make_view(make_graph(TOUCHPOINTS, personas)))
    # the theme group lies inside the backstage one, and the `ride` group adds only one
    # persona's pain ("Too hot"): both left out
    assert [(c.kind, c.id, c.severity, c.personas) for c in section.causes] == [
        ("backstage", "ops", 2 + 3 + 3, ("crew", "g1", "g2")),
    ]
    assert [p.text for p in section.causes[0].pains] == [
        "Two operators short", "Ride closed", "Slow loading",
    ]  # fmt: skip
    (finding,) = section.findings
    assert (finding.code, finding.touchpoint, finding.severity) == ("root-cause", "ops", SERIOUS)
    assert finding.title.startswith("Root cause: Backstage, Ops lies behind 3 pains of Crew, G1")
    assert "G2 at Ride (step 1): Slow loading" in finding.detail
    assert finding.file.endswith("service.yaml") and finding.line > 0


def test_touchpoint_and_theme_groups(make_graph) -> None:  # type: ignore[no-untyped-def]
    personas = [
        persona("g1", [step("gate", 0, pain_points=[pain("Signs point nowhere", 2, "wayfinding")]),
                       step("queue", -1, pain_points=[pain("Line is long")]),
                       step("shop", 0, pain_points=[pain("Pricey"), pain("Crowded")])]),
        persona("g2", [step("lot", -1, pain_points=[pain("Lost the row", 3, "Wayfinding")]),
                       step("queue", 0, pain_points=[pain("No shade", 1)])]),
    ]  # fmt: skip
    section = root_causes(make_view(make_graph(TOUCHPOINTS, personas)))
    # `shop` hurts one persona only: no group; ranked by the severity explained
    assert [(c.kind, c.id, c.name, c.severity) for c in section.causes] == [
        ("theme", "wayfinding", "wayfinding", 5),
        ("touchpoint", "queue", "Queue", 3),
    ]
    found = [(f.subject, f.touchpoint, f.severity) for f in section.findings]
    assert found == [
        ("theme:wayfinding", None, NOTABLE),  # one severity-3 pain
        ("touchpoint:queue", "queue", MINOR),  # two personas, nothing severe
    ]


def test_no_shared_pain_no_cause(make_graph) -> None:  # type: ignore[no-untyped-def]
    personas = [persona("g1", [step("gate", -1, pain_points=[pain("Rain", 3, "weather")])]),
                persona("g2", [step("lot", 0)])]  # fmt: skip
    section = root_causes(make_view(make_graph(TOUCHPOINTS, personas)))
    assert section.causes == [] and section.findings == []
