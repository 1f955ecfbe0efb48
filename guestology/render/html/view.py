"""View data for the map's overview: the service, its personas and the headline figures.

``build_context`` gathers, once, what every view needs: the workspace (for display text:
names, quotes, what a step says) and the analysis ``Report`` (for every fact: scope, needs,
curves, bands, divergence, figures). The ``*_view`` functions turn them into plain data for
the templates, which only lay it out. Nothing here decides a rule of its own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from guestology.analysis.report import Report
from guestology.model import Persona, Step, Touchpoint, Workspace
from guestology.render.common import signed
from guestology.render.html.curve import tone

CARDS_UP_TO = 24  # more personas than this: a compact table instead of cards


@dataclass
class MapContext:
    """Everything the views share, computed once per map."""

    ws: Workspace
    report: Report
    persona_ids: list[str]  # the report's personas, guests first, then cast
    site: bool = False
    stage_names: dict[str, str] = field(default_factory=dict)

    def persona(self, pid: str) -> Persona:
        return self.ws.personas[pid]

    def journey(self, pid: str) -> list[Step]:
        return self.ws.personas[pid].journey

    def touchpoint(self, tid: str) -> Touchpoint:
        return self.ws.touchpoints[tid]

    def href(self, pid: str, view: str = "journey") -> str:
        """Where a persona's journey (or compass) is: an anchor, or its page in a site."""
        return f"{page_path(pid)}#{view}-{pid}" if self.site else f"#{view}-{pid}"


PAGE_NAME_BYTES = 100  # longer ids are cut, with a hash: file names stop at 255 bytes
# Names that are one file, and the same file, on every file system: `Ana` and `ana`, or `é`
# written two ways, are two personas but one file on macOS and Windows.
PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")


def page_path(pid: str) -> str:
    """A persona's page in a site: ``personas/<id>.html`` for a lower-case ASCII id of up
    to ``PAGE_NAME_BYTES``; any other id keeps its (cut) start and adds a hash of the whole
    id, so that ids differing only in case or Unicode form never share a file."""
    raw = pid.encode("utf-8", "surrogatepass")
    if len(raw) <= PAGE_NAME_BYTES and PLAIN_NAME.fullmatch(pid):
        return f"personas/{pid}.html"
    start = raw[: PAGE_NAME_BYTES - 13].decode("utf-8", "ignore").lstrip(".")
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return f"personas/{start}-{digest}.html" if start else f"personas/{digest}.html"


def build_context(ws: Workspace, report: Report, site: bool = False) -> MapContext:
    """The shared context of a map of ``report``'s personas (analysed from ``ws``)."""
    chosen = [p for p in report.personas if p in ws.personas]
    chosen.sort(key=lambda p: ws.personas[p].kind != "guest")  # guests first, then cast
    names = {stage.id: stage.name for stage in ws.stages}
    return MapContext(ws, report, chosen, site, names)


def journey_positions(ctx: MapContext) -> dict[str, float]:
    """Touchpoint id -> where it falls in the journeys on average (0 first, 1 last): layout."""
    found: dict[str, list[float]] = {}
    for pid in ctx.persona_ids:
        journey = ctx.journey(pid)
        for index, step in enumerate(journey):
            found.setdefault(step.touchpoint, []).append(index / max(len(journey), 1))
    return {tid: fmean(values) for tid, values in found.items()}


def persona_card(ctx: MapContext, pid: str) -> dict[str, Any]:
    persona = ctx.persona(pid)
    curve = ctx.report.emotions.curve(pid)
    mean = curve.mean if curve and curve.mean is not None else 0.0
    demographics = " \u00b7 ".join(f"{k}: {v}" for k, v in persona.demographics.items())
    return {
        "id": pid,
        "name": persona.name,
        "kind": persona.kind,
        "kind_label": "Cast (internal customer)" if persona.kind == "cast" else "Guest",
        "summary": persona.summary or "",
        "quote": persona.quote or "",
        "attention": list(persona.attention),
        "demographics": demographics,
        "steps": len(curve.points) if curve else 0,
        "mean": signed(mean, 1),
        "tone": tone(round(mean, 1)),
        "href": ctx.href(pid),
        "compass_href": ctx.href(pid, "compass"),
    }


def overview_view(
    ctx: MapContext,
    figures: list[dict[str, str]],
    findings: list[dict[str, Any]],
    causes: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    cards = [persona_card(ctx, pid) for pid in ctx.persona_ids]
    return {
        "service": ctx.ws.service.service,
        "stages": [stage.name for stage in ctx.ws.stages],
        "guests": [c for c in cards if c["kind"] == "guest"],
        "cast": [c for c in cards if c["kind"] == "cast"],
        "layout": "cards" if len(cards) <= CARDS_UP_TO else "table",
        "figures": figures,
        "findings": findings,
        "causes": causes or [],
    }
