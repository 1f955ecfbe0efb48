"""Blueprint integrity: onstage pain with nothing backstage; backstage supporting nothing."""

from __future__ import annotations

from analysis_builders import persona, step, tp

from guestology.analysis.blueprint import blueprint_integrity
from guestology.analysis.findings import MINOR, SERIOUS
from guestology.analysis.view import make_view

BACK = {"visibility": "backstage", "channel": None}
TOUCHPOINTS = [
    tp("gate"),  # pain, supported by `dispatch` (backstage): fine
    tp("queue"),  # pain, supported only by `kiosk`, which is onstage: unsupported
    tp("kiosk", supports=["queue"]),
    tp("shop"),  # pain of severity 1 and no support at all
    tp("calm"),  # no pain: nothing to say
    tp("dispatch", **BACK, supports=["gate"]),
    tp("laundry", **BACK),  # supports nothing
]
PAIN3 = {"text": "Crushed in the crowd", "severity": 3}
PERSONAS = [
    persona("p", [step("gate", -1, pain_points=["Slow"]), step("queue", -2, pain_points=[PAIN3]),
                  step("shop", 0, pain_points=[{"text": "Pricey", "severity": 1}]),
                  step("calm", 1)]),
    persona("q", [step("queue", -1, pain_points=["Long", "Hot"]), step("kiosk", 0)]),
    persona("crew", [step("laundry", 0), step("dispatch", 0)], kind="cast"),
]  # fmt: skip


def test_blueprint(make_graph) -> None:  # type: ignore[no-untyped-def]
    graph = make_graph([{k: v for k, v in t.items() if v is not None} for t in TOUCHPOINTS],
                       PERSONAS)  # fmt: skip
    section = blueprint_integrity(make_view(graph))
    assert (section.onstage, section.backstage) == (5, 2)
    got = [(u.touchpoint, u.pains, u.worst, u.personas) for u in section.unsupported]
    assert got == [("queue", 3, 3, ("p", "q")), ("shop", 1, 1, ("p",))]
    assert [i.touchpoint for i in section.idle] == ["laundry"]
    found = [(f.code, f.touchpoint, f.severity) for f in section.findings]
    assert found == [
        ("unsupported-pain", "queue", SERIOUS),  # a severity-3 pain
        ("unsupported-pain", "shop", MINOR),  # only severity 1
        ("idle-backstage", "laundry", MINOR),
    ]
