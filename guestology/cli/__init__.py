"""The command line: thin commands over the library; errors become exit codes here only.

Importing this package registers every command on ``app`` (``guestology.cli.app``), so
``from guestology.cli import app`` is the whole CLI. Exit codes: 0 clean, 1 problems or a
user error, 2 usage, 3 unexpected (a bug: its traceback goes to a log file that the message
names, see ``crash``; tracebacks never show local variables, so persona data cannot leak).
"""

from __future__ import annotations

import sys

from guestology.perf import cli_loaded, start_cli

_GC_WAS_ON = start_cli()  # before the commands load (see guestology.perf)

# isort: split
from guestology.cli import (  # noqa: E402
    diff,
    exporting,
    importing,
    init,
    map,
    printing,
    report,
    schema,
    serve,
    validate,
)
from guestology.cli.app import EXIT_PROBLEMS, EXIT_UNEXPECTED, app  # noqa: E402
from guestology.cli.crash import report_crash  # noqa: E402

cli_loaded(_GC_WAS_ON)

COMMANDS = (diff, exporting, importing, init, map, printing, report, schema, serve, validate)

__all__ = ["COMMANDS", "app", "main"]


def main() -> None:
    """The console script: run the app, turning any unexpected exception into exit code 3."""
    try:
        app(prog_name="guestology")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("guestology: interrupted\n")
        sys.exit(130)
    except MemoryError:  # too large a workspace for this machine: not a bug (issue 16)
        sys.stderr.write("guestology: error: out of memory; try --persona, or a larger machine\n")
        sys.exit(EXIT_PROBLEMS)
    except Exception as exc:  # the one place that catches everything
        report_crash(exc)
        sys.exit(EXIT_UNEXPECTED)
