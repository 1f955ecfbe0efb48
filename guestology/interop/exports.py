"""``export_workspace``: a validated workspace in another tool's format, as text.

Formats: ``mmd`` (one mermaid journey per persona), ``md`` (all of them in one Markdown
page), ``csv`` (``steps`` or ``lanes`` layout), ``json`` (node-link), ``graphml`` and
``gexf``. The result maps a file name to its text (several only for ``mmd`` of several
personas: ``<persona id>.mmd``) and lists every change an export made to fit the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.interop.naming import names as export_names
from guestology.model import Workspace
from guestology.problems import GuestologyError, did_you_mean

EXPORT_FORMATS = ("mmd", "md", "csv", "json", "graphml", "gexf")


@dataclass
class Exported:
    files: dict[str, str]  # file name -> text; "" is the one file of a single-file format
    notes: list[str] = field(default_factory=list)


def export_workspace(
    ws: Workspace, fmt: str, personas: list[str] | None = None, layout: str = "steps"
) -> Exported:
    """``ws`` as ``fmt``; ``personas`` (ids) narrows it; ``GuestologyError`` for an unknown id."""
    from guestology.interop import to_csv, to_graph, to_mermaid

    for pid in personas or []:
        if pid not in ws.personas:
            raise GuestologyError(f"unknown persona `{pid}`{did_you_mean(pid, ws.personas)}")
    chosen = [ws.personas[p] for p in personas] if personas else list(ws.personas.values())
    names = export_names(ws)
    notes = list(names.notes) if fmt in ("mmd", "md", "csv") else []
    if fmt == "mmd":
        files = {f"{p.id}.mmd": to_mermaid.to_mermaid(ws, p, names, notes) for p in chosen}
    elif fmt == "md":
        files = {"": to_mermaid.to_markdown(ws, chosen, names, notes)}
    elif fmt == "csv":
        files = {"": to_csv.to_csv(to_csv.rows(ws, chosen, names, notes), layout)}
    else:
        graph = to_graph.export_graph(ws, personas)
        render = {"json": to_graph.to_node_link, "graphml": to_graph.to_graphml,
                  "gexf": to_graph.to_gexf}[fmt]  # fmt: skip
        files = {"": render(graph)}
    return Exported(files, list(dict.fromkeys(notes)))
