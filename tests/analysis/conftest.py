"""``make_graph``: write a small hand-made workspace into tmp_path, validate it, build its graph.

Each analysis test states its workspace as Python data (touchpoints and personas) and works
out the expected answer by hand next to it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from analysis_builders import write_workspace

from guestology.graph import build_graph
from guestology.workspace import check_workspace

MakeGraph = Callable[..., nx.MultiDiGraph]


@pytest.fixture
def make_graph(tmp_path: Path) -> MakeGraph:
    """``make_graph(touchpoints, personas, **service_fields)`` -> the validated graph."""
    counter = itertools.count()

    def build(touchpoints: list[dict], personas: list[dict], **service: Any) -> nx.MultiDiGraph:
        root = write_workspace(tmp_path / f"ws{next(counter)}", touchpoints, personas, **service)
        result = check_workspace(root)
        assert result.workspace is not None, [p.format() for p in result.problems]
        return build_graph(result.workspace)

    return build
