"""``guestology map``: journey maps as HTML (screens and print) or Graphviz (DOT, SVG, PNG, PDF)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from guestology.cli.app import EXIT_PROBLEMS, app
from guestology.cli.common import (
    MaxSizeOpt,
    NoCacheOpt,
    WorkspaceArg,
    check,
    fail,
    print_problems,
    require_personas,
    resolve_workspace,
    write_output,
)
from guestology.cli.console import QuietOpt, note, wrote
from guestology.cli.formats import choose

if TYPE_CHECKING:
    from guestology.model import Workspace


class MapFormat(str, Enum):
    html = "html"
    dot = "dot"
    svg = "svg"
    png = "png"
    pdf = "pdf"


class Paper(str, Enum):
    a3 = "a3"
    a4 = "a4"


class State(str, Enum):
    current = "current"
    future = "future"


FutureStateOpt = typer.Option(  # export and print (map's own says "Graphviz only")
    State.current,
    "--state",
    help="current (today's journeys) or future (the designed `future:` journeys).",
)


class View(str, Enum):
    touchpoints = "touchpoints"
    needs = "needs"
    compass = "compass"
    blueprint = "blueprint"


SUFFIXES = {f".{f.value}": f for f in MapFormat} | {".htm": MapFormat.html}


def choose_format(output: str, given: MapFormat | None) -> MapFormat:
    """From ``-o``'s suffix or ``--format`` (they must agree); a folder (``site/``) is HTML.

    A name without a suffix that is not a folder is a usage error: ``-o flow`` does not say
    whether to write HTML or a drawing.
    """
    path = Path(output)
    if output.endswith(("/", "\\")) or path.is_dir():
        if given not in (None, MapFormat.html):
            assert given is not None
            msg = f"`-o {output}` is a folder (an HTML site): drop `--format {given.value}`"
            raise fail(msg, 2)
        return MapFormat.html
    return choose(path, given, SUFFIXES, None)


def check_options(
    fmt: MapFormat, view: View | None, templates: Path | None, persona: list[str]
) -> View:
    """Options that the chosen format would silently ignore are usage errors (exit 2)."""
    if fmt is MapFormat.html and view is not None:
        raise fail("--view draws a Graphviz map: use it with -o FILE.svg|png|pdf|dot", 2)
    if fmt is not MapFormat.html and templates is not None:
        raise fail("--templates is for HTML maps: use it with -o FILE.html or -o DIR/", 2)
    view = view or View.touchpoints
    if fmt is not MapFormat.html and view in (View.compass, View.blueprint) and len(persona) != 1:
        raise fail(f"--view {view.value} draws one persona: give exactly one --persona ID", 2)
    return view


@app.command("map")
def map_command(
    workspace: Path = WorkspaceArg,
    output: str = typer.Option(
        "map.html",
        "--output",
        "-o",
        help="File to write (.html, .dot, .svg, .png, .pdf); `DIR/` writes an HTML site.",
    ),
    output_format: MapFormat | None = typer.Option(
        None, "--format", "-f", help="html, dot, svg, png or pdf (default: from -o's suffix)."
    ),
    persona: list[str] = typer.Option(
        [], "--persona", "-p", help="Only this persona (repeatable)."
    ),
    paper: Paper = typer.Option(Paper.a3, "--paper", help="Print size, landscape: a3 or a4."),
    templates: Path | None = typer.Option(
        None,
        "--templates",
        help="HTML only: a folder of Jinja2 templates searched before the built-in ones.",
    ),
    view: View | None = typer.Option(
        None,
        "--view",
        help="Graphviz only: touchpoints (default), needs, compass, blueprint.",
        show_default=False,
    ),
    state: State = typer.Option(
        State.current,
        "--state",
        help="Graphviz only: current (today's journeys) or future (the designed `future:` "
        "journeys, planned touchpoints marked).",
    ),
    quiet: bool = QuietOpt,
    max_file_size: float = MaxSizeOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Draw the journey map of a workspace.

    HTML (the default) is one self-contained file for screens and for print (A3/A4
    landscape); `-o DIR/` writes a small site, an index and one page per persona. DOT, SVG,
    PNG and PDF are Graphviz drawings (SVG/PNG/PDF need Graphviz's `dot` program). The
    format comes from `-o`'s suffix; `--format` must agree with it.

    Examples:

        guestology map personas -o map.html

        guestology map personas -o site/ --paper a4

        guestology map personas -o flow.svg --view touchpoints

        guestology map personas -o compass.pdf --view compass --persona ramirez-family

        guestology map personas -o future.svg --state future
    """
    from guestology.analysis import analyse
    from guestology.graph import build_graph

    path = Path(output)  # kept as text until here: `site/` must keep its slash
    fmt = choose_format(output, output_format)
    view = check_options(fmt, view, templates, persona)
    if fmt is MapFormat.html and state is State.future:
        raise fail("--state is for Graphviz maps: the HTML map shows the future beside today", 2)
    result = check(resolve_workspace(workspace), max_file_size, quiet, not no_cache)
    if result.workspace is None:
        print_problems(result.problems, hide_warnings=True, err=True)
        raise typer.Exit(EXIT_PROBLEMS)
    ws = result.workspace
    require_personas(ws, persona)
    chosen = persona or None
    if state is State.future:  # only the personas with a designed future, and what they visit
        ws = future_state(ws, persona)
        chosen = persona or list(ws.personas)
    report = analyse(build_graph(ws), chosen)  # once: every renderer reads it
    site = output != "-" and (output.endswith(("/", "\\")) or path.is_dir())
    if site and fmt is not MapFormat.html:
        raise fail(f"`-o {output}` is a folder: a site is HTML; name a file for {fmt.value}")
    if fmt is MapFormat.html:
        _write_html(ws, report, path, paper.value, templates, site)
    else:
        _write_graphviz(ws, report, path, fmt.value, view.value, paper.value, quiet)
    wrote(output, quiet)


def future_state(ws: Workspace, persona: list[str]) -> Workspace:
    """The designed future of ``ws`` (``--state future``), or exit 1 saying what is missing."""
    from guestology.problems import GuestologyError
    from guestology.states import future_workspace

    require_personas(ws, persona)
    try:
        future = future_workspace(ws)
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    missing = [p for p in persona if p not in future.personas]
    if missing:
        raise fail(f"persona `{missing[0]}` has no `future:` journey")
    return future


def _write_html(ws, report, output, paper, templates, site) -> None:  # type: ignore[no-untyped-def]
    from guestology.cli.site import NotASite, write_site
    from guestology.problems import GuestologyError
    from guestology.render import html

    options = html.MapOptions(paper=paper, templates=templates)
    try:
        if not site:
            write_output(output, html.to_html(ws, report, options))
            return
        write_site(output, html.iter_site(ws, report, options))  # whole, or not at all
    except (GuestologyError, NotASite) as exc:  # e.g. a broken template in --templates DIR
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{output}: {exc.strerror or exc}") from None


def _write_graphviz(ws, report, output, fmt, view, paper, quiet) -> None:  # type: ignore[no-untyped-def]
    from guestology.problems import GuestologyError
    from guestology.render import dot

    try:
        drawing = dot.draw(ws, report, view=view, paper=paper)
        for text in drawing.notes:  # what a size limit left out: in the image and here
            note(text, quiet)
        source = drawing.source
        write_output(output, source if fmt == "dot" else dot.render(source, fmt))
    except GuestologyError as exc:
        raise fail(str(exc)) from None
