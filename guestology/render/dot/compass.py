"""The ``compass`` view: one persona's Guest Compass, each point at its place on the rose.

North: needs (with the touchpoints serving each; unmet needs dark). West: wants. South:
stereotypes (countered or reinforced where). East: emotions (evoked where). The persona
sits in the middle. Layout: ``dot`` top to bottom, with West, the persona and East on one
rank (flat edges keep them in that order), North above and South below.
"""

from __future__ import annotations

from dataclasses import dataclass

import graphviz
import networkx as nx

from guestology.render.dot.data import compass_items, served_by, step_links
from guestology.render.dot.legend import compass_legend
from guestology.render.dot.text import html, html_lines

COMPASS_ATTRS = {"rankdir": "TB", "nodesep": "0.6", "ranksep": "0.5"}
POINTS = {
    "N": ("need", "NORTH · Needs", "must-haves"),
    "W": ("want", "WEST · Wants", "preferences tied to needs"),
    "S": ("stereotype", "SOUTH · Stereotypes", "preconceptions to counter"),
    "E": ("emotion", "EAST · Emotions", "how they feel along the way"),
}
DARK, PALE, HEAD = "#860e1b", "#f4e3e3", "#d9d9d9"
SPOKE = {"dir": "none", "penwidth": "3", "color": "#777777"}


def draw(g: nx.MultiDiGraph, canvas: graphviz.Digraph, personas: list[str]) -> list[str]:
    """Fill ``canvas`` with the compass of the one chosen persona."""
    persona = personas[0]
    canvas.attr("graph", **COMPASS_ATTRS)
    canvas.attr("node", shape="plain", style="")
    center = f"compass/{persona}"
    canvas.node(center, label=persona_card(g, persona))
    for point in POINTS:
        canvas.node(f"{center}/{point}", label=point_table(g, persona, point))
    canvas.edge(f"{center}/N", center, **SPOKE)
    canvas.edge(center, f"{center}/S", **SPOKE)
    with canvas.subgraph() as middle:
        middle.attr(rank="same")
        middle.edge(f"{center}/W", center, **SPOKE)
        middle.edge(center, f"{center}/E", **SPOKE)
    canvas.attr("graph", label=compass_legend(g, persona))
    return []


def persona_card(g: nx.MultiDiGraph, persona: str) -> str:
    """The middle of the rose: the persona's name, kind, summary and quote."""
    data = g.nodes[f"persona:{persona}"]
    kind = "cast member (internal customer)" if data.get("persona_kind") == "cast" else "guest"
    rows = [
        f'<TR><TD><FONT POINT-SIZE="18"><B>{html_lines(data["name"], 28, 3)}</B></FONT></TD></TR>'
    ]
    rows.append(f"<TR><TD>{kind}</TD></TR>")
    if data.get("summary"):
        rows.append(f"<TR><TD>{html_lines(data['summary'], 34, 5)}</TD></TR>")
    if data.get("quote"):
        rows.append(f"<TR><TD><I>“{html_lines(data['quote'], 34, 4)}”</I></TD></TR>")
    body = "".join(rows)
    return (
        f'<<TABLE BORDER="3" STYLE="rounded" CELLBORDER="0" CELLPADDING="6" '
        f'BGCOLOR="#f2f2f2">{body}</TABLE>>'
    )


def point_table(g: nx.MultiDiGraph, persona: str, point: str) -> str:
    """One compass point: its heading, then a row per item with where the journey meets it."""
    kind, title, hint = POINTS[point]
    rows = [
        f'<TR><TD BGCOLOR="{HEAD}"><FONT POINT-SIZE="16"><B>{title}</B></FONT><BR/>'
        f'<FONT POINT-SIZE="10">{hint}</FONT></TD></TR>'
    ]
    found = links(g, persona)
    items = compass_items(g, persona, kind)
    for node, item in items:
        rows.append(item_row(item, *item_note(kind, node, item, found)))
    if not items:
        rows.append("<TR><TD><I>none written yet</I></TD></TR>")
    body = "".join(rows)
    return f'<<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">{body}</TABLE>>'


def item_row(item: dict, warning: str, note: str, fill: str) -> str:
    """A table row: the item's text, then a small note (a bold warning first, if any)."""
    dark = fill == DARK
    colour = ' COLOR="white"' if dark else ""
    background = f' BGCOLOR="{fill}"' if fill else ""
    small = html_lines(f"{warning} · {note}" if warning else note, 56, 4)
    if warning:
        small = small.replace(html(warning), f"<B>{html(warning)}</B>", 1)
    return (
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{background}><FONT{colour}>'
        f'{html_lines(item["text"], 44, 4)}<BR ALIGN="LEFT"/>'
        f'<FONT POINT-SIZE="10">{small}</FONT></FONT></TD></TR>'
    )


@dataclass
class Links:
    """Where a persona's journey meets its compass: touchpoint names per item."""

    served: dict[str, list[str]]
    evokes: dict[str, list[str]]
    counters: dict[str, list[str]]
    reinforces: dict[str, list[str]]


def links(g: nx.MultiDiGraph, persona: str) -> Links:
    served = {
        item: [g.nodes[tp]["name"] for tp in tps] for item, tps in served_by(g, persona).items()
    }
    found = {field: step_links(g, persona, field) for field in ("evokes", "counters", "reinforces")}
    return Links(served, **found)


def places(names: list[str]) -> str:
    return ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")


def item_note(kind: str, node: str, item: dict, found: Links) -> tuple[str, str, str]:
    """``(warning, note, fill)`` for one item: where it is met, or what is missing."""
    if kind in ("need", "want"):
        where = found.served.get(node, [])
        priority = f"{item.get('priority', 'medium')} priority"
        if where:
            return "", f"{priority} · served at: {places(where)}", ""
        if kind == "need":
            return "⚠ UNMET NEED", f"{priority} · no step serves it", DARK
        return "", f"{priority} · no step serves it", PALE
    valence = item.get("valence", "")
    if kind == "emotion":
        where = found.evokes.get(item["id"], [])
        return (
            "",
            f"{valence} · " + (f"felt at: {places(where)}" if where else "no step evokes it"),
            "",
        )
    parts = [valence]
    for field, verb in (("counters", "countered"), ("reinforces", "reinforced")):
        where = getattr(found, field).get(item["id"], [])
        if where:
            parts.append(f"{verb} at: {places(where)}")
    if len(parts) > 1:
        return "", " · ".join(parts), ""
    if valence == "negative":
        return "⚠ nothing counters it", valence, PALE
    return "", f"{valence} · no step reinforces it", ""
