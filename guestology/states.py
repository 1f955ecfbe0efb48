"""The designed future state of a workspace, as a workspace of its own.

``future_workspace(ws)`` keeps the service and its touchpoints and gives every persona that
has a ``future:`` journey that journey in place of today's; personas without one are left
out (there is no designed future of theirs to show). Everything that reads a workspace (the
graph, the analyses, the Graphviz views) then draws the future as it draws today. The
service's name says which state it is, so every drawing's title does too.
"""

from __future__ import annotations

from dataclasses import replace

from guestology.model import Workspace
from guestology.problems import GuestologyError

STATES = ("current", "future")


def future_workspace(ws: Workspace) -> Workspace:
    """The workspace in its designed future state (pure: ``ws`` is not changed)."""
    personas = {
        pid: replace(p, journey=p.future, future=[]) for pid, p in ws.personas.items() if p.future
    }
    if not personas:
        raise GuestologyError(
            "no persona has a `future:` journey: add one (same step shape as `journey:`) "
            "to draw the designed future"
        )
    name = f"{ws.service.service} (designed future)"
    service = replace(ws.service, service=name)
    return replace(ws, service=service, personas=personas)
