"""The three renderings of a diff: text (golden), Markdown (golden, safe in a comment), JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

from guestology.diff import to_json, to_markdown, to_text
from guestology.diff.changes import Change, Curve, FindingChange, PersonaDiff, WorkspaceDiff


def _sample() -> WorkspaceDiff:
    family = PersonaDiff(
        "family",
        "The family",
        "changed",
        [
            Change("need-unmet", "hydration", "need `hydration` is no longer served"),
            Change("curve-changed", "curve", "emotion curve: mean +0.00 -> +0.75"),
            Change(
                "emotion-changed", "fireworks#1", "step 4 `fireworks`: emotion -2 -> +1 (+3)", -2, 1
            ),
            Change("step-details", "ride#1", 'step 3 `ride`: pain point added: "<b>@ops</b>"'),
        ],
        Curve(0.0, -2, -2, 4),
        Curve(0.75, 1, 1, 4),
    )
    twins = PersonaDiff("twins", "The twins", "added", curve_after=Curve(1.0, 2, 1, 3))
    return WorkspaceDiff(
        "HEAD~1 (1a2b3c4)",
        "working tree",
        "personas",
        service=[Change("channel-added", "kiosk", "channel `kiosk` added")],
        touchpoints=[Change("touchpoint-changed", "gate", 'touchpoint `gate`: owner -> "ops"')],
        personas=[family, twins],
        findings=[
            FindingChange("+", 3, "notable", "needs", "unmet-need", "Need unmet", "family"),
            FindingChange(
                "-", 4, "serious", "emotions", "ends-low", "Ends low", "family", "fireworks",
                "end", "HEAD~1:personas/family.yaml:9:5",
            ),
        ],
    )  # fmt: skip


def test_text(golden: Callable[[str, str], None]) -> None:
    golden("diff/sample.txt", to_text(_sample()))


def test_markdown(golden: Callable[[str, str], None]) -> None:
    text = to_markdown(_sample())
    golden("diff/sample.md", text)
    assert "<b>" not in text and "@ops" not in text  # no HTML, no mentions in a PR comment
    assert "| before | 0.00 | −2 | −2 |" in text


def test_json_is_structured() -> None:
    doc = json.loads(to_json(_sample()))
    assert doc["format"] == 1 and doc["changed"] is True
    kinds = [c["kind"] for c in doc["personas"][0]["changes"]]
    assert kinds == ["emotion-changed", "curve-changed", "need-unmet", "step-details"]
    assert doc["personas"][1]["curve"] == {
        "before": None,
        "after": {"mean": 1.0, "peak": 2, "end": 1, "steps": 3},
    }
    assert [f["code"] for f in doc["findings"]["disappeared"]] == ["ends-low"]


def test_no_changes() -> None:
    same = WorkspaceDiff("HEAD (1a2b3c4)", "working tree", "personas")
    assert to_text(same).endswith("\n\nNo semantic changes.\n")
    assert to_markdown(same).endswith("No semantic changes.\n")
    assert json.loads(to_json(same))["changed"] is False
