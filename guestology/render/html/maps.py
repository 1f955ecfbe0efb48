"""HTML journey maps: one self-contained file (``to_html``) or a small site (``to_site``).

The page is laid out by Jinja2 templates from the top-level ``templates/`` folder (shipped in
the wheel as ``guestology/templates``); a team's ``--templates DIR`` is searched first, so it
can brand its maps by overriding a few files (``brand.css``, ``brand.html.j2``,
``footer.html.j2``; see docs/html-maps.md). The logic stays here and in the ``html_*``
modules: templates get prepared view data, with autoescape on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)

from guestology import __version__
from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.problems import GuestologyError
from guestology.render.html.bytecode import bytecode_cache
from guestology.render.html.compass import compass_view
from guestology.render.html.findings import causes_view, findings_view, headline_figures
from guestology.render.html.future import future_view
from guestology.render.html.journey import journey_view
from guestology.render.html.network import network_view
from guestology.render.html.svg import safe_json
from guestology.render.html.together import together_view
from guestology.render.html.view import (
    MapContext,
    build_context,
    overview_view,
    page_path,
    persona_card,
)
from guestology.resources import templates_dir

PAPERS = {"a3": "A3", "a4": "A4"}
PAPER_MM = {"a3": (420, 297), "a4": (297, 210)}  # landscape
MARGIN_MM = 8
MIN_TEXT_PT = {"a3": 8.0, "a4": 6.5}  # the smallest printed text: A4 packs a journey in two pages


def sheet_px(paper: str) -> tuple[int, int]:
    """The printable area of a landscape page (less the margins) in whole CSS pixels, a few
    pixels short so that rounding never spills a fitted sheet onto a second page."""
    width, height = PAPER_MM[paper]
    px = 96 / 25.4
    return int((width - 2 * MARGIN_MM) * px) - 4, int((height - 2 * MARGIN_MM) * px) - 6


MAP_TEMPLATE, INDEX_TEMPLATE, PERSONA_TEMPLATE = "map.html.j2", "index.html.j2", "persona.html.j2"


@dataclass
class MapOptions:
    """How to draw: the paper size and a team's templates (the personas drawn are the
    report's)."""

    paper: str = "a3"
    templates: Path | None = None


@lru_cache(maxsize=8)
def environment(user_templates: str | None = None) -> Environment:
    """The Jinja2 environment (cached): a team's folder first, then the built-in templates.

    Compiled templates are kept between runs (``guestology.render.html.bytecode``).
    """
    loaders = [FileSystemLoader(user_templates)] if user_templates else []
    loaders.append(FileSystemLoader(templates_dir()))
    settings: dict[str, Any] = {
        "autoescape": True,
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    cache = bytecode_cache(settings)  # compiled once, kept in the user's cache folder
    return Environment(loader=ChoiceLoader(loaders), bytecode_cache=cache, **settings)


def to_html(ws: Workspace, report: Report, options: MapOptions | None = None) -> str:
    """The whole map of ``report``'s personas as one self-contained HTML page (inline CSS,
    SVG and script). ``report`` is ``analyse(build_graph(ws), personas)``."""
    options = options or MapOptions()
    ctx = _context(ws, report, options, site=False)
    personas = [_persona(ctx, pid, options.paper) for pid in ctx.persona_ids]
    network = network_view(ctx)
    page = _page(ctx, options, "map", "", {"network": network["data"]})
    views = _shared_views(ctx, options.paper)
    return _render(options, MAP_TEMPLATE, page=page, personas=personas, network=network, **views)


def to_site(ws: Workspace, report: Report, options: MapOptions | None = None) -> dict[str, str]:
    """A small site for large workspaces: ``index.html`` (overview, all personas together,
    the network) and ``personas/<id>.html`` (one persona's compass and journey)."""
    return dict(iter_site(ws, report, options))


def iter_site(
    ws: Workspace, report: Report, options: MapOptions | None = None
) -> Iterator[tuple[str, str]]:
    """``to_site``'s pages one at a time, so that a caller can write each and let it go."""
    options = options or MapOptions()
    ctx = _context(ws, report, options, site=True)
    network = network_view(ctx)
    page = _page(ctx, options, "index", "", {"network": network["data"]})
    views = _shared_views(ctx, options.paper)
    yield "index.html", _render(options, INDEX_TEMPLATE, page=page, network=network, **views)
    for pid in ctx.persona_ids:
        persona = _persona(ctx, pid, options.paper)
        page = _page(ctx, options, "persona", "../", None, ctx.persona(pid).name)
        yield page_path(pid), _render(options, PERSONA_TEMPLATE, page=page, p=persona)


def _context(ws: Workspace, report: Report, options: MapOptions, site: bool) -> MapContext:
    if options.paper not in PAPERS:
        raise GuestologyError(f"unknown paper size `{options.paper}` (use a3 or a4)")
    if options.templates is not None and not Path(options.templates).is_dir():
        raise GuestologyError(f"{options.templates}: no such templates folder")
    return build_context(ws, report, site)


def _shared_views(ctx: MapContext, paper: str) -> dict[str, Any]:
    report = ctx.report
    figures, findings = headline_figures(ctx, report), findings_view(ctx, report)
    overview = overview_view(ctx, figures, findings, causes_view(ctx.report))
    return {"overview": overview, "together": together_view(ctx, sheet_px(paper)[0])}


def _persona(ctx: MapContext, pid: str, paper: str) -> dict[str, Any]:
    return {
        "card": persona_card(ctx, pid),
        "compass": compass_view(ctx.persona(pid), ctx.report),
        "journey": journey_view(ctx, pid, paper),
        "future": future_view(ctx, pid),
    }


def _page(
    ctx: MapContext, options: MapOptions, kind: str, root: str, data: Any, subtitle: str = ""
) -> dict[str, Any]:
    service = ctx.ws.service.service
    return {
        "kind": kind,
        "service": service,
        "title": f"{subtitle} \u2014 {service}" if subtitle else f"{service}: journey map",
        "paper": options.paper,
        "paper_name": PAPERS[options.paper],
        "margin_mm": MARGIN_MM,
        "sheet": [*sheet_px(options.paper), MIN_TEXT_PT[options.paper]],
        "root": root,
        "version": __version__,
        "data": safe_json(data) if data is not None else None,
    }


def _render(options: MapOptions, name: str, **context: Any) -> str:
    env = environment(str(options.templates) if options.templates else None)
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise GuestologyError(f"template `{exc.name}` not found") from None
    except TemplateSyntaxError as exc:
        raise GuestologyError(f"{exc.filename}:{exc.lineno}: {exc.message}") from None
    except TemplateError as exc:
        raise GuestologyError(f"template error in `{name}`: {exc}") from None
