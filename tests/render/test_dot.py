"""Graphviz views of a small hand-made park: DOT read back by ``dot -Tjson`` and compared as
graphs (nodes, edges, clusters, key attributes), never as bytes; plus rendering and limits."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from render_helpers import drawing as draw_view
from render_helpers import to_dot, write

from guestology.model import Workspace
from guestology.problems import GuestologyError
from guestology.render import dot
from guestology.render.dot import flow as dot_flow
from guestology.render.dot import needs as dot_needs

pytestmark = pytest.mark.graphviz  # the drawings are read back by `dot`
SERVICE = """\
service: Tiny Harbor
stages: [{id: plan, name: Plan}, {id: visit, name: Visit}, {id: home, name: Head home}]
touchpoints:
  - {id: web, name: Buy tickets online, stage: plan, channel: web}
  - {id: gate, name: Gate with bag check, stage: visit, channel: in-person,
     moment_of_truth: true}
  - {id: show, name: Fireworks finale, stage: visit, channel: in-person}
  - {id: tram, name: Tram to the car park, stage: home, channel: in-person}
  - {id: dispatch, name: Tram dispatch, stage: home, visibility: backstage,
     supports: [tram]}
  - {id: lost, name: Lost and found desk, stage: home, channel: in-person}
"""
ROSA = """\
persona: rosa
name: Rosa and kids
compass:
  needs:
    - {id: safe, text: Kids safe in the crowd, priority: high}
    - {id: shade, text: Shade at noon}
  wants:
    - {id: quick-gate, text: A quick gate, for: [safe]}
  stereotypes: [{id: greedy, text: Parks are greedy}]
  emotions: [{id: joy, text: Joy}]
journey:
  - {touchpoint: web, emotion: -1, serves: [safe]}
  - {touchpoint: gate, emotion: 2, serves: [quick-gate], evokes: [joy], counters: [greedy],
     doing: Waiting at the gate}
  - {touchpoint: show, emotion: 2}
  - {touchpoint: tram, emotion: -2}
"""
SAM = """\
persona: sam
name: Sam the driver
kind: cast
compass:
  needs: [{id: radio, text: A working radio}]
journey:
  - {touchpoint: web, emotion: 1}
  - {touchpoint: gate, emotion: 1}
  - {touchpoint: tram, emotion: 0}
  - {touchpoint: dispatch, emotion: -1, serves: [radio]}
"""


def write_park(root: Path, files: dict[str, str]) -> Workspace:
    return write(root, files)


@pytest.fixture(scope="module")
def park(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("dot") / "park"
    return write_park(root, {"service.yaml": SERVICE, "rosa.yaml": ROSA, "sam.yaml": SAM})


def layout(source: str) -> dict[str, Any]:
    """Run ``dot -Tjson``: a failure (e.g. a DOT syntax error) fails the test."""
    done = subprocess.run(["dot", "-Tjson"], input=source.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert b"syntax error" not in done.stderr
    return json.loads(done.stdout)


def unescape(text: str) -> str:
    """An escString as Graphviz reads it: ``\\n``/``\\l`` are line ends, ``\\x`` is x."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nlr" else m.group(1), text)


KEYS = (
    "label",
    "fillcolor",
    "style",
    "penwidth",
    "shape",
    "color",
    "constraint",
    "tailport",
    "dir",
)


def graph_of(source: str) -> dict[str, Any]:
    """The drawing as a graph: nodes with key attributes, edges, and clusters' members."""
    data = layout(source)
    objects = data.get("objects", [])
    nodes = {o["_gvid"]: o for o in objects if "nodes" not in o and "subgraphs" not in o}
    nodes = {gvid: o for gvid, o in nodes.items() if not o["name"].startswith("cluster")}
    names = {gvid: o["name"] for gvid, o in nodes.items()}
    return {
        "graph": {k: data[k] for k in ("rankdir", "layout", "size", "label") if k in data},
        "nodes": {o["name"]: {k: o[k] for k in KEYS if k in o} for o in nodes.values()},
        "edges": sorted(
            [names[e["tail"]], names[e["head"]], {k: e[k] for k in KEYS if k in e}]
            for e in data.get("edges", [])
            if "invis" not in e.get("style", "")
        ),
        "clusters": {
            o["name"]: {"label": o.get("label"), "nodes": sorted(names[n] for n in o["nodes"])}
            for o in objects
            if o["name"].startswith("cluster")
        },
    }


def positions(source: str) -> dict[str, tuple[float, float]]:
    data = layout(source)
    found = {}
    for o in data.get("objects", []):
        if "pos" in o:
            x, y = o["pos"].split(",")
            found[o["name"]] = (float(x), float(y))
    return found


