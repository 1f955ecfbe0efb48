"""The diff reads the format 1.1 additions in Guestology terms, never as Python values."""

from __future__ import annotations

from collections.abc import Callable

from diff_helpers import FAMILY, SERVICE, Files, base_files

from guestology.diff.compare import compare
from guestology.diff.render import to_markdown, to_text
from guestology.model import Workspace

Make = Callable[[Files], Workspace]

SOURCES = """\
sources:
  - {id: survey-q2, kind: survey, n: 840}
  - {id: team-guess, kind: assumption}
"""
BEFORE_FAMILY = FAMILY.replace(
    "journey:",
    "evidence: [team-guess]\nloyalty: {returns: false, recommend: 6}\njourney:",
).replace(
    "  - {touchpoint: fireworks, emotion: -2, opportunities: [Lend ear defenders]}",
    "  - touchpoint: fireworks\n    emotion: -2\n    opportunities: [Lend ear defenders]\n"
    "    pain_points: [{text: Too loud, severity: 3}]\n",
)
AFTER_FAMILY = (
    FAMILY.replace(
        "journey:",
        "evidence: [survey-q2, {source: team-guess, quote: Kids hate the noise}]\n"
        "loyalty: {returns: true, recommend: 9}\njourney:",
    ).replace(
        "  - {touchpoint: fireworks, emotion: -2, opportunities: [Lend ear defenders]}",
        "  - touchpoint: fireworks\n    emotion: -2\n    opportunities: [Lend ear defenders]\n"
        "    evidence: [survey-q2]\n"
        "    pain_points: [{text: Too loud, severity: 3, cause: external, key: safety,"
        " themes: [noise]}]\n"
        "  - {touchpoint: gate, emotion: 1, recovers: fireworks}\n",
    )
    + "future:\n  - {touchpoint: gate, emotion: 1}\n  - {touchpoint: quiet, emotion: 2}\n"
)
AFTER_SERVICE = (
    SERVICE.replace("service: Harbor Park", "service: Harbor Park\n" + SOURCES.replace(
        "n: 840", "n: 900").replace("  - {id: team-guess, kind: assumption}\n",
                                    "  - {id: team-guess, kind: assumption}\n"
                                    "  - {id: logs, kind: analytics}\n"))
    + "  - {id: quiet, name: Quiet room, stage: evening, channel: in-person, status: planned}\n"
)  # fmt: skip


def test_evidence_loyalty_future_sources_and_step_details(workspace: Make) -> None:
    with_sources = SERVICE.replace("service: Harbor Park", "service: Harbor Park\n" + SOURCES)
    before = {**base_files(""), "service.yaml": with_sources, "guests/family.yaml": BEFORE_FAMILY}
    after = {"service.yaml": AFTER_SERVICE, "guests/family.yaml": AFTER_FAMILY}
    diff = compare(workspace(before), workspace({**before, **after}))
    service = [c.text for c in diff.service]
    assert service == ["source `logs` added (analytics)", "source `survey-q2`: n 840 -> 900"]
    assert [c.text for c in diff.touchpoints] == [
        'touchpoint `quiet` added: "Quiet room" in stage `evening`'
    ]
    [family] = diff.personas
    texts = [c.text for c in family.ordered()]
    assert texts[:4] == [
        "evidence added: `survey-q2`",
        "evidence `team-guess`: quote changed",
        "loyalty: returns false -> true, recommend 6 -> 9",
        "step 5 `gate` (visit 2) added (emotion +1)",
    ]
    details = [t for t in texts if t.startswith("step 4 `fireworks`")]
    assert details == [
        "step 4 `fireworks`: evidence added: `survey-q2`",
        'step 4 `fireworks`: pain point "Too loud": key none -> "safety"',
        'step 4 `fireworks`: pain point "Too loud": cause "internal" -> "external"',
        'step 4 `fireworks`: pain point "Too loud": theme added: `noise`',
    ]
    future = [c.text for c in family.changes if c.kind == "future-changed"]
    assert future == [
        "future step 1 `gate` added (emotion +1)",
        "future step 2 `quiet` added (emotion +2)",
    ]
    rendered = to_text(diff) + to_markdown(diff)
    assert "(" + "'" not in rendered and "Quote(" not in rendered  # no Python values


def test_a_touchpoint_status_change_and_a_recovery_change(workspace: Make) -> None:
    planned = SERVICE.replace("owner: shows}", "owner: shows, status: planned}")
    before = {
        **base_files(""),
        "guests/family.yaml": FAMILY + "  - {touchpoint: gate, emotion: 1}\n",
    }
    after = {"service.yaml": planned, "guests/family.yaml": FAMILY
             + "  - {touchpoint: gate, emotion: 1, recovers: fireworks}\n"}  # fmt: skip
    diff = compare(workspace(before), workspace({**before, **after}))
    assert [c.text for c in diff.touchpoints] == [
        'touchpoint `fireworks`: status "live" -> "planned"'
    ]
    [family] = diff.personas
    assert "step 5 `gate` (visit 2): recovers `none` -> `fireworks`" in [
        c.text for c in family.changes
    ]
