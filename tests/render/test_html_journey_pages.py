"""Journey pages: where a journey is cut for print (``split_pages``)."""

from __future__ import annotations

from guestology.render.html.journey import PAGE_MOST, PAGE_STEPS, split_pages


def stages(*sizes: int) -> list[str]:
    return [f"s{i}" for i, size in enumerate(sizes) for _ in range(size)]


def test_a3_keeps_up_to_sixteen_steps_on_one_page() -> None:
    for n in (1, 8, 13, 16):
        assert split_pages(stages(n), PAGE_STEPS["a3"], PAGE_MOST["a3"]) == [(0, n)]


def test_a4_cuts_between_whole_stages_evenly() -> None:
    assert split_pages(stages(2, 3, 6, 2), 8, 10) == [(0, 5), (5, 13)]
    assert split_pages(stages(4, 4, 4, 4), 8, 10) == [(0, 8), (8, 16)]
    assert split_pages(stages(8), 8, 10) == [(0, 8)]


def test_a4_never_takes_more_than_two_pages_up_to_sixteen_steps() -> None:
    for sizes in [(1, 14), (15,), (3, 3, 3, 3, 4), (1, 1, 1, 13), (9, 1, 6)]:
        pages = split_pages(stages(*sizes), PAGE_STEPS["a4"], PAGE_MOST["a4"])
        assert len(pages) == 2, sizes
        assert max(b - a for a, b in pages) <= PAGE_MOST["a4"], sizes
        assert pages[0][0] == 0 and pages[-1][1] == sum(sizes)


def test_a_stage_too_long_for_a_page_is_split_evenly() -> None:
    assert split_pages(stages(1, 14), 8, 10) == [(0, 8), (8, 15)]


def test_long_journeys_take_more_pages_each_whole() -> None:
    pages = split_pages(stages(*([2] * 17)), 16, 16)
    assert len(pages) == 3 and all(b - a <= 16 and a % 2 == 0 for a, b in pages)


def test_an_empty_journey_is_one_empty_page() -> None:
    assert split_pages([], 8, 10) == [(0, 0)]


def _longest(chosen: tuple[int, ...] | list[int], n: int) -> int:
    edges = [0, *chosen, n]
    return max(b - a for a, b in zip(edges, edges[1:], strict=False))


def test_the_cuts_make_the_longest_page_shortest_as_a_full_search_would() -> None:
    """Against every choice of ``count - 1`` cuts, on small journeys (seeded)."""
    import random
    from itertools import combinations

    from guestology.render.html.journey import _balanced_cuts

    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(2, 20)
        cuts = sorted(rng.sample(range(1, n), rng.randint(0, n - 1)))
        count = rng.randint(2, 5)
        got = _balanced_cuts(n, count, cuts)
        if len(cuts) < count - 1:
            assert got is None
            continue
        assert got is not None and len(got) <= count - 1 and set(got) <= set(cuts)
        best = min(_longest(c, n) for c in combinations(cuts, count - 1))
        assert _longest(got, n) == best


def test_a_journey_of_a_thousand_steps_is_cut_at_once() -> None:
    long = [f"stage-{i // 3}" for i in range(1000)]  # a stage change every third step
    pages = split_pages(long, 16, 16)
    assert len(pages) == 63 and max(b - a for a, b in pages) <= 16
    assert pages[0][0] == 0 and pages[-1][1] == 1000


def test_a_page_of_one_step_says_step_not_steps() -> None:
    from guestology.render.html.journey import _steps_text

    assert _steps_text(13, 13) == "step 13"
    assert _steps_text(1, 13) == "steps 1\u201313"