def canonical(source: str) -> str:
    return json.dumps(graph_of(source), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("view", "personas"),
    [("touchpoints", []), ("needs", []), ("compass", ["rosa"]), ("blueprint", ["rosa"])],
)
def test_views_match_golden_graphs(
    park: Workspace, golden: Callable[[str, str], None], view: str, personas: list[str]
) -> None:
    golden(f"dot/{view}.json", canonical(to_dot(park, view, personas)))


def test_touchpoints_one_cluster_per_stage_in_order(park: Workspace) -> None:
    source = to_dot(park)
    clusters = graph_of(source)["clusters"]
    labels = [clusters[f"cluster_{i}"]["label"] for i in range(3)]
    assert labels == ["Plan", "Visit", "Head home"]
    assert "touchpoint/web" in clusters["cluster_0"]["nodes"]
    assert {"touchpoint/tram", "touchpoint/dispatch"} <= set(clusters["cluster_2"]["nodes"])
    where = positions(source)
    xs = [[where[n][0] for n in clusters[f"cluster_{i}"]["nodes"]] for i in range(3)]
    assert max(xs[0]) < min(xs[1]) and max(xs[1]) < min(xs[2]), "stages read left to right"


def test_touchpoint_boxes_carry_emotion_backstage_and_moments(park: Workspace) -> None:
    nodes = graph_of(to_dot(park))["nodes"]
    web, gate = nodes["touchpoint/web"], nodes["touchpoint/gate"]
    assert unescape(web["label"]).endswith("0.0 · 2 visits")
    assert unescape(gate["label"]).startswith("★ MOMENT OF TRUTH")
    assert "+1.5 · 2 visits" in unescape(gate["label"]) and float(gate["penwidth"]) >= 3
    assert "dashed" in nodes["touchpoint/dispatch"]["style"]
    assert unescape(nodes["touchpoint/lost"]["label"]).endswith("no visits")
    assert nodes["touchpoint/lost"]["fillcolor"] == "white"
    assert nodes["touchpoint/tram"]["fillcolor"] != nodes["touchpoint/show"]["fillcolor"]


def test_steps_are_aggregated_and_supports_styled_apart(park: Workspace) -> None:
    edges = {(t, h): a for t, h, a in graph_of(to_dot(park))["edges"]}
    both, one = (
        edges[("touchpoint/web", "touchpoint/gate")],
        edges[("touchpoint/gate", "touchpoint/show")],
    )
    assert both["label"] == "2" and float(both["penwidth"]) > float(one["penwidth"])
    assert ("touchpoint/tram", "touchpoint/dispatch") in edges
    support = edges[("touchpoint/dispatch", "touchpoint/tram")]
    assert support["style"] == "dashed" and support["color"] == dot_flow.SUPPORT_COLOR


def test_legend_and_title(park: Workspace) -> None:
    label = graph_of(to_dot(park))["graph"]["label"]
    assert "Tiny Harbor: touchpoint flow" in label and "Mean emotion" in label
    assert all(value in label for value in ("-2", "-1", "+1", "+2", "no visits", "supports"))


def test_persona_filter_keeps_visited_and_supporting_touchpoints(park: Workspace) -> None:
    nodes = graph_of(to_dot(park, personas=["rosa"]))["nodes"]
    shown = {n for n in nodes if n.startswith("touchpoint/")}
    assert shown == {f"touchpoint/{t}" for t in ("web", "gate", "show", "tram", "dispatch")}


def test_needs_view_marks_unmet_needs(park: Workspace) -> None:
    found = graph_of(to_dot(park, "needs"))
    rosa = found["nodes"]["needs/rosa"]["label"]
    assert "UNMET NEED:</B> Shade at noon" in rosa
    assert "Kids safe in the crowd" in rosa and "UNMET NEED:</B> Kids" not in rosa
    tails = {(t, h) for t, h, _ in found["edges"]}
    assert ("needs/rosa", "needs/rosa/touchpoint/gate") in tails
    assert ("needs/sam", "needs/sam/touchpoint/dispatch") in tails


def test_compass_points_sit_at_their_compass_points(park: Workspace) -> None:
    where = positions(to_dot(park, "compass", ["rosa"]))
    cx, cy = where["compass/rosa"]
    assert where["compass/rosa/N"][1] > cy > where["compass/rosa/S"][1]
    assert where["compass/rosa/W"][0] < cx < where["compass/rosa/E"][0]
    assert abs(where["compass/rosa/W"][1] - cy) < 1 and abs(where["compass/rosa/N"][0] - cx) < 1


def test_blueprint_lanes_and_line_of_visibility(park: Workspace) -> None:
    source = to_dot(park, "blueprint", ["sam"])
    where = positions(source)
    line = where["line/0/1/a"][1]
    assert "LINE OF VISIBILITY" in graph_of(source)["nodes"]["line/0/1/name"]["label"]
    assert where["step/1"][1] > where["cell/1/onstage"][1] > line
    assert where["cell/4/backstage"][1] < line, "sam's backstage step sits below the line"
    assert where["cell/3/backstage"][1] < line < where["cell/3/onstage"][1]
    steps = [where[f"step/{n}"][0] for n in range(1, 5)]
    assert steps == sorted(steps)


