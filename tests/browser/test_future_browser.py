"""The designed future in a real browser (Debian's Chromium): both curves drawn, the
future's dashed and with another marker shape, so a grayscale print tells them apart."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from guestology.analysis import analyse
from guestology.graph import build_graph
from guestology.render import html
from guestology.render.common import signed
from guestology.workspace import check_workspace

pytestmark = pytest.mark.browser
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
EXAMPLE = Path(__file__).resolve().parents[2] / "personas"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


def test_both_curves_are_drawn_and_told_apart(browser: Browser, tmp_path: Path) -> None:
    ws = check_workspace(EXAMPLE).workspace
    assert ws is not None
    report = analyse(build_graph(ws))
    target = tmp_path / "map.html"
    target.write_text(html.to_html(ws, report), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(target.as_uri())
    states = {s.persona: s for s in report.future.states}
    assert set(states) == {"ramirez-family", "marcus-bell"}
    for pid, state in states.items():
        section = page.locator(f"#journey-{pid} section.future")
        assert section.count() == 1
        box = section.locator("svg.future-chart").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 60  # drawn, visible
        dash = section.locator(".line-future polyline").evaluate(
            "e => getComputedStyle(e).strokeDasharray"
        )
        solid = section.locator(".line-today polyline").evaluate(
            "e => getComputedStyle(e).strokeDasharray"
        )
        assert solid == "none" and dash not in ("none", "")
        assert section.locator(".line-future rect").count() == state.steps[1]
        assert section.locator(".line-today circle").count() == state.steps[0]
        figures = section.locator(".future-figures").inner_text()
        assert f"{signed(state.mean[0] or 0, 1)} \u2192 {signed(state.mean[1] or 0, 1)}" in figures
        planned = section.locator(".planned").inner_text()
        assert all(report.tp_name(tp) in planned for tp in state.planned)
    # a persona without a future journey has no such block
    assert page.locator("#journey-camila-souza section.future").count() == 0
    page.close()
