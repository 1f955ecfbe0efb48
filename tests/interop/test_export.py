"""``export``: the example park to mermaid, CSV, node-link JSON, GraphML and GEXF; what each
keeps (checked by importing or reading it back) and that the bytes never change."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

from guestology.interop.exports import export_workspace
from guestology.model import Workspace
from guestology.workspace import check_workspace
from tests.interop.helpers import EXAMPLE, import_text, parse


@pytest.fixture(scope="module")
def park() -> Workspace:
    ws = check_workspace(EXAMPLE).workspace
    assert ws is not None
    return ws


def sequences(ws: Workspace) -> dict[str, list[tuple[str, str, int]]]:
    stages = {s.id: s.name for s in ws.stages}
    return {
        p.name: [(stages[ws.touchpoints[s.touchpoint].stage], ws.touchpoints[s.touchpoint].name,
                  s.emotion) for s in p.journey]
        for p in ws.personas.values()
    }  # fmt: skip


def draft_sequences(imported) -> dict[str, list[tuple[str, str, int]]]:  # type: ignore[no-untyped-def]
    return {
        p.name: [(s.stage, s.touchpoint, s.emotion) for s in p.steps]
        for p in imported.draft.personas
    }


def test_the_park_goes_to_mermaid_and_back(tmp_path: Path, park: Workspace) -> None:
    page = export_workspace(park, "md").files[""]
    imported = import_text(tmp_path, "park.md", page)
    assert draft_sequences(imported) == sequences(park)
    assert len(park.personas) == 7 and page.count("```mermaid") == 7


def test_one_mmd_per_persona_with_score_emotion_plus_3(park: Workspace) -> None:
    exported = export_workspace(park, "mmd", ["ramirez-family"])
    text = exported.files["ramirez-family.mmd"]
    assert text.startswith("journey\n  title The Ramirez family\n")
    diagram = parse(text)
    first = park.personas["ramirez-family"].journey[0]
    assert diagram.tasks[0].task == park.touchpoints[first.touchpoint].name
    assert diagram.tasks[0].score == first.emotion + 3
    assert diagram.tasks[0].people == ["The Ramirez family"]
    assert set(export_workspace(park, "mmd").files) == {f"{p}.mmd" for p in park.personas}


def by_persona(csv_text: str, layout: str) -> dict[str, list[list[str]]]:
    """The steps of each persona in order (files name the personas, so their order may move)."""
    rows = list(csv.reader(io.StringIO(csv_text, newline="")))
    if layout == "lanes":
        rows = [list(c) for c in zip(*rows, strict=True)]
    groups: dict[str, list[list[str]]] = {}
    for row in rows[1:]:
        groups.setdefault(row[0], []).append(row)
    return groups


def reimport(tmp_path: Path, name: str, text: str) -> Workspace:
    imported = import_text(tmp_path, name, text)
    folder = tmp_path / f"{name}-workspace"
    for relative, content in imported.files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(content, encoding="utf-8")
    ws = check_workspace(folder).workspace
    assert ws is not None
    return ws


@pytest.mark.parametrize("layout", ["steps", "lanes"])
def test_the_park_csv_imports_back_unchanged(tmp_path: Path, park: Workspace, layout: str) -> None:
    first = export_workspace(park, "csv", layout=layout).files[""]
    ws = reimport(tmp_path, "one.csv", first)
    assert {
        p.name: seq for p, seq in zip(ws.personas.values(), sequences(ws).values(), strict=True)
    } == sequences(park)  # noqa: E501
    second = export_workspace(ws, "csv", layout=layout).files[""]
    assert by_persona(second, layout) == by_persona(first, layout)  # every lane, every cell
    third = export_workspace(reimport(tmp_path, "two.csv", second), "csv", layout=layout).files[""]
    assert third == second  # from then on, byte for byte


def test_csv_layouts_are_one_table_turned(park: Workspace) -> None:
    steps = export_workspace(park, "csv").files[""].split("\r\n")
    lanes = export_workspace(park, "csv", layout="lanes").files[""].split("\r\n")
    assert steps[0] == "persona,stage,touchpoint,emotion,doing,thinking,pain_points,opportunities"
    assert [lane.split(",")[0] for lane in lanes[:8]] == steps[0].split(",")
    steps_count = sum(len(p.journey) for p in park.personas.values())
    assert len([row for row in steps if row]) == steps_count + 1


def test_graphml_and_gexf_read_back_in_networkx(park: Workspace) -> None:
    graphml = export_workspace(park, "graphml").files[""]
    gexf = export_workspace(park, "gexf").files[""]
    for graph in (nx.read_graphml(io.StringIO(graphml)), nx.read_gexf(io.StringIO(gexf))):
        assert graph.number_of_nodes() == 190 and graph.number_of_edges() == 651
        assert (
            graph.nodes["touchpoint:web-ticketing"]["label"]
            == park.touchpoints["web-ticketing"].name
        )
    node = nx.read_gexf(io.StringIO(gexf)).nodes["touchpoint:web-ticketing"]
    assert set(node["viz"]) == {"color", "position", "size"}
    assert "lastmodifieddate" not in gexf


def test_gexf_colours_touchpoints_by_mean_emotion(park: Workspace) -> None:
    graph = nx.read_gexf(io.StringIO(export_workspace(park, "gexf").files[""]))
    felt = [
        s.emotion
        for p in park.personas.values()
        for s in p.journey
        if s.touchpoint == "web-ticketing"
    ]
    colour = graph.nodes["touchpoint:web-ticketing"]["viz"]["color"]
    assert felt == [1, -1] and (colour["r"], colour["g"], colour["b"]) == (190, 190, 190)  # 0: grey
    felt = [
        s.emotion
        for p in park.personas.values()
        for s in p.journey
        if s.touchpoint == "wait-time-feed"
    ]
    colour = graph.nodes["touchpoint:wait-time-feed"]["viz"]["color"]
    assert felt == [-1] and (colour["r"], colour["g"], colour["b"]) == (252, 141, 89)  # -1: orange


def test_node_link_json_names_its_edges(park: Workspace) -> None:
    data = json.loads(export_workspace(park, "json").files[""])
    assert "edges" in data and "links" not in data
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.number_of_edges() == 651
    visit = next(
        d for _, _, d in graph.edges(data=True) if d["kind"] == "visits" and d["pain_points"]
    )
    assert isinstance(visit["pain_points"][0]["text"], str)


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "graphml", "gexf"])
def test_the_same_workspace_gives_the_same_bytes(tmp_path: Path, park: Workspace, fmt: str) -> None:
    elsewhere = tmp_path / "deep" / "copy"
    shutil.copytree(EXAMPLE, elsewhere)
    moved = check_workspace(elsewhere).workspace
    assert moved is not None
    assert export_workspace(park, fmt).files == export_workspace(moved, fmt).files
