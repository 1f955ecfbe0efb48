"""The ``needs`` view: personas, their needs and wants, and the touchpoints that serve them.

One block per persona: a table of its needs (North) and wants (West), each row linked to the
touchpoints whose steps serve it. A need that no step serves (directly, or through a want
``for`` it) is an UNMET NEED: a dark row saying so. Blocks are tiled in a grid shaped for a
landscape page. Above ``MAX_PERSONAS`` personas only the first ones are drawn (with a note).
"""

from __future__ import annotations

import graphviz
import networkx as nx

from guestology.render.dot.data import compass_items, direct_serves, persona_ids, served_by
from guestology.render.dot.legend import needs_legend
from guestology.render.dot.text import gv_id, html, html_lines, label, plural, wrap

MAX_PERSONAS = 12
BOUNDED_NODES = 250
NEEDS_ATTRS = {"rankdir": "LR", "ranksep": "0.9", "nodesep": "0.12"}
BOUNDED_ATTRS = {"nslimit": "2", "nslimit1": "2", "mclimit": "0.2", "splines": "line"}
UNMET_BG, UNSERVED_BG, HEAD_BG = "#860e1b", "#f4e3e3", "#d9d9d9"
SERVES = {"dir": "back", "arrowtail": "normal", "color": "#444444", "headport": "w"}
ANCHOR = {"shape": "point", "style": "invis", "width": "0", "height": "0", "fixedsize": "true"}
# Inches per table row, per touchpoint box, per block: to shape the grid like a page.
ROW_H, BOX_H, BLOCK_W, PAGE_ASPECT = 0.3, 0.6, 7.5, 1.41


def draw(g: nx.MultiDiGraph, canvas: graphviz.Digraph, personas: list[str]) -> list[str]:
    """Fill ``canvas`` with the needs map; return notes for the user."""
    chosen = persona_ids(g, personas)
    notes = []
    if len(chosen) > MAX_PERSONAS:
        notes.append(
            f"the needs view draws at most {plural(MAX_PERSONAS, 'persona')}: showing the first "
            f"{MAX_PERSONAS} of {len(chosen)}; choose others with --persona"
        )
        chosen = chosen[:MAX_PERSONAS]
    blocks = [(persona, direct_serves(g, persona)) for persona in chosen]
    size = sum(len({tp for tp, _ in pairs}) + 1 for _, pairs in blocks)
    canvas.attr("graph", **NEEDS_ATTRS, **(BOUNDED_ATTRS if size > BOUNDED_NODES else {}))
    if size > BOUNDED_NODES:
        notes.append(f"large map ({size} boxes): using the fast layout (straight edges)")
    copies = {}
    for index, (persona, pairs) in enumerate(blocks):
        with canvas.subgraph(name=f"cluster_{index}") as cluster:
            cluster.attr(label="", style="invis", margin="14")
            copies[persona] = add_block(g, cluster, persona, pairs)
    add_grid(canvas, grid(g, blocks), copies)
    canvas.attr("graph", label=needs_legend(g, chosen, notes))
    return notes


def grid(g: nx.MultiDiGraph, blocks: list) -> list[list[str]]:
    """Persona ids in columns, so that the tiled blocks are about as wide as a page."""
    heights = {persona: block_height(g, persona, pairs) for persona, pairs in blocks}
    order = list(heights)
    options = []
    for per in range(1, len(order) + 1):
        columns = [order[i : i + per] for i in range(0, len(order), per)]
        tallest = max(sum(heights[persona] for persona in column) for column in columns)
        options.append((abs(len(columns) * BLOCK_W / tallest - PAGE_ASPECT), per, columns))
    return min(options)[2] if options else []


def block_height(g: nx.MultiDiGraph, persona: str, pairs: list) -> float:
    rows = len(row_nodes(g, persona)) + 3
    return max(rows * ROW_H, len({tp for tp, _ in pairs}) * BOX_H) + 0.5


def add_grid(canvas: graphviz.Digraph, columns: list[list[str]], copies: dict) -> None:
    """Tables of grid column c at rank 2c, their touchpoints at 2c+1 (anchors keep order)."""
    previous = None
    for number, column in enumerate(columns):
        tables = [table_id(persona) for persona in column]
        touchpoints = [copy for persona in column for copy in copies[persona]]
        for side, members in (("tables", tables), ("touchpoints", touchpoints)):
            anchor = f"grid/{number}/{side}"
            with canvas.subgraph() as rank:
                rank.attr(rank="same")
                rank.node(anchor, label="", **ANCHOR)
                for member in members:
                    rank.node(member)
            if previous:
                canvas.edge(previous, anchor, style="invis")
            previous = anchor


