"""A small hand-made park for the report renderers' tests, written as YAML and analysed.

Paths in findings are relative (``park/...``): the tests run from ``tmp_path``, so golden
files do not depend on where pytest puts its temporary folders.
"""

from __future__ import annotations

from pathlib import Path

from guestology.analysis import Report, analyse
from guestology.graph import build_graph
from guestology.workspace import check_workspace

SERVICE = """\
service: Tiny Harbor
stages: [{id: plan, name: Plan}, {id: visit, name: Visit}, {id: home, name: Head home}]
touchpoints:
  - {id: web, name: Buy tickets online, stage: plan, channel: web, system: process,
     keys: [efficiency], owner: digital}
  - {id: gate, name: Gate with bag check, stage: visit, channel: in-person, system: cast,
     keys: [safety, courtesy], moment_of_truth: true, owner: security}
  - {id: show, name: "Fireworks | finale", stage: visit, channel: in-person, system: setting,
     keys: [show, safety]}
  - {id: tram, name: Tram to the car park, stage: home, channel: in-person, system: process}
  - {id: dispatch, name: Tram dispatch, stage: home, visibility: backstage, system: process,
     supports: [tram], owner: transport}
"""
GUEST = """\
persona: rosa
name: Rosa <and kids>
compass:
  needs:
    - {id: water, text: Water and shade, priority: high}
    - {id: seats, text: A seat for the show}
  wants:
    - {id: bottled, text: Bottled water, for: [water]}
  stereotypes:
    - {id: dime, text: Parks nickel-and-dime you}
journey:
  - touchpoint: web
    emotion: -1
    expectation: 3
    delivery: 2
    reinforces: [dime]
    pain_points: [{text: Fees appear at the last step, severity: 2}]
    opportunities: [{text: Show the all-in price first, effort: low, impact: high}]
  - touchpoint: gate
    emotion: 1
    expectation: {adequate: 2, desired: 4}
    delivery: 5
    serves: [bottled]
    counters: [dime]
    wow: [The guard offers the kids a sticker]
  - touchpoint: show
    emotion: 2
  - touchpoint: tram
    emotion: -2
    pain_points: [{text: Unlit stop and a long wait, severity: 3, key: safety}]
"""
CAST = """\
persona: driver
name: Tram driver
kind: cast
compass:
  needs: [{id: radio, text: A radio that works, priority: high}]
journey:
  - {touchpoint: dispatch, emotion: -1}
  - {touchpoint: show, emotion: 1}
"""


def write_park(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "service.yaml").write_text(SERVICE, encoding="utf-8")
    (root / "rosa.yaml").write_text(GUEST, encoding="utf-8")
    (root / "driver.yaml").write_text(CAST, encoding="utf-8")
    return root


def park_report(workdir: Path, personas: list[str] | None = None) -> Report:
    """Analyse the park written under ``workdir`` (which must be the current folder)."""
    write_park(workdir / "park")
    result = check_workspace(Path("park"))
    assert result.workspace is not None, [p.format() for p in result.problems]
    return analyse(build_graph(result.workspace), personas)
