# ruff: noqa: E501, F811  (page-side JavaScript on readable lines; the shared browser fixture)
"""Print that fits, measured in Debian's Chromium: page counts from real PDFs, every printed
journey page inside its page box, no word broken or overflowing, text never below the
paper's minimum (8 pt on A3), the network and the together chart inside their drawings.

Playwright drives ``/usr/bin/chromium`` (nothing downloaded); the pack's PDF also goes
through ``html_to_pdf`` as ``guestology print`` does, and ``pdftotext`` (poppler-utils)
reads the pages' running heads.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from test_map_browser import CHROMIUM, EXAMPLE, Watched, browser, load, pdf_pages  # noqa: F401

from guestology.render import html
from guestology.render.html.maps import MIN_TEXT_PT, sheet_px
from guestology.render.pack import PackOptions, html_to_pdf, to_pack

pytestmark = pytest.mark.browser
PT = 96 / 72  # CSS px per point


@pytest.fixture(scope="module")
def park() -> Any:
    return load(EXAMPLE)


def pack(park: Any, pages: list[str], paper: str) -> str:
    ws, report = park
    return to_pack(ws, report, PackOptions(pages=pages, paper=paper))


def pdf_texts(data: bytes, tmp_path: Path) -> list[str]:
    """The text of every page of a PDF (``pdftotext``, one page at a time)."""
    source = tmp_path / "printed.pdf"
    source.write_bytes(data)
    count = len(pdf_pages(data))
    return [
        subprocess.run(
            ["pdftotext", "-f", str(i), "-l", str(i), str(source), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        for i in range(1, count + 1)
    ]  # fmt: skip


@pytest.fixture
def printed(browser: Browser) -> Iterator[Any]:  # noqa: F811
    """Open an HTML text at a paper's printable width, in print media."""
    pages: list[Page] = []

    def open_printed(text: str, paper: str, tmp_path: Path) -> Page:
        width, _ = sheet_px(paper)
        watched = Watched(browser, width=width + 4)
        target = tmp_path / f"print-{paper}.html"
        target.write_text(text, encoding="utf-8")
        page = watched.open(target)
        page.emulate_media(media="print")
        pages.append(page)
        assert watched.problems == []
        return page

    yield open_printed
    for page in pages:
        page.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_park_prints_each_journey_on_one_a3_page_and_at_most_two_a4(
    park: Any,
    browser: Browser,
    tmp_path: Path,  # noqa: F811
) -> None:
    ws, report = park
    n = len(ws.personas)
    for paper, most in (("a3", 1), ("a4", 2)):
        text = html.to_html(ws, report, html.MapOptions(paper=paper))
        target = tmp_path / f"map-{paper}.html"
        target.write_text(text, encoding="utf-8")
        page = browser.new_page()
        page.goto(target.as_uri())
        data = page.pdf(format=paper.upper(), landscape=True, print_background=True,
                        prefer_css_page_size=True)  # fmt: skip
        page.close()
        heads = [re.search(r"page (\d) of (\d)", t) for t in pdf_texts(data, tmp_path)]
        found = [(int(h.group(1)), int(h.group(2))) for h in heads if h]
        assert sum(1 for i, _ in found if i == 1) == n  # a running head on every page
        assert all(total <= most for _, total in found), (paper, found)
        # a journey's pages follow each other: no lane or heading spills onto a page between
        assert all(i == 1 or found[k - 1][0] == i - 1 for k, (i, _) in enumerate(found))
        assert len(found) == sum(total for i, total in found if i == 1)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_all_personas_together_prints_on_one_page_with_its_list(
    park: Any,
    browser: Browser,
    tmp_path: Path,  # noqa: F811
) -> None:
    """On A4 the chart was drawn across the width and one line of the list below it spilt
    onto a page of its own; the chart now stays low enough for the list to fit."""
    ws, report = park
    listed = [d.name for d in report.divergence.touchpoints[:5]]
    assert len(listed) == 5
    for paper in ("a3", "a4"):
        target = tmp_path / f"together-{paper}.html"
        target.write_text(html.to_html(ws, report, html.MapOptions(paper=paper)), encoding="utf-8")
        page = browser.new_page()
        page.goto(target.as_uri())
        data = page.pdf(format=paper.upper(), landscape=True, print_background=True,
                        prefer_css_page_size=True)  # fmt: skip
        page.close()
        texts = pdf_texts(data, tmp_path)
        (at,) = [i for i, t in enumerate(texts) if "All personas together" in t]
        flat = " ".join(texts[at].split())
        assert all(f"{name}: a spread" in flat for name in listed), (paper, listed)
        assert "Touchpoint network" not in flat and "spread of" not in " ".join(texts[at + 1 :])


