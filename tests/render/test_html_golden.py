"""Golden outlines of the HTML map: headings, section and article ids, element counts.

Not the bytes: a change of wording or style passes, a lost view, lane or heading fails.
``pytest --update-golden`` rewrites ``tests/golden/html_*.txt``.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from render_helpers import analysed

from guestology.render import html
from guestology.workspace import check_workspace

WORKSPACE = Path(__file__).resolve().parent.parent / "golden" / "html_workspace"
COUNTED = [
    "section",
    "article",
    "nav",
    "aside",
    "figure",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "svg",
    "title",
    "desc",
    "ul",
    "ol",
    "li",
    "button",
    "select",
    "details",
    "q",
    "blockquote",
    "script",
    "style",
]
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.counts: Counter[str] = Counter()
        self.heading: str | None = None
        self.text = ""
        self.lanes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.counts[tag] += tag in COUNTED
        if tag in ("section", "article") and found.get("id"):
            self.lines.append(f"{tag} #{found['id']}")
        if tag == "tr" and (found.get("class") or "").startswith("lane "):
            self.lanes.append(str(found["class"])[5:])
        if tag in HEADINGS:
            self.heading, self.text = tag, ""

    def handle_data(self, data: str) -> None:
        if self.heading:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self.heading:
            level = int(tag[1])
            self.lines.append("  " * level + f"{tag} {' '.join(self.text.split())}")
            self.heading = None


def outline(page: str) -> str:
    parser = Outline()
    parser.feed(page)
    lanes = list(dict.fromkeys(parser.lanes))
    counts = [f"{tag}: {parser.counts[tag]}" for tag in COUNTED if parser.counts[tag]]
    return "\n".join([*parser.lines, "lanes: " + ", ".join(lanes), *counts]) + "\n"


def load():  # type: ignore[no-untyped-def]
    ws = check_workspace(WORKSPACE).workspace
    assert ws is not None
    return ws, analysed(ws)


def test_map_outline(golden) -> None:  # type: ignore[no-untyped-def]
    ws, report = load()
    golden("html_map_outline.txt", outline(html.to_html(ws, report)))


def test_site_outline(golden) -> None:  # type: ignore[no-untyped-def]
    ws, report = load()
    pages = html.to_site(ws, report, html.MapOptions(paper="a4"))
    text = "".join(f"== {name}\n{outline(page)}" for name, page in sorted(pages.items()))
    golden("html_site_outline.txt", text)


def test_headings_never_skip_a_level() -> None:
    ws, report = load()
    pages = {"map": html.to_html(ws, report), **html.to_site(ws, report)}
    for name, page in pages.items():
        parser = Outline()
        parser.feed(page)
        levels = [int(line.split()[0][1]) for line in parser.lines if line.split()[0] in HEADINGS]
        assert levels[0] == 1, name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), name
