"""Matching journey steps between revisions: by touchpoint and visit, never by position."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guestology.diff.journey import match_steps


def test_identical_journeys_match_in_place() -> None:
    m = match_steps(["a", "b", "c"], ["a", "b", "c"])
    assert m.pairs == [(0, 0), (1, 1), (2, 2)] and not (m.moved or m.removed or m.added)


def test_a_step_inserted_early_does_not_shift_the_others() -> None:
    m = match_steps(["a", "b", "c", "d"], ["x", "a", "b", "c", "d"])
    assert m.added == [0] and m.pairs == [(0, 1), (1, 2), (2, 3), (3, 4)]
    assert not (m.moved or m.removed)


def test_a_removed_step() -> None:
    m = match_steps(["a", "b", "c"], ["a", "c"])
    assert m.removed == [1] and m.pairs == [(0, 0), (2, 1)]


def test_a_step_moved_later() -> None:
    m = match_steps(["a", "b", "c", "d"], ["a", "c", "d", "b"])
    assert m.moved == [(1, 3)] and m.pairs == [(0, 0), (2, 1), (3, 2)]
    assert not (m.removed or m.added)


def test_two_steps_swapped_is_one_move() -> None:
    m = match_steps(["a", "b"], ["b", "a"])
    assert len(m.moved) == 1 and len(m.pairs) == 1


def test_repeat_visits_match_by_occurrence() -> None:
    """The return visit stays the return visit when a step between them goes."""
    m = match_steps(["gate", "ride", "gate"], ["gate", "gate"])
    assert m.pairs == [(0, 0), (2, 1)] and m.removed == [1]


def test_a_changed_touchpoint_is_a_step_removed_and_one_added() -> None:
    m = match_steps(["a", "b", "c"], ["a", "x", "c"])
    assert m.removed == [1] and m.added == [1] and not m.moved


@given(
    st.lists(st.sampled_from("abcde"), max_size=12),
    st.lists(st.sampled_from("abcde"), max_size=12),
)
def test_every_step_is_accounted_for_once(old: list[str], new: list[str]) -> None:
    m = match_steps(old, new)
    olds = sorted([i for i, _ in m.pairs] + [i for i, _ in m.moved] + m.removed)
    news = sorted([j for _, j in m.pairs] + [j for _, j in m.moved] + m.added)
    assert olds == list(range(len(old))) and news == list(range(len(new)))
    assert all(old[i] == new[j] for i, j in [*m.pairs, *m.moved])
    assert m.pairs == sorted(m.pairs) and [j for _, j in m.pairs] == sorted(j for _, j in m.pairs)
    assert not {old[i] for i in m.removed} & {new[j] for j in m.added}
