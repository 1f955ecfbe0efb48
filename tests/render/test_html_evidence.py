"""The HTML map marks assumed findings, and shows the root causes several personas share."""

from __future__ import annotations

from pathlib import Path

import yaml
from render_helpers import analysed, load

from guestology.render import html

SERVICE = {
    "service": "Test Park",
    "stages": ["visit"],
    "sources": [{"id": "survey", "kind": "survey", "n": 200}],
    "touchpoints": [{"id": "gate", "name": "Gate", "stage": "visit"},
                    {"id": "lot", "name": "Car park", "stage": "visit"}],
}  # fmt: skip


def persona(pid: str, **extra: object) -> dict:
    pain = {"text": "Lost <the> car", "severity": 3, "themes": ["wayfinding"]}
    journey = [{"touchpoint": "gate", "emotion": 1},
               {"touchpoint": "lot", "emotion": -2, "pain_points": [pain]}]  # fmt: skip
    return {"persona": pid, "name": pid.title(), "journey": journey, **extra}


def test_assumed_badges_and_root_causes(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "service.yaml").write_text(yaml.safe_dump(SERVICE), encoding="utf-8")
    for p in (persona("ann", evidence=["survey"]), persona("bob")):
        (root / f"{p['persona']}.yaml").write_text(yaml.safe_dump(p), encoding="utf-8")
    ws = load(root)
    report = analysed(ws)
    page = html.to_html(ws, report)
    top = page[
        page.index('<ol class="findings"') : page.index("</ol>", page.index('<ol class="findings"'))
    ]
    items = top.split('<li class="finding')[1:]
    assumed = [i for i in items if 'class="badge assumed"' in i]
    evidenced = [i for i in items if 'class="badge assumed"' not in i]
    assert assumed and evidenced  # bob's findings are assumed, ann's stand on the survey
    # each finding's persona is linked in its meta line
    assert all(">Bob</a>" in i for i in assumed)
    assert all(">Bob</a>" not in i for i in evidenced)
    assert any(">Ann</a>" in i for i in evidenced)
    causes = page[page.index('<ol class="causes"') :]
    assert "Car park" in causes and "Lost &lt;the&gt; car" in causes  # escaped
