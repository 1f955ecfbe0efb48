"""The ``needs`` view: personas, their needs and wants, and the touchpoints that serve them.

One block per persona: a table of its needs (North) and wants (West), each row linked to the
touchpoints whose steps serve it. Each row shows the report's status: a need that no step
serves (directly, or through a want ``for`` it) is an UNMET NEED, a dark row; one whose
serving steps all under-deliver is WEAKLY MET, a pale row. Blocks are tiled in a grid shaped for a
landscape page. Above ``MAX_PERSONAS`` personas only the first ones are drawn (with a note).
"""

from __future__ import annotations

import graphviz

from guestology.analysis.needs import NeedStatus
from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.render.common import plural, wrap
from guestology.render.dot.data import tp_id
from guestology.render.dot.legend import needs_legend
from guestology.render.dot.text import html, html_lines, label, node_name

MAX_PERSONAS = 12
BOUNDED_NODES = 250
NEEDS_ATTRS = {"rankdir": "LR", "ranksep": "0.9", "nodesep": "0.12"}
BOUNDED_ATTRS = {"nslimit": "2", "nslimit1": "2", "mclimit": "0.2", "splines": "line"}
UNMET_BG, UNSERVED_BG, HEAD_BG = "#860e1b", "#f4e3e3", "#d9d9d9"
SERVES = {"dir": "back", "arrowtail": "normal", "color": "#444444", "headport": "w"}
ANCHOR = {"shape": "point", "style": "invis", "width": "0", "height": "0", "fixedsize": "true"}
# Inches per table row, per touchpoint box, per block: to shape the grid like a page.
ROW_H, BOX_H, BLOCK_W, PAGE_ASPECT = 0.3, 0.6, 7.5, 1.41


def draw(ws: Workspace, report: Report, canvas: graphviz.Digraph) -> list[str]:
    """Fill ``canvas`` with the needs map; return notes for the user."""
    chosen = list(report.personas)
    notes = []
    if len(chosen) > MAX_PERSONAS:
        notes.append(
            f"the needs view draws at most {plural(MAX_PERSONAS, 'persona')}: showing the first "
            f"{MAX_PERSONAS} of {len(chosen)}; choose others with --persona"
        )
        chosen = chosen[:MAX_PERSONAS]
    blocks = [(pid, rows_of(report, pid)) for pid in chosen]
    size = sum(len({tp for row in rows for tp in row.direct}) + 1 for _, rows in blocks)
    canvas.attr("graph", **NEEDS_ATTRS, **(BOUNDED_ATTRS if size > BOUNDED_NODES else {}))
    if size > BOUNDED_NODES:
        notes.append(f"large map ({size} boxes): using the fast layout (straight edges)")
    copies = {}
    for index, (pid, rows) in enumerate(blocks):
        with canvas.subgraph(name=f"cluster_{index}") as cluster:
            cluster.attr(label="", style="invis", margin="14")
            copies[pid] = add_block(ws, cluster, pid, rows)
    add_grid(canvas, grid(blocks), copies)
    canvas.attr("graph", label=needs_legend(ws, chosen, notes))
    return notes


def rows_of(report: Report, pid: str) -> list[NeedStatus]:
    """A persona's needs, then its wants, as the report judged them."""
    cover = report.needs.of(pid)
    items = cover.items if cover else []
    return [i for kind in ("need", "want") for i in items if i.kind == kind]


def grid(blocks: list[tuple[str, list[NeedStatus]]]) -> list[list[str]]:
    """Persona ids in columns, so that the tiled blocks are about as wide as a page."""
    heights = {pid: block_height(rows) for pid, rows in blocks}
    order = list(heights)
    options = []
    for per in range(1, len(order) + 1):
        columns = [order[i : i + per] for i in range(0, len(order), per)]
        tallest = max(sum(heights[pid] for pid in column) for column in columns)
        options.append((abs(len(columns) * BLOCK_W / tallest - PAGE_ASPECT), per, columns))
    return min(options)[2] if options else []


def block_height(rows: list[NeedStatus]) -> float:
    boxes = len({tp for row in rows for tp in row.direct})
    return max((len(rows) + 3) * ROW_H, boxes * BOX_H) + 0.5


def add_grid(canvas: graphviz.Digraph, columns: list[list[str]], copies: dict) -> None:
    """Tables of grid column c at rank 2c, their touchpoints at 2c+1 (anchors keep order)."""
    previous = None
    for number, column in enumerate(columns):
        tables = [table_id(pid) for pid in column]
        touchpoints = [copy for pid in column for copy in copies[pid]]
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