def test_print_journeys_gives_one_a3_page_per_persona(park: Any, tmp_path: Path) -> None:
    data = html_to_pdf(pack(park, ["journeys"], "a3"), CHROMIUM)  # as `guestology print`
    assert len(pdf_pages(data)) == len(park[0].personas)


def test_print_cards_on_a4_gives_a_page_per_four_personas(park: Any, browser: Browser) -> None:  # noqa: F811
    page = browser.new_page()
    page.set_content(pack(park, ["cards"], "a4"))
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    boxes = pdf_pages(data)
    assert len(boxes) == math.ceil(len(park[0].personas) / 4)
    assert all(abs(w - 841.89) < 2 and abs(h - 595.28) < 2 for w, h in boxes)


MEASURE = """([sel, minPx]) => {
  const out = {over: [], small: [], broken: []};
  const [w, sheetH] = document.body.getAttribute('data-sheet').split(' ').map(Number);
  const h = sheetH + 6;  // the printable height: data-sheet keeps a few pixels in hand
  for (const sheet of document.querySelectorAll(sel)) {
    const box = sheet.getBoundingClientRect();
    if (box.height > h + 1 || box.width > w + 4) out.over.push([sheet.className, box.width, box.height]);
    for (const e of sheet.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.width && (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1))
        out.over.push([e.tagName, e.className.baseVal ?? e.className, r.right - box.right]);
      const text = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      if (!text || e.closest('title, desc')) continue;
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden' || e.closest('.sr-only')) continue;
      let size = parseFloat(style.fontSize);
      const svg = e.closest('svg');
      if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      if (size < minPx - 0.05) out.small.push([e.tagName, e.textContent.slice(0, 20), size]);
    }
    for (const cell of sheet.querySelectorAll('td, th:not(.lov th)'))
      if (cell.scrollWidth > cell.clientWidth + 1) out.broken.push(cell.textContent.slice(0, 30));
  }
  return out;
}"""


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_journey_pages_fit_their_paper(park: Any, printed: Any, tmp_path: Path, paper: str) -> None:
    ws, report = park
    page = printed(html.to_html(ws, report, html.MapOptions(paper=paper)), paper, tmp_path)
    found = page.evaluate(MEASURE, [".journey-page", MIN_TEXT_PT[paper] * PT])
    assert found == {"over": [], "small": [], "broken": []}
    fitted = page.eval_on_selector_all(
        ".journey-page", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert len(fitted) >= len(ws.personas) and min(fitted) >= MIN_TEXT_PT[paper] * PT - 0.05


def test_posters_fit_their_page(park: Any, printed: Any, tmp_path: Path) -> None:
    page = printed(pack(park, ["compass", "canvas"], "a3"), "a3", tmp_path)
    found = page.evaluate(MEASURE, [".sheet", 8 * PT])
    assert found["over"] == [] and found["broken"] == []


def test_network_flows_stay_in_the_drawing(park: Any, printed: Any, tmp_path: Path) -> None:
    ws, report = park
    page = printed(html.to_html(ws, report, html.MapOptions(paper="a4")), "a4", tmp_path)
    inside = page.eval_on_selector(
        "svg.network",
        """svg => { const v = svg.viewBox.baseVal; const r = svg.getBoundingClientRect();
          const [w, h] = document.body.getAttribute('data-sheet').split(' ').map(Number);
          return [...svg.querySelectorAll('path, rect, text')].every(e => { const b = e.getBBox();
            return b.x >= v.x - 0.5 && b.y >= v.y - 0.5 && b.x + b.width <= v.x + v.width + 0.5
              && b.y + b.height <= v.y + v.height + 0.5; }) && r.width <= w + 4 && r.height <= h; }""",
    )
    assert inside


def test_together_uses_the_width_with_labels_whole(
    park: Any, browser: Browser, tmp_path: Path
) -> None:  # noqa: F811
    ws, report = park
    target = tmp_path / "map.html"
    target.write_text(html.to_html(ws, report), encoding="utf-8")
    watched = Watched(browser, width=1440)
    page = watched.open(target)
    width = page.eval_on_selector("svg.together", "svg => svg.getBoundingClientRect().width")
    assert width > 1200  # about the window's width, not a third of it
    labels = page.eval_on_selector(
        "svg.together",
        """svg => { const v = svg.viewBox.baseVal;
          return [...svg.querySelectorAll('text.col-label')].map(t => { const r = t.getBoundingClientRect();
            const s = svg.getBoundingClientRect(); return [t.textContent, r.right <= s.right + 1 && r.bottom <= s.bottom + 1]; }); }""",
    )
    assert labels and all(ok for _, ok in labels), [t for t, ok in labels if not ok]
    assert not any(t.endswith("\u2026") for t, _ in labels)
    watched.page.close()