@pytest.mark.parametrize("view", ["compass", "blueprint"])
def test_one_persona_views_need_exactly_one(park: Workspace, view: str) -> None:
    for personas in ([], ["rosa", "sam"]):
        with pytest.raises(GuestologyError, match="exactly one --persona"):
            to_dot(park, view, personas)


def test_unknown_view_persona_and_paper(park: Workspace) -> None:
    with pytest.raises(GuestologyError, match="unknown view"):
        to_dot(park, "radar")
    with pytest.raises(GuestologyError, match="unknown persona `nobody`"):
        to_dot(park, personas=["nobody"])
    with pytest.raises(GuestologyError, match="unknown paper"):
        to_dot(park, paper="letter")


def test_defaults_can_be_overridden(park: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    source = to_dot(park, graph_attr={"bgcolor": "lightyellow", "rankdir": "TB"})
    data = layout(source)
    assert data["bgcolor"] == "lightyellow" and data["rankdir"] == "TB"
    source = to_dot(park, node_attr={"fontname": "DejaVu Serif"})
    assert 'fontname="DejaVu Serif"' in source
    monkeypatch.setitem(dot.EDGE_ATTRS, "arrowsize", "1.5")
    assert "arrowsize=1.5" in to_dot(park)


def test_a3_landscape_size(park: Workspace) -> None:
    width, height = (float(v) for v in layout(to_dot(park))["size"].split(","))
    assert width <= 16.54 - 0.5 and height <= 11.69 - 0.5 and width > height
    pdf = dot.render(to_dot(park, "compass", ["rosa"]), "pdf")
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box is not None
    assert float(box.group(1)) <= 1191.5 and float(box.group(2)) <= 842.5  # A3: 1191 x 842 pt


def test_renders_svg_png_pdf(park: Workspace) -> None:
    import xml.etree.ElementTree as ET

    source = to_dot(park)
    svg = ET.fromstring(dot.render(source, "svg"))
    titles = {e.text for e in svg.iter("{http://www.w3.org/2000/svg}title")}
    assert {
        f"touchpoint/{t}" for t in ("web", "gate", "show", "tram", "dispatch", "lost")
    } <= titles
    png, pdf = dot.render(source, "png"), dot.render(source, "pdf")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5_000


def test_missing_dot_is_a_clear_error(park: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    source = to_dot(park)  # DOT needs no Graphviz program
    with pytest.raises(GuestologyError) as caught:
        dot.render(source, "svg")
    message = str(caught.value)
    assert "`dot` program is not installed" in message
    for hint in ("apt-get install graphviz", "brew install graphviz", "winget", "--format dot"):
        assert hint in message
    assert "HTML" in message


def test_unknown_render_format(park: Workspace) -> None:
    with pytest.raises(GuestologyError, match="unknown format"):
        dot.render(to_dot(park), "gif")


def test_step_limit_keeps_busiest_and_says_so(
    park: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dot_flow, "MAX_STEP_EDGES", 1)
    drawing = draw_view(park)
    steps = [e for e in graph_of(drawing.source)["edges"] if e[2].get("color") != "#1f5fa8"]
    assert [e[:2] for e in steps] == [["touchpoint/web", "touchpoint/gate"]]
    assert any("busiest of 5 steps" in note for note in drawing.notes)
    assert "busiest of 5 steps" in unescape(graph_of(drawing.source)["graph"]["label"])


def test_large_maps_switch_to_bounded_layout(
    park: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "splines" not in layout(to_dot(park))
    monkeypatch.setattr(dot_flow, "BOUNDED_NODES", 3)
    drawing = draw_view(park)
    data = layout(drawing.source)
    assert data["splines"] == "line" and data["nslimit"] == "2" and data["mclimit"] == "0.1"
    assert any("fast layout" in note for note in drawing.notes)


def test_touchpoint_limit_keeps_most_visited(
    park: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dot_flow, "MAX_TOUCHPOINTS", 2)
    drawing = draw_view(park)
    shown = {n for n in graph_of(drawing.source)["nodes"] if n.startswith("touchpoint/")}
    assert len(shown) == 2 and "touchpoint/lost" not in shown
    assert any("2 most visited of 6 touchpoints" in note for note in drawing.notes)


def test_needs_view_limits_personas(park: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dot_needs, "MAX_PERSONAS", 1)
    drawing = draw_view(park, "needs")
    nodes = graph_of(drawing.source)["nodes"]
    assert "needs/rosa" in nodes and "needs/sam" not in nodes
    assert drawing.notes == [
        "the needs view draws at most 1 persona: showing the first 1 of 2; "
        "choose others with --persona"
    ]
    assert "needs/sam" in graph_of(to_dot(park, "needs", ["sam"]))["nodes"]