def table_id(pid: str) -> str:
    return node_name("needs", pid)


def add_block(
    ws: Workspace, cluster: graphviz.Digraph, pid: str, rows: list[NeedStatus]
) -> list[str]:
    """A persona's table and its own copies of the touchpoints serving it (their names)."""
    cluster.node(table_id(pid), label=persona_table(ws, pid, rows), shape="plain")
    copies = []
    for tp in dict.fromkeys(tp for row in rows for tp in row.direct):
        copies.append(f"{table_id(pid)}/{tp_id(tp)}")
        cluster.node(copies[-1], **tp_attrs(ws, tp))
    for port, row in enumerate(rows):
        for tp in row.direct:
            tail = f"{table_id(pid)}:r{port}:e"
            cluster.edge(tail, f"{table_id(pid)}/{tp_id(tp)}", **SERVES)
    return copies


def persona_table(ws: Workspace, pid: str, rows: list[NeedStatus]) -> str:
    """An HTML-like table: the persona, then NEEDS and WANTS rows (unmet needs dark)."""
    persona = ws.personas[pid]
    kind = "cast member" if persona.kind == "cast" else "guest"
    cells = [
        f'<TR><TD BGCOLOR="{HEAD_BG}"><B>{html_lines(persona.name, 34, 2)}</B> · {kind}</TD></TR>'
    ]
    for kind_name, title in (("need", "NEEDS (North)"), ("want", "WANTS (West)")):
        cells.append(f'<TR><TD><FONT POINT-SIZE="10"><B>{title}</B></FONT></TD></TR>')
        items = [(port, row) for port, row in enumerate(rows) if row.kind == kind_name]
        cells += [item_row(row, f"r{port}", ws) for port, row in items]
        if not items:
            cells.append("<TR><TD><I>none</I></TD></TR>")
    body = "".join(cells)
    return f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">{body}</TABLE>>'


def item_row(item: NeedStatus, port: str, ws: Workspace) -> str:
    """One need or want with its priority and the report's status: unmet and failed needs
    dark; weak ones, failed and unserved wants pale."""
    text = html_lines(item.text, 40, 3)
    weak = f'BGCOLOR="{UNSERVED_BG}" BORDER="1"'
    if item.kind == "need":
        if item.status == "met":
            return _row(port, f"● {text} ({item.priority})")
        if item.status == "weak":
            return _row(port, f"◐ <B>WEAK:</B> {text} ({item.priority})", weak)
        label = "✗ FAILED NEED" if item.status == "failed" else "⚠ UNMET NEED"
        mark = f'<FONT COLOR="white"><B>{label}:</B> {text} ({item.priority})</FONT>'
        return _row(port, mark, f'BGCOLOR="{UNMET_BG}"')
    persona = ws.personas[item.persona]
    refines = next((w.for_ for w in persona.compass.wants if w.id == item.id), [])
    extra = f' <FONT COLOR="#555555">(for {html(", ".join(refines))})</FONT>' if refines else ""
    if item.status == "met":
        return _row(port, f"○ {text}{extra}")
    if item.status == "weak":
        return _row(port, f"◐ <I>weak:</I> {text}{extra}", weak)
    if item.status == "failed":
        return _row(port, f"✗ <I>failed:</I> {text}{extra}", weak)
    return _row(port, f"○ <I>not served:</I> {text}{extra}", weak + ' STYLE="dashed"')


def _row(port: str, content: str, attrs: str = "") -> str:
    return f'<TR><TD PORT="{port}" ALIGN="LEFT" BALIGN="LEFT" {attrs}>{content}</TD></TR>'


def tp_attrs(ws: Workspace, touchpoint: str) -> dict[str, str]:
    """A touchpoint: its name and stage; dashed if backstage, ★ and thick if a moment of truth."""
    tp = ws.touchpoints[touchpoint]
    lines = wrap(tp.name, 26, 3)
    if tp.moment_of_truth:
        lines.insert(0, "★ MOMENT OF TRUTH")
    stage = next((s.name for s in ws.stages if s.id == tp.stage), tp.stage)
    backstage = tp.visibility == "backstage"
    attrs = {
        "label": label(lines, stage + (" · backstage" if backstage else "")),
        "fillcolor": "#e8eef7",
        "fontsize": "11",
        "style": "rounded,filled" + (",dashed" if backstage else ""),
        "tooltip": label(f"{tp.name} ({tp.id})"),
    }
    if tp.moment_of_truth:
        attrs.update(penwidth="3", color="black")
    return attrs
