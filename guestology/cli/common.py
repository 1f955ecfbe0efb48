"""What the commands share: finding the workspace, checking it, printing problems, writing files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from guestology.cli.output import BinaryOnTerminal, Data, silence_stdout, write_bytes

if TYPE_CHECKING:
    from guestology.model import Workspace
    from guestology.problems import Problem
    from guestology.workspace import CheckResult

DEFAULT_WORKSPACE = Path("personas")
PROGRESS_MIN_FILES = 100

WorkspaceArg = typer.Argument(
    None,
    help="The workspace folder (default: the configuration's `workspace`, else `personas/`).",
    show_default=False,
)
MaxSizeOpt = typer.Option(
    5.0, "--max-file-size", help="Largest YAML file to read, in MB.", min=0.001
)
NoCacheOpt = typer.Option(
    False,
    "--no-cache",
    help="Check every file afresh: neither read nor write the cache of unchanged files "
    "(`.guestology_cache` in the workspace; GUESTOLOGY_NO_CACHE=1 does the same).",
)


def require_personas(ws: Workspace, persona: list[str]) -> None:
    """Exit 1 naming the first ``--persona`` the workspace does not have (did you mean...?)."""
    unknown = [p for p in persona if p not in ws.personas]
    if unknown:
        from guestology.problems import did_you_mean

        raise fail(f"unknown persona `{unknown[0]}`{did_you_mean(unknown[0], ws.personas)}")


def megabytes(mb: float) -> int:
    """``--max-file-size`` in bytes: a MB is 1,000,000 bytes in every command."""
    return int(mb * 1_000_000)


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"guestology: error: {message}", err=True)
    return typer.Exit(code)


def resolve_workspace(path: Path | None) -> Path:
    """The workspace argument; else the configuration file's ``workspace``; else ``personas/``."""
    if path is not None:
        if not path.exists():
            raise fail(f"{path}: no such workspace folder")
        return path
    from guestology.cli.config import ConfigError, find_config

    try:
        configured = find_config().workspace()
    except ConfigError as exc:
        raise fail(str(exc)) from None
    if configured is not None:
        if not configured.is_dir():
            raise fail(f"{configured}: no such workspace folder (the configuration's `workspace`)")
        return configured
    if DEFAULT_WORKSPACE.is_dir():
        return DEFAULT_WORKSPACE
    raise fail("no `personas/` folder here: name a workspace, or create one with `guestology init`")


def check(
    workspace: Path, max_mb: float = 5.0, quiet: bool = False, cache: bool = False
) -> CheckResult:
    """Check the workspace, with a progress bar on a terminal when there are many files.

    With ``cache``, unchanged files' results come from the workspace's ``.guestology_cache``
    (``guestology.filecache``; ``GUESTOLOGY_NO_CACHE`` turns it off).

    A workspace without a single YAML file is a user error (exit 1): checking nothing must
    not look like a pass. One file given where a folder belongs gets a note (unless
    ``quiet``): the references to other files cannot resolve, so pass the folder.
    """
    from guestology.filecache import FileCache
    from guestology.problems import GuestologyError
    from guestology.workspace import check_workspace

    show_bar = sys.stderr.isatty() and not quiet
    stored = FileCache.for_workspace(workspace) if cache else None
    try:
        with _progress() if show_bar else nullcontext() as bar:
            result = check_workspace(workspace, megabytes(max_mb), bar, stored)
    except GuestologyError as exc:
        raise fail(str(exc)) from None
    if result.files == 0:
        raise fail(
            f"{workspace}: no persona or service file (`*.yaml`, `*.yml`) in this folder: "
            "is it the workspace? `guestology init` starts one"
        )
    if workspace.is_file() and not quiet:
        from guestology.cli.console import note

        note(
            f"{workspace} is one file; a workspace is a folder, and references to other "
            f"files resolve only within it: pass the folder, e.g. `{workspace.parent}`"
        )
    return result


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None]]:
    """A progress callback that shows a bar on stderr once a workspace has many files."""
    from rich.console import Console
    from rich.progress import Progress, TaskID

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task: list[TaskID] = []

        def update(done: int, total: int) -> None:
            if total < PROGRESS_MIN_FILES:
                return
            if not task:
                task.append(progress.add_task("Reading persona files", total=total))
            progress.update(task[0], completed=done)

        yield update


def print_problems(
    problems: list[Problem], *, hide_warnings: bool = False, err: bool = False
) -> None:
    """Problems as `path:line:col: [level] message (code)`, coloured as ``use_color`` says.

    ``err``: on stderr, for a command whose result is something else (a report, a map).
    """
    from guestology.cli.console import say
    from guestology.problems import Level

    for problem in problems:
        if hide_warnings and problem.level is not Level.ERROR:
            continue
        color = "red" if problem.level is Level.ERROR else "yellow"
        say(problem.format(), fg=color, err=err)


def write_output(path: Path | str, text: str | bytes | Iterable[str]) -> None:
    """Write ``text`` to ``path`` (``-`` is stdout; see ``guestology.cli.output``): all at
    once, or as the chunks of text come (a file is replaced only once all are written).

    An ``OSError`` here is the user's: a file where a folder should be, a read-only place,
    a folder where the file should be. It exits 1 naming ``path`` and the system's reason.
    """
    from guestology.problems import one_line

    if isinstance(text, (str, bytes)):
        data: Data = text.encode("utf-8") if isinstance(text, str) else text
    else:
        data = (chunk.encode("utf-8") for chunk in text)
    try:
        write_bytes(Path(path), data)
    except BrokenPipeError:  # `guestology report -o - | head`: the reader has gone
        silence_stdout()
        raise fail("the output was closed before all of it was written") from None
    except OSError as exc:
        raise fail(f"{one_line(str(path))}: {exc.strerror or exc}") from None
    except BinaryOnTerminal:
        msg = "binary output is not written to a terminal: redirect it, or give -o FILE"
        raise fail(msg) from None
