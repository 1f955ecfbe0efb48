"""The JSON report: versioned, stable, complete, and documented field by field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from report_fixtures import park_report

from guestology.analysis import SECTIONS, analyse
from guestology.graph import build_graph
from guestology.render.report.jsondoc import iter_json, to_document, to_json
from guestology.workspace import check_workspace

ROOT = Path(__file__).resolve().parents[2]
DOCS, EXAMPLE = ROOT / "docs" / "report.md", ROOT / "personas"


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    return park_report(tmp_path)


def test_document(report) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(to_json(report))
    assert doc["format"] == 1
    assert list(doc) == [
        "format", "generator", "service", "filtered", "personas", "summary", "findings",
        "sections",
    ]  # fmt: skip
    assert doc["service"] == "Tiny Harbor"
    assert doc["personas"] == [
        {"id": "driver", "name": "Tram driver"},
        {"id": "rosa", "name": "Rosa <and kids>"},
    ]
    assert list(doc["sections"]) == list(SECTIONS)
    assert doc["summary"]["findings"] == len(doc["findings"]) == len(report.findings())
    severities = [f["severity"] for f in doc["findings"]]
    assert severities == sorted(severities, reverse=True)
    first = doc["findings"][0]
    assert first["code"] == "safety-pain" and first["severity_name"] == "critical"
    assert first["key"] == ["keys", "safety-pain", "rosa", "tram", "safety"]
    assert (first["file"], first["line"], first["col"]) == ("park/rosa.yaml", 30, 19)
    assert all("findings" not in section for section in doc["sections"].values())


def test_stable(report) -> None:  # type: ignore[no-untyped-def]
    assert to_json(report) == to_json(report)


def test_section_data(report) -> None:  # type: ignore[no-untyped-def]
    sections = json.loads(to_json(report))["sections"]
    rosa = next(p for p in sections["needs"]["personas"] if p["persona"] == "rosa")
    assert rosa["coverage"] == pytest.approx(3 / 5)  # water served (3), seats unmet (0 of 2)
    curve = next(c for c in sections["emotions"]["curves"] if c["persona"] == "rosa")
    assert [p["emotion"] for p in curve["points"]] == [-1, 1, 2, -2]
    assert sections["keys"]["cells"]["safety"] == {"cast": ["gate"], "setting": ["show"],
                                                   "process": []}  # fmt: skip
    assert sections["recovery"]["unowned"][0]["touchpoint"] == "tram"


def documented(section: str) -> set[str]:
    """The backticked names in the first column of the tables under one docs heading."""
    text = DOCS.read_text(encoding="utf-8")
    start = text.index(f"\n{section}\n")
    following = re.search(r"\n#{1,4} ", text[start + 1 :])
    body = text[start : start + 1 + following.start() if following else None]
    return set(re.findall(r"^\| `([\w.\[\]]+)`", body, re.MULTILINE))


def keys_of(value: object, prefix: str = "") -> set[str]:
    """Every key path in a JSON value, lists written ``[]``: ``curves[].points[].emotion``."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found.add(path)
            found |= keys_of(item, path)
    elif isinstance(value, list):
        for item in value:
            found |= keys_of(item, prefix + "[]")
    return found


@pytest.fixture
def example():  # type: ignore[no-untyped-def]
    result = check_workspace(EXAMPLE)
    assert result.workspace is not None
    return analyse(build_graph(result.workspace))


@pytest.mark.parametrize("which", ["report", "example"])
def test_every_field_is_documented(which: str, request: pytest.FixtureRequest) -> None:
    doc = json.loads(to_json(request.getfixturevalue(which)))
    top = {k for k in keys_of(doc) if not k.startswith(("findings[]", "sections."))}
    assert top <= documented("### The document"), top - documented("### The document")
    finding = keys_of(doc["findings"][0])
    assert finding <= documented("### A finding"), finding - documented("### A finding")
    for name in SECTIONS:
        # the cells of the matrices are keyed by stage, channel or key ids: not field names
        fields = {k for k in keys_of(doc["sections"][name]) if not k.startswith("cells.")}
        missing = fields - documented(f"#### `{name}`")
        assert not missing, (name, missing)


def test_written_line_by_line_it_is_the_same_document(report) -> None:  # type: ignore[no-untyped-def]
    """``report -o FILE -f json`` writes ``iter_json``'s lines as they come."""
    lines = list(iter_json(report))
    assert "".join(lines) == to_json(report)
    whole = json.loads(json.dumps(to_document(report), ensure_ascii=False))
    assert json.loads("".join(lines)) == whole == json.loads(to_json(report, indent=None))
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    findings = [line for line in lines if line.startswith('    {"section"')]
    assert len(findings) == len(report.findings())
