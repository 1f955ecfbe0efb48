"""``guestology map --state future``: the Graphviz views draw the designed future journeys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app
from guestology.problems import GuestologyError
from guestology.states import future_workspace
from guestology.workspace import check_workspace

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "personas"
runner = CliRunner()


def drawn(source: str) -> set[str]:
    return set(re.findall(r'"touchpoint/([^"]+)" \[label', source))


def test_the_future_state_is_drawn(tmp_path: Path) -> None:
    ws = check_workspace(EXAMPLE).workspace
    assert ws is not None
    now, then = tmp_path / "now.dot", tmp_path / "future.dot"
    assert runner.invoke(app, ["map", str(EXAMPLE), "-o", str(now)]).exit_code == 0
    result = runner.invoke(app, ["map", str(EXAMPLE), "-o", str(then), "--state", "future"])
    assert result.exit_code == 0, result.output
    source = then.read_text(encoding="utf-8")
    # only the personas with a future journey, and the touchpoints those journeys visit
    assert "(designed future): touchpoint flow (Marcus Bell, The Ramirez family)" in source
    visited = {s.touchpoint for p in ws.personas.values() for s in p.future}
    assert visited <= drawn(source)
    planned = {t for t in visited if ws.touchpoints[t].status == "planned"}
    assert planned and source.count("◇ PLANNED") == len(planned) + 1  # + the legend
    # today's map marks them too, and nobody visits them yet
    today = re.findall(r'label="◇ PLANNED\\n[^"]*"', now.read_text(encoding="utf-8"))
    assert len(today) == len(planned) and all(t.endswith('no visits"') for t in today)


def test_usage_errors(tmp_path: Path) -> None:
    html = runner.invoke(app, ["map", str(EXAMPLE), "-o", str(tmp_path / "m.html"),
                               "--state", "future"])  # fmt: skip
    assert html.exit_code == 2 and "HTML map shows the future beside today" in html.output
    camila = runner.invoke(app, ["map", str(EXAMPLE), "-o", str(tmp_path / "c.dot"),
                                 "--state", "future", "-p", "camila-souza"])  # fmt: skip
    assert camila.exit_code == 1 and "`camila-souza` has no `future:` journey" in camila.output


def test_future_workspace_is_pure_and_needs_a_future() -> None:
    ws = check_workspace(EXAMPLE).workspace
    assert ws is not None
    future = future_workspace(ws)
    assert set(future.personas) == {"marcus-bell", "ramirez-family"}
    marcus = future.personas["marcus-bell"]
    assert marcus.journey == ws.personas["marcus-bell"].future and marcus.future == []
    assert ws.personas["marcus-bell"].journey != marcus.journey  # the original is unchanged
    assert future.service.service.endswith("(designed future)")
    bare = future_workspace(ws)
    for p in bare.personas.values():
        assert p.future == []
    with pytest.raises(GuestologyError, match="no persona has a `future:` journey"):
        future_workspace(bare)
