"""Channel coverage: the stage x channel matrix of onstage touchpoints; one-channel needs."""

from __future__ import annotations

from analysis_builders import persona, step, tp

from guestology.analysis.channels import channel_coverage
from guestology.analysis.findings import MINOR, NOTABLE, NOTE
from guestology.analysis.view import make_view

TOUCHPOINTS = [
    tp("web", "plan", channel="web"),
    tp("app-map", channel="app"),
    tp("desk"),  # in-person
    {"id": "sign", "name": "Sign", "stage": "visit"},  # onstage, no channel
    {
        "id": "radio",
        "name": "Radio",
        "stage": "visit",
        "visibility": "backstage",
        "supports": ["desk"],
    },  # backstage: not in the matrix
]  # fmt: skip  (and nothing at all in the stage `after`)
NEEDS = [
    {"id": "info", "text": "Opening hours", "priority": "high"},
    {"id": "map", "text": "A map"},
    {"id": "help", "text": "Someone to ask"},
    {"id": "hug", "text": "A welcome"},
    {"id": "way", "text": "The way in", "priority": "low"},
]
JOURNEY = [
    step("web", 0, serves=["info", "help"]),
    step("app-map", 0, serves=["map"]),
    step("desk", 1, serves=["help", "hug"]),
    step("sign", 0, serves=["way"]),
]


def test_channels(make_graph) -> None:  # type: ignore[no-untyped-def]
    graph = make_graph(TOUCHPOINTS, [persona("p", JOURNEY, needs=NEEDS)])
    section = channel_coverage(make_view(graph))
    assert section.stages == ["plan", "visit", "after"]
    assert section.channels == ["in-person", "app", "web", "(none)"]  # the service's order
    assert section.cells == {
        "plan": {"web": ["web"]},
        "visit": {"app": ["app-map"], "in-person": ["desk"], "(none)": ["sign"]},
    }
    assert section.backstage == 1
    # info: web only (high priority); map: app only; help: web and in person (fine);
    # hug: in person only (a note); way: served where no channel is named (not counted)
    single = [(s.need, s.channel) for s in section.single_channel]
    assert single == [("info", "web"), ("map", "app"), ("hug", "in-person")]
    found = [(f.code, f.subject, f.severity) for f in section.findings]
    assert found == [
        ("empty-stage", "after", MINOR),
        ("single-channel-need", "info", NOTABLE),
        ("single-channel-need", "map", MINOR),
        ("single-channel-need", "hug", NOTE),
    ]
    assert section.findings[0].file.endswith("service.yaml") and section.findings[0].line > 1
