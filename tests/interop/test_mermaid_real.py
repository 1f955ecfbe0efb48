"""Mermaid itself (npm ``@mermaid-js/mermaid-cli`` with Debian's Chromium, installed by
``.ci/run`` into ``.ci/node/``): every exported diagram of the example park renders, and
mermaid's own parser reads every case exactly as ours does (``mermaid_db.cjs``).

Without mermaid-cli these tests skip on a workstation and fail in CI (``CI`` is set).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from guestology.interop.draft import Draft, DraftPersona, DraftStep
from guestology.interop.exports import export_workspace
from guestology.interop.mermaid import MermaidError
from guestology.interop.mermaid_text import decode
from guestology.interop.writer import to_files
from guestology.model import Workspace
from guestology.workspace import check_workspace
from tests.interop.helpers import CASES, EXAMPLE, ROOT, as_mermaid_db, parse

pytestmark = pytest.mark.browser
HERE = Path(__file__).resolve().parent
NODE_MODULES = Path(
    os.environ.get("GUESTOLOGY_NODE_MODULES", ROOT / ".ci" / "node" / "node_modules")
)
INSTALL = "PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix .ci/node"
HOSTILE = {  # touchpoint names that mermaid's lexer would misread, by stage
    "Section 5: the end; really": [
        "journey planning",
        "Title page",
        "section one",
        "Gate #3; exit",
    ],
    "Deals": ["50%% off", "Kids <6> & up", "accDescr {x}", "accTitle: a"],
}


def mermaid_cli() -> Path:
    mmdc = NODE_MODULES / ".bin" / "mmdc"
    if mmdc.exists() and shutil.which("node"):
        return mmdc
    message = f"mermaid-cli is not installed in {NODE_MODULES} (run: {INSTALL})"
    if os.environ.get("CI"):
        pytest.fail(message)  # CI installs it (.ci/run): missing there is a failure
    pytest.skip(message)


def hostile(tmp_path: Path) -> Workspace:
    draft = Draft("hostile", "a test", "Hostile")
    persona = DraftPersona("Smith, J. #1; the %% tester")
    for stage, names in HOSTILE.items():
        persona.steps += [DraftStep(stage, name, i % 5 - 2) for i, name in enumerate(names)]
    draft.personas.append(persona)
    for relative, text in to_files(draft).items():
        (tmp_path / "hostile" / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "hostile" / relative).write_text(text, encoding="utf-8")
    ws = check_workspace(tmp_path / "hostile").workspace
    assert ws is not None
    return ws


def diagrams(tmp_path: Path) -> dict[str, str]:
    """Every exported .mmd of the park (and of the hostile workspace): name -> text."""
    park = check_workspace(EXAMPLE).workspace
    assert park is not None
    found = dict(export_workspace(park, "mmd").files)
    found.update(
        {f"hostile-{k}": v for k, v in export_workspace(hostile(tmp_path), "mmd").files.items()}
    )
    return found


@pytest.mark.slow
def test_every_exported_diagram_renders(tmp_path: Path) -> None:
    mmdc = mermaid_cli()
    texts = diagrams(tmp_path)
    page = "".join(f"## {name}\n\n```mermaid\n{text}```\n\n" for name, text in texts.items())
    (tmp_path / "all.md").write_text(page, encoding="utf-8")
    run = subprocess.run(
        [str(mmdc), "-p", str(HERE / "puppeteer-config.json"), "-i", "all.md", "-o", "out.md"],
        cwd=tmp_path, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    svgs = [tmp_path / f"out-{i}.svg" for i in range(1, len(texts) + 1)]
    for (name, text), svg in zip(texts.items(), svgs, strict=True):
        drawn = svg.read_text("utf-8")
        assert drawn.startswith("<svg") and 'aria-roledescription="journey"' in drawn, name
        title = parse(text).title
        assert title.replace("&", "&amp;") in drawn or title in drawn, name


def test_mermaid_cli_fails_on_what_breaks_the_grammar(tmp_path: Path) -> None:
    """The check above can fail: a `:` in a section is a parse error for mermaid too."""
    mmdc = mermaid_cli()
    (tmp_path / "bad.mmd").write_text("journey\n  section Day 1: arrive\n    Park: 3: Me\n")
    run = subprocess.run(
        [str(mmdc), "-p", str(HERE / "puppeteer-config.json"), "-i", "bad.mmd", "-o", "bad.svg"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode != 0 and "Parse error" in run.stderr + run.stdout


TRICKY = [
    "journey\nsection S\n  Go: home: 5\n  T: 2.5: Me\n  A task #35; x: 5: Bob %% c\nx: 3:",
    "journey\ntitle x #59;\naccDescr {\n  a\n   b\n}section  trailing  \n  t1 : 0x3 : A ,B,\n",
    "---\nconfig:\n  theme: forest\n---\n%%{init: {'theme': 'dark'}}%%\njourney\n%% c\nsection S\n  t: 4: Me\n",  # noqa: E501
    "journey\n  section A: b\n  X: 3",
    "journey\nsection S\n  Wait in line\n",
    "journey\nsection A;B\n  X: 3",
    "journey\nTITLE Up\nSECTION Loud\n  t: 4\n  journeyman: 3\n",
    "journey\r\nsection S\r\n  x:  5 :  Ana\r\n  5%% off: 2: Bo\n",
    "flowchart TD\n  A-->B\n",
]


def ours(text: str) -> dict[str, Any]:
    try:
        return as_mermaid_db(parse(text))
    except MermaidError as exc:
        return {"error": exc.problem.code}


def theirs(found: dict[str, Any]) -> dict[str, Any]:
    if "error" in found:
        return {"error": "mermaid-syntax"}
    if found["type"] != "journey":
        return {"error": "not-journey"}
    tasks = [{**t, "task": decode(t["task"]), "section": decode(t["section"]),
              "people": [decode(p) for p in t["people"]]} for t in found["tasks"]]  # fmt: skip
    return {
        "title": decode(found["title"]), "accTitle": decode(found["accTitle"]),
        "accDescription": decode(found["accDescription"]),
        "sections": [decode(s) for s in found["sections"]], "tasks": tasks,
        "actors": sorted({p for t in tasks for p in t["people"]}),
    }  # fmt: skip


def test_mermaids_parser_reads_every_case_as_ours_does(tmp_path: Path) -> None:
    mermaid_cli()
    texts = [c["text"] for c in CASES] + TRICKY + list(diagrams(tmp_path).values())
    run = subprocess.run(
        ["node", str(HERE / "mermaid_db.cjs"), str(NODE_MODULES)],
        input=json.dumps(texts), capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    for text, found in zip(texts, json.loads(run.stdout), strict=True):
        mine = ours(text)
        if "error" in mine and mine["error"] == "mermaid-syntax":
            assert "error" in found, text
            continue
        assert mine == theirs(found), text
