"""``guestology serve``: a live preview of the HTML map while a team edits its personas."""

from __future__ import annotations

import signal
import threading
import webbrowser
from pathlib import Path

import typer

from guestology.cli.app import app
from guestology.cli.common import MaxSizeOpt, WorkspaceArg, fail, megabytes, resolve_workspace
from guestology.cli.console import QuietOpt
from guestology.cli.map import Paper


@app.command("serve")
def serve_command(
    workspace: Path = WorkspaceArg,
    port: int = typer.Option(
        8000, "--port", help="Port on 127.0.0.1 (0: any free port).", min=0, max=65535
    ),  # fmt: skip
    open_browser: bool = typer.Option(False, "--open", help="Open the page in a browser."),
    paper: Paper = typer.Option(Paper.a3, "--paper", help="Print size of the map: a3 or a4."),
    quiet: bool = QuietOpt,
    max_file_size: float = MaxSizeOpt,
) -> None:
    """Serve the journey map on 127.0.0.1 and redraw it whenever a workspace file changes.

    The open page reloads by itself within a second or two of a save. A broken file shows
    its problems (path:line:col) in the page and the server keeps running; fixing it brings
    the map back. It only reads the workspace. Ctrl-C stops it.

    Examples:

        guestology serve personas

        guestology serve personas --port 8080 --open
    """
    from guestology import preview

    root = resolve_workspace(workspace)
    state = preview.Preview(lambda: _build(root, paper.value, megabytes(max_file_size)))
    try:
        server = preview.make_server(state, port)
    except OSError as exc:
        raise fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(root, state.rebuild, stop), daemon=True)
    watcher.start()  # watching while the first page is drawn: no edit falls in between
    state.rebuild()
    signal.signal(signal.SIGTERM, _interrupt)
    typer.echo(f"guestology: serving {root} at {url} (Ctrl-C to stop)", err=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        if not quiet:
            typer.echo("guestology: stopped", err=True)
    finally:
        stop.set()
        server.server_close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the server as Ctrl-C does


def _build(root: Path, paper: str, max_bytes: int) -> str:
    """The map of the workspace as it is now; its problems as a GuestologyError if invalid."""
    from guestology.analysis import analyse
    from guestology.graph import build_graph
    from guestology.problems import GuestologyError, Level
    from guestology.render import html
    from guestology.workspace import check_workspace

    result = check_workspace(root, max_bytes)
    if result.workspace is None:
        errors = [p.format() for p in result.problems if p.level is Level.ERROR]
        raise GuestologyError("\n".join(errors) or "the workspace could not be read")
    report = analyse(build_graph(result.workspace))
    return html.to_html(result.workspace, report, html.MapOptions(paper=paper))
