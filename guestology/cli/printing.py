"""``guestology print``: the workshop pack (cards, compass posters, journeys, a blank canvas,
the network) as PDF through a headless Chromium, or as HTML to print from any browser."""

from __future__ import annotations

from pathlib import Path

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
from guestology.cli.console import QuietOpt, wrote
from guestology.cli.map import FutureStateOpt, Paper, State, future_state

PAGE_KINDS = "cards,compass,journeys,canvas,network"


@app.command("print")
def print_command(
    workspace: Path = WorkspaceArg,
    output: Path = typer.Option(
        Path("pack.pdf"), "--output", "-o", help="pack.pdf (through Chromium) or pack.html."
    ),
    paper: Paper = typer.Option(Paper.a3, "--paper", help="Paper, landscape: a3 or a4."),
    pages: str = typer.Option(
        PAGE_KINDS, "--pages", help="Which pages, comma-separated, printed in this order."
    ),
    persona: list[str] = typer.Option(
        [], "--persona", "-p", help="Only this persona (repeatable); names the blank canvas."
    ),
    browser: str | None = typer.Option(
        None, "--browser", help="Chromium or Chrome to print the PDF with (default: on PATH)."
    ),
    state: State = FutureStateOpt,
    quiet: bool = QuietOpt,
    max_file_size: float = MaxSizeOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Print the workshop pack: persona cards (four to an A4 page, two to A3), a Guest
    Compass poster per persona, the journey pages, a blank journey canvas and compass for
    sticky notes, and the touchpoint network.

    A `.pdf` is printed by a headless Chromium (`--browser PATH`, else `chromium`,
    `chromium-browser` or `google-chrome` on PATH); with none found, the HTML is written
    beside it to print from any browser. A `.html` needs nothing.

    Examples:

        guestology print personas -o pack.pdf

        guestology print personas -o journeys.pdf --pages journeys --paper a3

        guestology print personas -o canvas.html --pages canvas --persona ramirez-family

        guestology print personas -o future.pdf --pages cards,journeys --state future
    """
    from guestology.problems import GuestologyError
    from guestology.render import pack

    suffix = output.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise fail(f"`-o {output}`: name a .pdf or an .html file", 2)
    chosen = [p.strip() for p in pages.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in pack.PAGES]
    if unknown or not chosen:
        raise fail(f"--pages: unknown page kind `{unknown[0] if unknown else ''}`"
                   f" (use {PAGE_KINDS})", 2)  # fmt: skip
    html = _pack_html(
        workspace, persona, chosen, paper.value, max_file_size, quiet, no_cache, state
    )
    if suffix != ".pdf":
        write_output(output, html)
        wrote(output, quiet)
        return
    found = pack.find_browser(browser)
    if found is None:
        beside = output.with_suffix(".html")
        write_output(beside, html)
        where = f"`{browser}` not found" if browser else "no Chromium or Chrome on PATH"
        raise fail(
            f"cannot print a PDF: {where}. Wrote {beside} instead: open it in a browser and "
            "print it (landscape, no margins to add), or install Chromium "
            "(sudo apt-get install chromium) or give --browser PATH"
        )
    try:
        write_output(output, pack.html_to_pdf(html, found))
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    wrote(output, quiet)


def _pack_html(workspace, persona, chosen, paper, max_mb, quiet, no_cache, state) -> str:  # type: ignore[no-untyped-def]
    from guestology.analysis import analyse
    from guestology.graph import build_graph
    from guestology.problems import GuestologyError
    from guestology.render import pack

    result = check(resolve_workspace(workspace), max_mb, quiet, not no_cache)
    if result.workspace is None:
        print_problems(result.problems, hide_warnings=True, err=True)
        raise typer.Exit(EXIT_PROBLEMS)
    ws = result.workspace
    require_personas(ws, persona)
    if state is State.future:  # only the personas with a designed future
        ws = future_state(ws, persona)
    report = analyse(build_graph(ws), persona or None)
    options = pack.PackOptions(
        pages=chosen, paper=paper, named=list(persona), future=state is State.future
    )
    try:
        return pack.to_pack(ws, report, options)
    except GuestologyError as exc:
        raise fail(str(exc)) from None
