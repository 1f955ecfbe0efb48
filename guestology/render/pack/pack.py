"""The pack as one self-contained HTML document, page by page (``to_pack``).

Every page is a sheet of paper: cards four to an A4 page (two to A3), one compass poster per
persona, each journey as the map prints it (one A3 page up to 16 steps, at most two A4
pages), a blank canvas and compass, the network. The map's script scales each poster's and
journey page's text to fill its page; printed by Chromium, the page count is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guestology import __version__
from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.problems import GuestologyError
from guestology.render.html.compass import compass_view
from guestology.render.html.journey import journey_view
from guestology.render.html.maps import MARGIN_MM, MIN_TEXT_PT, PAPERS, MapOptions, sheet_px
from guestology.render.html.maps import _render as render_template
from guestology.render.html.network import network_view
from guestology.render.html.view import build_context, persona_card
from guestology.render.pack.views import blank_canvas, blank_compass, card_view

PAGES = ("cards", "compass", "journeys", "canvas", "network")
CARDS_PER_PAGE = {"a4": 4, "a3": 2}
PACK_TEMPLATE = "pack.html.j2"


@dataclass
class PackOptions:
    """What to print: ``pages`` (some of ``PAGES``, printed in that order), the paper, and
    the personas named on the blank canvas and compass (none: a blank name line)."""

    pages: list[str] = field(default_factory=lambda: list(PAGES))
    paper: str = "a3"
    named: list[str] = field(default_factory=list)
    templates: Path | None = None
    future: bool = False  # the workspace is the designed future (``states.future_workspace``)


def to_pack(ws: Workspace, report: Report, options: PackOptions | None = None) -> str:
    """The pack of ``report``'s personas as one HTML page, ready to print."""
    options = options or PackOptions()
    unknown = [p for p in options.pages if p not in PAGES]
    if unknown:
        raise GuestologyError(f"unknown page kind `{unknown[0]}` (use {', '.join(PAGES)})")
    if options.paper not in PAPERS:
        raise GuestologyError(f"unknown paper size `{options.paper}` (use a3 or a4)")
    page = {**_page(ws, options.paper), "future": options.future}
    ctx = build_context(ws, report)
    chosen = [p for p in PAGES if p in options.pages]
    views: dict[str, Any] = {"chosen": chosen}
    pids = ctx.persona_ids
    if "cards" in chosen:
        cards = [card_view(ctx, pid) for pid in pids]
        size = CARDS_PER_PAGE[options.paper]
        views["card_pages"] = [cards[i : i + size] for i in range(0, len(cards), size)]
    if "compass" in chosen or "journeys" in chosen:
        views["personas"] = [
            {
                "card": persona_card(ctx, pid),
                "compass": compass_view(ctx.persona(pid), report),
                "journey": journey_view(ctx, pid, options.paper) if "journeys" in chosen else None,
                "future": None,  # the designed future stays in the map
            }
            for pid in pids
        ]
    if "canvas" in chosen:
        names = [ctx.persona(pid).name for pid in options.named if pid in ws.personas] or [""]
        views["canvases"] = [blank_canvas(ws, name) for name in names]
        views["blank_compasses"] = [blank_compass(name) for name in names]
    if "network" in chosen:
        views["network"] = network_view(ctx)
    map_options = MapOptions(paper=options.paper, templates=options.templates)
    return render_template(map_options, PACK_TEMPLATE, page=page, **views)


def _page(ws: Workspace, paper: str) -> dict[str, Any]:
    service = ws.service.service
    return {
        "kind": "pack",
        "service": service,
        "title": f"{service}: workshop pack",
        "paper": paper,
        "paper_name": PAPERS[paper],
        "margin_mm": MARGIN_MM,
        "sheet": [*sheet_px(paper), MIN_TEXT_PT[paper]],
        "version": __version__,
    }
