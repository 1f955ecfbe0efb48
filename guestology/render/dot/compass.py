"""The ``compass`` view: one persona's Guest Compass, each point at its place on the rose.

North: needs (with the touchpoints serving each; unmet needs dark). West: wants. South:
stereotypes (countered or reinforced where). East: emotions (evoked where). The persona
sits in the middle. Layout: ``dot`` top to bottom, with West, the persona and East on one
rank (flat edges keep them in that order), North above and South below.
"""

from __future__ import annotations

import graphviz

from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.render.common import name_list
from guestology.render.dot.legend import compass_legend
from guestology.render.dot.text import html, html_lines, node_name

COMPASS_ATTRS = {"rankdir": "TB", "nodesep": "0.6", "ranksep": "0.5"}
POINTS = {
    "N": ("need", "NORTH · Needs", "must-haves"),
    "W": ("want", "WEST · Wants", "preferences tied to needs"),
    "S": ("stereotype", "SOUTH · Stereotypes", "preconceptions to counter"),
    "E": ("emotion", "EAST · Emotions", "how they feel along the way"),
}
DARK, PALE, HEAD = "#860e1b", "#f4e3e3", "#d9d9d9"
SPOKE = {"dir": "none", "penwidth": "3", "color": "#777777"}


def draw(ws: Workspace, report: Report, canvas: graphviz.Digraph) -> list[str]:
    """Fill ``canvas`` with the compass of the report's one persona."""
    persona = report.personas[0]
    canvas.attr("graph", **COMPASS_ATTRS)
    canvas.attr("node", shape="plain", style="")
    center = node_name("compass", persona)  # an id too long for Graphviz is cut and hashed
    canvas.node(center, label=persona_card(ws, persona))
    for point in POINTS:
        rows = point_rows(ws, report, persona, point)
        canvas.node(f"{center}/{point}", label=point_table(point, rows))
    canvas.edge(f"{center}/N", center, **SPOKE)
    canvas.edge(center, f"{center}/S", **SPOKE)
    with canvas.subgraph() as middle:
        middle.attr(rank="same")
        middle.edge(f"{center}/W", center, **SPOKE)
        middle.edge(center, f"{center}/E", **SPOKE)
    canvas.attr("graph", label=compass_legend(ws, persona))
    return []


def persona_card(ws: Workspace, pid: str) -> str:
    """The middle of the rose: the persona's name, kind, summary and quote."""
    persona = ws.personas[pid]
    kind = "cast member (internal customer)" if persona.kind == "cast" else "guest"
    rows = [
        f'<TR><TD><FONT POINT-SIZE="18"><B>{html_lines(persona.name, 28, 3)}</B></FONT></TD></TR>'
    ]
    rows.append(f"<TR><TD>{kind}</TD></TR>")
    if persona.summary:
        rows.append(f"<TR><TD>{html_lines(persona.summary, 34, 5)}</TD></TR>")
    if persona.quote:
        rows.append(f"<TR><TD><I>“{html_lines(persona.quote, 34, 4)}”</I></TD></TR>")
    body = "".join(rows)
    return (
        f'<<TABLE BORDER="3" STYLE="rounded" CELLBORDER="0" CELLPADDING="6" '
        f'BGCOLOR="#f2f2f2">{body}</TABLE>>'
    )


Row = tuple[str, str, str, str]  # (text, warning, note, fill)


def point_rows(ws: Workspace, report: Report, pid: str, point: str) -> list[Row]:
    """The items of one compass point, each with the report's verdict on it."""
    kind = POINTS[point][0]

    def names(touchpoints: tuple[str, ...]) -> str:
        return name_list([ws.touchpoints[t].name for t in touchpoints])

    rows: list[Row] = []
    if kind in ("need", "want"):
        cover = report.needs.of(pid)
        for item in (i for i in (cover.items if cover else []) if i.kind == kind):
            priority = f"{item.priority} priority"
            if item.status == "met":
                note = f"{priority} · served at: {names(item.touchpoints)}"
                rows.append((item.text, "", note, ""))
            elif item.status == "weak":
                note = f"{priority} · goes wrong at: {names(item.failing_at)}"
                rows.append((item.text, "◐ WEAK", note, PALE))
            elif item.status == "failed":
                note = f"{priority} · goes wrong wherever served: {names(item.touchpoints)}"
                rows.append((item.text, "✗ FAILED", note, DARK if kind == "need" else PALE))
            elif kind == "need":
                rows.append((item.text, "⚠ UNMET NEED", f"{priority} · no step serves it", DARK))
            else:
                rows.append((item.text, "", f"{priority} · no step serves it", PALE))
    elif kind == "emotion":
        for e in report.emotions.evoked_of(pid):
            where = f"felt at: {names(e.touchpoints)}" if e.touchpoints else "no step evokes it"
            rows.append((e.text, "", f"{e.valence} · {where}", ""))
    else:
        for s in report.stereotypes.of(pid):
            parts = [s.valence]
            if s.countered_by:
                parts.append(f"countered at: {names(s.countered_by)}")
            if s.reinforced_by:
                parts.append(f"reinforced at: {names(s.reinforced_by)}")
            if len(parts) > 1:
                rows.append((s.text, "", " · ".join(parts), ""))
            elif s.valence == "negative":
                rows.append((s.text, "⚠ nothing counters it", s.valence, PALE))
            else:
                rows.append((s.text, "", f"{s.valence} · no step reinforces it", ""))
    return rows


def point_table(point: str, rows: list[Row]) -> str:
    """One compass point: its heading, then a row per item with where the journey meets it."""
    _, title, hint = POINTS[point]
    cells = [
        f'<TR><TD BGCOLOR="{HEAD}"><FONT POINT-SIZE="16"><B>{title}</B></FONT><BR/>'
        f'<FONT POINT-SIZE="10">{hint}</FONT></TD></TR>'
    ]
    cells += [item_row(*row) for row in rows]
    if not rows:
        cells.append("<TR><TD><I>none written yet</I></TD></TR>")
    body = "".join(cells)
    return f'<<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">{body}</TABLE>>'


def item_row(text: str, warning: str, note: str, fill: str) -> str:
    """A table row: the item's text, then a small note (a bold warning first, if any)."""
    dark = fill == DARK
    colour = ' COLOR="white"' if dark else ""
    background = f' BGCOLOR="{fill}"' if fill else ""
    small = html_lines(f"{warning} · {note}" if warning else note, 56, 4)
    if warning:
        small = small.replace(html(warning), f"<B>{html(warning)}</B>", 1)
    return (
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{background}><FONT{colour}>'
        f'{html_lines(text, 44, 4)}<BR ALIGN="LEFT"/>'
        f'<FONT POINT-SIZE="10">{small}</FONT></FONT></TD></TR>'
    )