def table_id(persona: str) -> str:
    return f"needs/{persona}"


def add_block(
    g: nx.MultiDiGraph, cluster: graphviz.Digraph, persona: str, pairs: list
) -> list[str]:
    """A persona's table and its own copies of the touchpoints serving it (their names)."""
    cluster.node(table_id(persona), label=persona_table(g, persona), shape="plain")
    ports = {node: f"r{i}" for i, node in enumerate(row_nodes(g, persona))}
    copies = []
    for touchpoint in dict.fromkeys(tp for tp, _ in pairs):
        copies.append(f"{table_id(persona)}/{gv_id(touchpoint)}")
        cluster.node(copies[-1], **tp_attrs(g, touchpoint))
    for touchpoint, item in pairs:
        tail = f"{table_id(persona)}:{ports[item]}:e"
        cluster.edge(tail, f"{table_id(persona)}/{gv_id(touchpoint)}", **SERVES)
    return copies


def row_nodes(g: nx.MultiDiGraph, persona: str) -> list[str]:
    return [n for kind in ("need", "want") for n, _ in compass_items(g, persona, kind)]


def persona_table(g: nx.MultiDiGraph, persona: str) -> str:
    """An HTML-like table: the persona, then NEEDS and WANTS rows (unmet needs dark)."""
    data = g.nodes[f"persona:{persona}"]
    kind = "cast member" if data.get("persona_kind") == "cast" else "guest"
    served = served_by(g, persona)
    rows = [
        f'<TR><TD BGCOLOR="{HEAD_BG}"><B>{html_lines(data["name"], 34, 2)}</B> · {kind}</TD></TR>'
    ]
    ports = {node: f"r{i}" for i, node in enumerate(row_nodes(g, persona))}
    for kind_name, title in (("need", "NEEDS (North)"), ("want", "WANTS (West)")):
        items = compass_items(g, persona, kind_name)
        rows.append(f'<TR><TD><FONT POINT-SIZE="10"><B>{title}</B></FONT></TD></TR>')
        rows += [item_row(node, item, ports[node], bool(served.get(node))) for node, item in items]
        if not items:
            rows.append("<TR><TD><I>none</I></TD></TR>")
    body = "".join(rows)
    return f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">{body}</TABLE>>'


def item_row(node: str, item: dict, port: str, served: bool) -> str:
    """One need or want: its text and priority; unmet needs and unserved wants stand out."""
    text = html_lines(item["text"], 40, 3)
    priority = item.get("priority", "medium")
    if node.startswith("need:"):
        if served:
            return _row(port, f"● {text} ({priority})")
        mark = f'<FONT COLOR="white"><B>⚠ UNMET NEED:</B> {text} ({priority})</FONT>'
        return _row(port, mark, f'BGCOLOR="{UNMET_BG}"')
    refines = ", ".join(item.get("for", []))
    extra = f' <FONT COLOR="#555555">(for {html(refines)})</FONT>' if refines else ""
    if served:
        return _row(port, f"○ {text}{extra}")
    style = f'BGCOLOR="{UNSERVED_BG}" BORDER="1" STYLE="dashed"'
    return _row(port, f"○ <I>not served:</I> {text}{extra}", style)


def _row(port: str, content: str, attrs: str = "") -> str:
    return f'<TR><TD PORT="{port}" ALIGN="LEFT" BALIGN="LEFT" {attrs}>{content}</TD></TR>'


def tp_attrs(g: nx.MultiDiGraph, touchpoint: str) -> dict[str, str]:
    """A touchpoint: its name and stage; dashed if backstage, ★ and thick if a moment of truth."""
    data = g.nodes[touchpoint]
    lines = wrap(data["name"], 26, 3)
    if data.get("moment_of_truth"):
        lines.insert(0, "★ MOMENT OF TRUTH")
    stage = g.nodes[f"stage:{data['stage']}"]["name"]
    backstage = data.get("visibility") == "backstage"
    attrs = {
        "label": label(lines, stage + (" · backstage" if backstage else "")),
        "fillcolor": "#e8eef7",
        "fontsize": "11",
        "style": "rounded,filled" + (",dashed" if backstage else ""),
        "tooltip": label(f"{data['name']} ({data['id']})"),
    }
    if data.get("moment_of_truth"):
        attrs.update(penwidth="3", color="black")
    return attrs
