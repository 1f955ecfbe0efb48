"""The printable pack's HTML (``to_pack``): its pages, without a browser."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from render_helpers import analysed, load

from guestology.problems import GuestologyError
from guestology.render.pack import PAGES, PackOptions, to_pack

PARK = Path(__file__).resolve().parents[2] / "personas"


@pytest.fixture(scope="module")
def park():  # type: ignore[no-untyped-def]
    ws = load(PARK)
    return ws, analysed(ws)


def pack(park, **options) -> str:  # type: ignore[no-untyped-def]
    ws, report = park
    return to_pack(ws, report, PackOptions(**options))


@pytest.mark.parametrize(("paper", "per_page"), [("a4", 4), ("a3", 2)])
def test_cards_four_to_an_a4_page_two_to_a3(park, paper: str, per_page: int) -> None:  # type: ignore[no-untyped-def]
    text = pack(park, pages=["cards"], paper=paper)
    n = len(park[0].personas)
    assert text.count('class="sheet cards-page"') == math.ceil(n / per_page)
    assert text.count('<article class="pcard') == n
    assert text.count('class="sparkline"') == n


def test_a_poster_and_journey_per_persona_in_page_order(park) -> None:  # type: ignore[no-untyped-def]
    text = pack(park, pages=["journeys", "compass"], paper="a3")
    n = len(park[0].personas)
    assert text.count('data-fit="poster"') == n
    assert text.count('class="journey-page sheet"') == n  # up to 16 steps: one A3 page each
    assert text.index('data-fit="poster"') < text.index('class="journey-page sheet"')
    assert 'class="sheet cards-page"' not in text and '<table class="canvas-table"' not in text


def test_the_blank_canvas_has_the_service_stages_and_the_named_persona(park) -> None:  # type: ignore[no-untyped-def]
    ws, _ = park
    text = pack(park, pages=["canvas"], named=["ramirez-family"])
    stages = re.findall(r'<th scope="col">([^<]*)</th>', text)
    assert stages == [s.name for s in ws.stages]
    assert text.count("<strong>The Ramirez family</strong>") == 2  # canvas and compass
    blank = pack(park, pages=["canvas"])
    assert blank.count('<span class="blank"></span>') == 2


def test_every_page_kind_and_no_masthead(park) -> None:  # type: ignore[no-untyped-def]
    text = pack(park, pages=list(PAGES))
    assert '<header class="masthead"' not in text and '<footer class="footer"' not in text
    assert 'class="sheet network-page"' in text and "<svg xmlns" in text


def test_unknown_pages_and_papers_are_user_errors(park) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GuestologyError, match="page kind"):
        pack(park, pages=["posters"])
    with pytest.raises(GuestologyError, match="paper"):
        pack(park, paper="letter")
