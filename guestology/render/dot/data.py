"""What the Graphviz views read from the graph: pure functions over ``build_graph``'s result."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from guestology.graph import nodes_of, steps


def persona_ids(g: nx.MultiDiGraph, personas: list[str]) -> list[str]:
    """The chosen persona ids, or every persona's (in workspace order) when none is chosen."""
    return list(personas) or [data["id"] for _, data in nodes_of(g, "persona")]


def stages(g: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """``(stage id, stage name)`` in stage order."""
    found = sorted(nodes_of(g, "stage"), key=lambda item: item[1]["order"])
    return [(data["id"], data["name"]) for _, data in found]


def journeys(g: nx.MultiDiGraph, chosen: list[str]) -> dict[str, list[dict]]:
    """Persona id -> its journey steps (the ``visits`` edges' attributes), in order."""
    return {persona: steps(g, persona) for persona in chosen}


def supports(g: nx.MultiDiGraph, nodes: list[str]) -> list[tuple[str, str]]:
    """``supports`` pairs (touchpoint node -> touchpoint node) among ``nodes``."""
    among = set(nodes)
    pairs = [(n, f"touchpoint:{t}") for n in nodes for t in g.nodes[n].get("supports", [])]
    return [(source, target) for source, target in pairs if target in among]


def shown_touchpoints(g: nx.MultiDiGraph, walks: dict[str, list[dict]], filtered: bool) -> list:
    """Every touchpoint; with chosen personas, those they visit and those supporting them."""
    every = [node for node, _ in nodes_of(g, "touchpoint")]
    if not filtered:
        return every
    seen = {f"touchpoint:{step['touchpoint']}" for walk in walks.values() for step in walk}
    helpers = {source for source, target in supports(g, every) if target in seen}
    return [node for node in every if node in seen | helpers]


def mean_emotions(walks: dict[str, list[dict]]) -> dict[str, tuple[float, int]]:
    """Touchpoint node -> (mean emotion, number of visits) over the journeys' steps."""
    found: dict[str, list[int]] = defaultdict(list)
    for walk in walks.values():
        for step in walk:
            found[f"touchpoint:{step['touchpoint']}"].append(step["emotion"])
    return {node: (sum(values) / len(values), len(values)) for node, values in found.items()}


def aggregate_steps(walks: dict[str, list[dict]]) -> dict[tuple[str, str], list[str]]:
    """(from touchpoint, to touchpoint) -> the personas taking that step, in first-seen order."""
    found: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    for persona, walk in walks.items():
        for here, after in zip(walk, walk[1:], strict=False):
            pair = (f"touchpoint:{here['touchpoint']}", f"touchpoint:{after['touchpoint']}")
            found[pair][persona] = None
    return {pair: list(who) for pair, who in found.items()}


def served_by(g: nx.MultiDiGraph, persona: str) -> dict[str, list[str]]:
    """Need/want node of a persona -> touchpoint nodes serving it (directly, in step order).

    Serving a want also serves the needs it is ``for`` (as ``Persona.serving_steps``).
    """
    found: dict[str, list[str]] = defaultdict(list)
    refines = {
        want: [f"need:{persona}/{need}" for need in data.get("for", [])]
        for want, data in compass_items(g, persona, "want")
    }
    for step in steps(g, persona):
        touchpoint = f"touchpoint:{step['touchpoint']}"
        for item in serve_targets(g, persona, step["serves"]):
            for target in [item, *refines.get(item, [])]:
                if touchpoint not in found[target]:
                    found[target].append(touchpoint)
    return dict(found)


def serve_targets(g: nx.MultiDiGraph, persona: str, ids: list[str]) -> list[str]:
    """The need or want nodes that a step's ``serves`` ids name."""
    out = []
    for item in ids:
        for kind in ("need", "want"):
            node = f"{kind}:{persona}/{item}"
            if node in g:
                out.append(node)
    return out


def direct_serves(g: nx.MultiDiGraph, persona: str) -> list[tuple[str, str]]:
    """(touchpoint node, need/want node) pairs a persona's steps name in ``serves``."""
    pairs: list[tuple[str, str]] = []
    for step in steps(g, persona):
        touchpoint = f"touchpoint:{step['touchpoint']}"
        for item in serve_targets(g, persona, step["serves"]):
            if (touchpoint, item) not in pairs:
                pairs.append((touchpoint, item))
    return pairs


def compass_items(g: nx.MultiDiGraph, persona: str, kind: str) -> list[tuple[str, dict]]:
    """A persona's compass items of one kind (``need``, ``want``...), in file order."""
    return [
        (node, g.nodes[node])
        for _, node, data in g.out_edges(f"persona:{persona}", data=True)
        if data["kind"] == "has" and g.nodes[node]["kind"] == kind
    ]


def step_links(g: nx.MultiDiGraph, persona: str, field: str) -> dict[str, list[str]]:
    """Compass item id -> names of the touchpoints whose steps name it in ``field``."""
    found: dict[str, list[str]] = defaultdict(list)
    for step in steps(g, persona):
        name = g.nodes[f"touchpoint:{step['touchpoint']}"]["name"]
        for item in step[field]:
            if name not in found[item]:
                found[item].append(name)
    return dict(found)


# The shape of a touchpoint box with its gaps, in inches, and the page's width/height.
COLUMN_INCHES, ROW_INCHES, PAGE_ASPECT = 2.6, 0.95, 1.41


def journey_positions(g: nx.MultiDiGraph, walks: dict[str, list[dict]]) -> dict[str, float]:
    """Touchpoint node -> its mean position within the stage, over the journeys."""
    found: dict[str, list[int]] = defaultdict(list)
    for walk in walks.values():
        seen: dict[str, int] = defaultdict(int)
        for step in walk:
            node = f"touchpoint:{step['touchpoint']}"
            stage = g.nodes[node]["stage"]
            found[node].append(seen[stage])
            seen[stage] += 1
    return {node: sum(values) / len(values) for node, values in found.items()}


def rows_for(counts: list[int]) -> int:
    """How many touchpoints to stack per column so the drawing is about as wide as a page."""
    for rows in range(1, max(counts, default=1) + 1):
        columns = sum(-(-count // rows) for count in counts)
        if columns * COLUMN_INCHES <= rows * ROW_INCHES * PAGE_ASPECT:
            return rows
    return max(counts, default=1)


def stage_columns(
    g: nx.MultiDiGraph, shown: list[str], walks: dict[str, list[dict]]
) -> list[tuple[str, str, list[list[str]]]]:
    """``(stage id, name, columns of touchpoint nodes)`` in stage order, by journey position."""
    positions = journey_positions(g, walks)
    order = {node: index for index, node in enumerate(shown)}
    by_stage: dict[str, list[str]] = defaultdict(list)
    for node in shown:
        by_stage[g.nodes[node]["stage"]].append(node)
    rows = rows_for([len(nodes) for nodes in by_stage.values()])
    out = []
    for sid, name in stages(g):
        nodes = by_stage.get(sid, [])
        nodes.sort(key=lambda n: (positions.get(n, float("inf")), order[n]))
        if nodes:
            count = -(-len(nodes) // rows)
            size, extra = divmod(len(nodes), count)
            cuts = [i * size + min(i, extra) for i in range(count + 1)]
            out.append((sid, name, [nodes[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]))
    return out
