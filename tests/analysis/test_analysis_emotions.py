"""Emotion curves: sequence, peak (most intense, negative on a tie), end, mean, drop, lows."""

from __future__ import annotations

import pytest
from analysis_builders import persona, step, tp

from guestology.analysis.emotions import emotion_curve, emotion_curves, return_start
from guestology.analysis.findings import NOTABLE, NOTE, SERIOUS
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
    # the end, the peak, the drop's landing (other low steps are failures: ``recovery``)
    assert found == [
        ("ends-low", "e", SERIOUS),
        ("negative-peak", "d", NOTABLE),
        ("emotion-drop", "c", NOTABLE),
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


STAGED = [tp("gate", "arrive"), tp("ride", "visit"), tp("lot", "depart"),
          tp("email", "return"), tp("renew", "return")]  # fmt: skip
STAGES = ["arrive", "visit", "depart", {"id": "return", "name": "Remember and return"}]


def test_the_end_is_the_last_step_of_the_visit(make_graph) -> None:  # type: ignore[no-untyped-def]
    """Steps in a last stage about returning are the return, reported apart, not the end."""
    journey = [step("gate", 1), step("ride", 2), step("lot", -2), step("email", 2),
               step("renew", 1)]  # fmt: skip
    graph = make_graph(STAGED, [persona("pat", journey)], stages=STAGES)
    section = emotion_curves(make_view(graph))
    (curve,) = section.curves
    assert (curve.end.step, curve.end.emotion) == (2, -2)
    assert [p.step for p in curve.after] == [3, 4]
    assert curve.peak_end == pytest.approx((-2 + -2) / 2)  # the peak is the visit's -2 too
    assert curve.mean == pytest.approx(4 / 5)  # the mean is over every step
    ends = [f for f in section.findings if f.code == "ends-low"]
    assert [(f.touchpoint, f.severity) for f in ends] == [("lot", SERIOUS)]
    assert "the return, reported apart" in ends[0].detail


def test_a_loop_back_to_the_first_touchpoint_starts_the_return() -> None:
    steps = [{"step": i, "touchpoint": t, "emotion": 0} for i, t in enumerate("abca")]
    assert return_start(steps, {}, "") == 3
    assert return_start(steps[:3], {}, "") is None
    # a last stage not about returning is part of the visit
    assert return_start(steps[:3], {"c": "depart"}, "") is None
    assert return_start(steps[:3], {"c": "return"}, "return") == 2


def test_a_positive_compass_emotion_no_step_evokes_is_a_note(make_graph) -> None:  # type: ignore[no-untyped-def]
    emotions = [{"id": "joy", "text": "Joy"}, {"id": "calm", "text": "Calm"},
                {"id": "dread", "text": "Dread", "valence": "negative"}]  # fmt: skip
    journey = [step("gate", 1, evokes=["joy"]), step("ride", 2, evokes=["joy"])]
    graph = make_graph(STAGED, [persona("pat", journey, emotions=emotions)], stages=STAGES)
    section = emotion_curves(make_view(graph))
    assert [(e.id, e.steps, e.touchpoints) for e in section.evoked] == [
        ("joy", (0, 1), ("gate", "ride")), ("calm", (), ()), ("dread", (), ()),
    ]  # fmt: skip
    notes = [(f.code, f.subject, f.severity) for f in section.findings]
    assert notes == [("emotion-not-evoked", "calm", NOTE)]  # a negative one unevoked is good
