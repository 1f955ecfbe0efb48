"""The HTML map in a real browser: Playwright (sync API) driving Debian's Chromium.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium``. The example
park (``personas/``) must load without console errors or requests; hostile names stay
text; printing gives at least a page per persona at the chosen paper size; the network
highlights a persona's path on click.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from guestology.analysis import analyse
from guestology.graph import build_graph
from guestology.render import html
from guestology.render.html.together import LINES_UP_TO
from guestology.workspace import check_workspace

pytestmark = pytest.mark.browser
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "personas"
FIXTURE = ROOT / "tests" / "golden" / "html_workspace"
CHROMIUM = "/usr/bin/chromium"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
# PDF points (1/72 in) of a landscape page: A3 420 x 297 mm, A4 297 x 210 mm
PAPER_POINTS = {"a3": (1190.55, 841.89), "a4": (841.89, 595.28)}
PRINTABLE_PX = {"a3": 1512, "a4": 1047}  # the page width less 2 x 10 mm margins, CSS px


def load(root: Path) -> tuple[Any, Any]:
    """The workspace and its report, analysed once as the CLI does."""
    result = check_workspace(root)
    assert result.workspace is not None, [p.format() for p in result.problems]
    return result.workspace, analyse(build_graph(result.workspace))


def write_map(root: Path, target: Path, **options: Any) -> Path:
    ws, report = load(root)
    target.write_text(html.to_html(ws, report, html.MapOptions(**options)), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


class Watched:
    """A page with everything that went wrong on it: console errors, failed or outside
    requests, uncaught exceptions, dialogs."""

    def __init__(self, browser: Browser, width: int = 1500) -> None:
        self.page: Page = browser.new_page(viewport={"width": width, "height": 1000})
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page = self.page
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("requestfailed", lambda req: self.problems.append(f"failed: {req.url}"))
        page.on("dialog", self._dialog)
        page.route(re.compile(r"^(?!file:|data:|about:).*"), self._outside)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _outside(self, route: Any) -> None:
        self.problems.append(f"request outside the file: {route.request.url}")
        route.abort()

    def open(self, path: Path) -> Page:
        self.page.goto(path.as_uri(), wait_until="load")
        return self.page


@pytest.fixture(scope="module")
def example_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_map(EXAMPLE, tmp_path_factory.mktemp("example") / "map.html")


def test_the_example_map_loads_cleanly(browser: Browser, example_map: Path) -> None:
    watched = Watched(browser)
    page = watched.open(example_map)
    page.wait_for_timeout(200)
    assert page.title().endswith("journey map")
    assert page.locator("main section.view").count() == 5
    assert watched.problems == []
    watched.page.close()


def test_each_persona_has_its_sections(browser: Browser, example_map: Path) -> None:
    ws, _ = load(EXAMPLE)
    watched = Watched(browser)
    page = watched.open(example_map)
    for pid, persona in ws.personas.items():
        compass = page.locator(f"#compass-{pid}")
        journey = page.locator(f"#journey-{pid}")
        assert compass.count() == 1 and journey.count() == 1
        assert persona.name in compass.locator("h3").inner_text()
        assert compass.locator(".point").count() == 4
        assert journey.locator("svg.curve").count() >= 1
        assert journey.locator("tr.lov").count() >= 1
        steps = journey.locator("th.step-no").count()
        assert steps == len(persona.journey)
    if len(ws.personas) <= LINES_UP_TO:  # a line (and a legend entry) per persona
        assert page.locator(".legend button").count() == len(ws.personas)
    watched.page.close()


def make_hostile(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    shutil.copytree(FIXTURE, root)
    family = root / "personas" / "okafor-family.yaml"
    text = family.read_text(encoding="utf-8")
    text = text.replace("name: The Okafor family", f"name: {json.dumps(HOSTILE[0])}")
    needs = "text: Tickets sorted before we leave home"
    text = text.replace(needs, f"text: {json.dumps(HOSTILE[1])}")
    family.write_text(text, encoding="utf-8")
    lev = root / "personas" / "grandpa-lev.yaml"
    text = lev.read_text(encoding="utf-8").replace("name: Grandpa Lev", f"name: '{HOSTILE[1]}'")
    lev.write_text(text, encoding="utf-8")
    return root


def test_hostile_names_render_as_text(browser: Browser, tmp_path: Path) -> None:
    watched = Watched(browser)
    page = watched.open(write_map(make_hostile(tmp_path), tmp_path / "hostile.html"))
    page.wait_for_timeout(200)
    assert page.locator("#compass h3", has_text=HOSTILE[0]).count() == 1
    assert page.locator("#compass h3", has_text=HOSTILE[1]).count() == 1
    assert page.locator("img").count() == 0
    page.locator(".persona-buttons button", has_text=HOSTILE[0]).click()
    assert HOSTILE[0] in page.locator("#network-status").inner_text()
    page.locator("svg.network g.tp", has_text="Buy tickets online").click()
    assert HOSTILE[1] in page.locator("#tp-detail").inner_text()
    assert page.locator("img").count() == 0
    assert watched.dialogs == []
    assert watched.problems == []
    watched.page.close()


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The MediaBox (width, height in points) of every page of a PDF."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert len(boxes) == len(re.findall(rb"/Type\s*/Page\b", data))
    return [(float(w), float(h)) for w, h in boxes]


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_printing(browser: Browser, tmp_path: Path, paper: str) -> None:
    ws, _ = load(EXAMPLE)
    watched = Watched(browser, width=PRINTABLE_PX[paper])
    page = watched.open(write_map(EXAMPLE, tmp_path / "map.html", paper=paper))
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        ".journey-page", "els => els.map(e => getComputedStyle(e).breakBefore)"
    )  # every journey page is a page of its own (test_print_browser counts them)
    assert len(breaks) >= len(ws.personas) and set(breaks) == {"page"}
    right = page.eval_on_selector_all(
        ".journey-table", "els => Math.max(...els.map(e => e.getBoundingClientRect().right))"
    )
    assert right <= PRINTABLE_PX[paper]  # no lane cut off at the paper's edge
    hidden = page.eval_on_selector_all(
        ".picker, .toc, #tp-detail", "els => els.every(e => getComputedStyle(e).display == 'none')"
    )
    assert hidden
    pages = pdf_pages(page.pdf(format=paper.upper(), landscape=True, print_background=True))
    assert len(pages) >= len(ws.personas)
    width, height = PAPER_POINTS[paper]
    assert all(abs(w - width) < 2 and abs(h - height) < 2 for w, h in pages)
    assert watched.problems == []
    watched.page.close()


def test_network_highlights_a_persona_on_click(browser: Browser, example_map: Path) -> None:
    ws, report = load(EXAMPLE)
    watched = Watched(browser)
    page = watched.open(example_map)
    network = page.locator("svg.network")
    assert "focus" not in (network.get_attribute("class") or "")
    button = page.locator(".persona-buttons button").first
    name = button.inner_text()
    pid = next(p for p, persona in ws.personas.items() if persona.name == name)
    path = [s.touchpoint for s in ws.personas[pid].journey]
    button.click()
    assert "focus" in (network.get_attribute("class") or "")
    assert button.get_attribute("aria-pressed") == "true"
    moves = sum(1 for a, b in zip(path, path[1:], strict=False) if a != b)
    assert network.locator("g.highlight path").count() == moves
    assert network.locator("g.tp.on-path").count() == len(set(path))
    assert name in page.locator("#network-status").inner_text()
    button.click()  # a second click lets go
    assert "focus" not in (network.get_attribute("class") or "")
    assert network.locator("g.highlight path").count() == 0
    network.locator("g.tp").first.click()
    assert page.locator("#tp-detail").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#tp-detail").is_visible()
    assert watched.problems == []
    watched.page.close()


def test_site_pages_load_and_link(browser: Browser, tmp_path: Path) -> None:
    ws, report = load(FIXTURE)
    for relative, text in html.to_site(ws, report).items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    watched = Watched(browser)
    page = watched.open(tmp_path / "index.html")
    page.locator(".persona-card h4 a", has_text="Grandpa Lev").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("personas/grandpa-lev.html#journey-grandpa-lev")
    assert page.locator("#journey-grandpa-lev svg.curve").count() == 1
    page.locator("nav.toc a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/index.html")
    assert watched.problems == []
    watched.page.close()
