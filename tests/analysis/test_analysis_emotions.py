"""Emotion curves: sequence, peak (most intense, negative on a tie), end, mean, drop, lows."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis.emotions import emotion_curve, emotion_curves
from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS
from guestology.analysis.view import make_view

EMOTIONS = [("a", 1), ("b", 2), ("c", -1), ("d", -2), ("f", -1), ("b", 0), ("e", -1)]


@pytest.fixture
def section(make_graph):  # type: ignore[no-untyped-def]
    journey = [step(t, e) for t, e in EMOTIONS]
    graph = make_graph([tp(t) for t in "abcdef"], [persona("pat", journey), persona("idle", [])])
    return emotion_curves(make_view(graph))


def test_curve(section) -> None:  # type: ignore[no-untyped-def]
    curve = next(c for c in section.curves if c.persona == "pat")
    assert curve.values == [1, 2, -1, -2, -1, 0, -1]
    # +2 (step 1) and -2 (step 3) are equally intense: the negative one is the peak
    assert (curve.peak.step, curve.peak.emotion) == (3, -2)
    assert (curve.end.step, curve.end.emotion) == (6, -1)
    assert curve.peak_end == pytest.approx((-2 + -1) / 2)
    assert curve.mean == pytest.approx(-2 / 7)
    assert (curve.high.step, curve.low.step) == (1, 3)
    # falls: 2 -> -1 (3), -1 -> -2 (1), 0 -> -1 (1): the largest is from step 1 to step 2
    assert (curve.drop[0].step, curve.drop[1].step, curve.drop_size) == (1, 2, 3)
    assert [p.step for p in curve.lows] == [2, 3, 4, 6]
    assert curve.points[5].visit == 2  # the second visit of `b`


def test_findings(section) -> None:  # type: ignore[no-untyped-def]
    found = [(f.code, f.touchpoint, f.severity) for f in section.findings]
    # each low step is reported once: the end, the peak, the drop's landing, then the rest
    assert found == [
        ("ends-low", "e", SERIOUS),
        ("negative-peak", "d", NOTABLE),
        ("emotion-drop", "c", NOTABLE),
        ("low-moment", "f", MINOR),
    ]
    assert all(f.persona == "pat" and f.line > 0 for f in section.findings)


def test_empty_journey_has_no_curve(section) -> None:  # type: ignore[no-untyped-def]
    idle = next(c for c in section.curves if c.persona == "idle")
    assert idle.points == [] and idle.peak is None and idle.mean is None


def test_positive_peak_wins_when_strictly_more_intense() -> None:
    steps = [{"step": i, "touchpoint": "t", "emotion": e} for i, e in enumerate([-1, 2, 1])]
    curve = emotion_curve("p", "P", steps)
    assert curve.peak.emotion == 2 and curve.peak_end == pytest.approx(1.5)
    assert curve.drop_size == 1 and curve.lows[0].step == 0
