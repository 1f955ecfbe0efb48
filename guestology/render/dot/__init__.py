"""Graphviz maps: ``draw``/``to_dot`` (DOT source, no Graphviz needed) and ``render`` (bytes)."""

from guestology.render.dot.drawing import (
    EDGE_ATTRS,
    FONT,
    FORMATS,
    GRAPH_ATTRS,
    NODE_ATTRS,
    ONE_PERSONA_VIEWS,
    PAPERS,
    VIEWS,
    Drawing,
    draw,
    page_attrs,
    render,
    to_dot,
    with_dpi,
)

__all__ = [
    "EDGE_ATTRS", "FONT", "FORMATS", "GRAPH_ATTRS", "NODE_ATTRS", "ONE_PERSONA_VIEWS", "PAPERS",
    "VIEWS", "Drawing", "draw", "page_attrs", "render", "to_dot", "with_dpi",
]  # fmt: skip
