"""Graphviz maps: ``to_dot(ws, report, view) -> str`` and ``render(source, fmt) -> bytes``.

Views (see docs/graphviz.md): ``touchpoints`` (the flow of touchpoints by stage, the default),
``needs`` (personas, their needs and wants, the touchpoints that serve them), ``compass``
(one persona's Guest Compass) and ``blueprint`` (one persona's service blueprint).

The module-level ``GRAPH_ATTRS``, ``NODE_ATTRS`` and ``EDGE_ATTRS`` are the defaults of every
view; a caller may change them, or pass ``graph_attr``/``node_attr``/``edge_attr`` to
``to_dot`` (graph attributes given there win over the view's own settings). Building DOT
needs no Graphviz program; ``render`` runs ``dot`` and raises ``GuestologyError`` with
install instructions when it is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import graphviz

from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.problems import GuestologyError
from guestology.render.dot import blueprint, compass, flow, needs

FONT = "DejaVu Sans"
GRAPH_ATTRS: dict[str, str] = {
    "fontname": FONT,
    "fontsize": "16",
    "bgcolor": "white",
    "pad": "0.2",
    "nodesep": "0.25",
    "ranksep": "0.45",
    "newrank": "true",
    "labelloc": "b",
    "labeljust": "l",
}
NODE_ATTRS: dict[str, str] = {
    "fontname": FONT,
    "fontsize": "12",
    "shape": "box",
    "style": "rounded,filled",
    "fillcolor": "white",
    "color": "#333333",
    "penwidth": "1.2",
    "margin": "0.12,0.06",
}
EDGE_ATTRS: dict[str, str] = {
    "fontname": FONT,
    "fontsize": "10",
    "color": "#555555",
    "arrowsize": "0.7",
}
# Landscape paper in inches, and the margin kept free on each side when printing.
PAPERS: dict[str, tuple[float, float]] = {"a3": (16.54, 11.69), "a4": (11.69, 8.27)}
PAPER_MARGIN = 0.4
FORMATS = ("svg", "png", "pdf")
PNG_DPI = "150"

View = Callable[[Workspace, Report, graphviz.Digraph], list[str]]
VIEWS: dict[str, View] = {
    "touchpoints": flow.draw,
    "needs": needs.draw,
    "compass": compass.draw,
    "blueprint": blueprint.draw,
}
ONE_PERSONA_VIEWS = ("compass", "blueprint")

MISSING_DOT = """\
cannot draw {fmt}: Graphviz's `dot` program is not installed (or not on the PATH).
Install Graphviz, then run the command again:
  Debian/Ubuntu:  sudo apt-get install graphviz
  macOS:          brew install graphviz
  Windows:        winget install graphviz   (or choco install graphviz; then reopen the terminal)
Or write a format that needs no Graphviz: `--format dot` (a DOT file to render elsewhere)
or the HTML map (`-o map.html`)."""


@dataclass
class Drawing:
    """A map as DOT source, with notes for the user (e.g. what a size limit left out)."""

    source: str
    notes: list[str] = field(default_factory=list)


def to_dot(ws: Workspace, report: Report, view: str = "touchpoints", **options: Any) -> str:
    """The DOT source of one view (options as for ``draw``)."""
    return draw(ws, report, view, **options).source


def draw(
    ws: Workspace,
    report: Report,
    view: str = "touchpoints",
    *,
    paper: str = "a3",
    graph_attr: Mapping[str, str] | None = None,
    node_attr: Mapping[str, str] | None = None,
    edge_attr: Mapping[str, str] | None = None,
) -> Drawing:
    """One view of the report's personas as DOT, with the notes the user should read.

    ``report`` is ``analyse(build_graph(ws), personas)``: the drawing shows its scope.
    """
    check_view(report, view)
    if paper not in PAPERS:
        raise GuestologyError(f"unknown paper `{paper}` (known: {', '.join(PAPERS)})")
    canvas = graphviz.Digraph(
        "guestology",
        graph_attr={**GRAPH_ATTRS, **page_attrs(paper)},
        node_attr={**NODE_ATTRS, **(node_attr or {})},
        edge_attr={**EDGE_ATTRS, **(edge_attr or {})},
    )
    notes = VIEWS[view](ws, report, canvas)
    if graph_attr:
        canvas.attr("graph", **dict(graph_attr))
    return Drawing(canvas.source, notes)


def check_view(report: Report, view: str) -> None:
    """Raise ``GuestologyError`` for an unknown view, or a one-persona view of several."""
    if view not in VIEWS:
        raise GuestologyError(f"unknown view `{view}` (known: {', '.join(VIEWS)})")
    if view in ONE_PERSONA_VIEWS and len(report.personas) != 1:
        raise GuestologyError(f"the {view} view draws one persona: give exactly one --persona")


def page_attrs(paper: str) -> dict[str, str]:
    """Fit the drawing on the paper (landscape, with a margin): scale down, never up."""
    width, height = PAPERS[paper]
    inner_w, inner_h = width - 2 * PAPER_MARGIN, height - 2 * PAPER_MARGIN
    return {"size": f"{inner_w:.2f},{inner_h:.2f}", "margin": f"{PAPER_MARGIN:.1f}"}


def render(source: str, fmt: str) -> bytes:
    """Run Graphviz on DOT source: ``svg``, ``png`` or ``pdf`` bytes.

    Raises ``GuestologyError`` when ``dot`` is missing (with install instructions) or fails.
    """
    if fmt not in FORMATS:
        raise GuestologyError(f"unknown format `{fmt}` (known: {', '.join(FORMATS)})")
    data = with_dpi(source) if fmt == "png" else source
    try:
        return graphviz.pipe("dot", fmt, data.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound:
        raise GuestologyError(MISSING_DOT.format(fmt=fmt.upper())) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        reason = detail[0] if detail else f"exit code {exc.returncode}"
        raise GuestologyError(f"Graphviz could not draw the map: {reason}") from None


def with_dpi(source: str) -> str:
    """PNG at print resolution: a ``dpi`` graph attribute right after the opening brace.

    A later ``dpi`` in the source (e.g. from ``graph_attr``) still wins.
    """
    head, brace, rest = source.partition("{")
    if not brace:
        return source
    return f"{head}{{\n\tgraph [dpi={PNG_DPI}]{rest}"
