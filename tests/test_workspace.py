"""The case folders: each valid case has no problems; each invalid case its expected lines.

``tests/data/<valid|invalid>/<case>/expected.txt`` holds the exact problem lines, with paths
relative to the case folder. Every invalid case is named after the problem code it shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guestology.loading import Document, load_document
from guestology.problems import Level
from guestology.workspace import check_workspace

DATA = Path(__file__).resolve().parent / "data"
VALID = sorted(p.name for p in (DATA / "valid").iterdir())
INVALID = sorted(p.name for p in (DATA / "invalid").iterdir())


def _run(case: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(case)
    return [p.format() for p in check_workspace(Path(".")).problems]


@pytest.mark.parametrize("name", VALID)
def test_valid_case_has_no_problems(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    case = DATA / "valid" / name
    result = check_workspace(case)
    assert result.ok and result.workspace is not None
    assert _run(case, monkeypatch) == []


@pytest.mark.parametrize("name", INVALID)
def test_invalid_case_gives_expected_problems(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    case = DATA / "invalid" / name
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "an invalid case must expect at least one problem"
    assert _run(case, monkeypatch) == expected
    assert any(line.endswith(f"({name})") for line in expected), "case named after its code"


def test_errors_leave_no_workspace_and_warnings_do() -> None:
    broken = check_workspace(DATA / "invalid" / "unknown-stage")
    assert broken.workspace is None and broken.count(Level.ERROR) == 1
    gap = check_workspace(DATA / "invalid" / "unmet-need")
    assert gap.ok and gap.workspace is not None and gap.count(Level.WARNING) == 1


def test_problems_are_sorted_by_path_then_line() -> None:
    problems = check_workspace(DATA / "invalid" / "duplicate-id").problems
    keys = [(p.path, p.line, p.col) for p in problems]
    assert keys == sorted(keys) and len({p.path for p in problems}) == 3


def test_ignored_files_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "service.yaml").write_text('service: S\nignore: ["notes/*.yaml"]\n')
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "scratch.yaml").write_text("not: [valid\n")
    (tmp_path / "notes" / "deeper").mkdir()
    (tmp_path / "notes" / "deeper" / "x.yaml").write_text("- a list\n")
    problems = [p.format() for p in check_workspace(tmp_path).problems]
    assert len(problems) == 1 and "deeper/x.yaml:1:1" in problems[0]


def test_ignored_files_are_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    case = DATA / "valid" / "ignored-service-draft"
    read: list[str] = []

    def spy(path: Path, *args: int) -> Document:
        read.append(path.relative_to(case).as_posix())
        return load_document(path, *args)

    monkeypatch.setattr("guestology.workspace.load_document", spy)
    result = check_workspace(case)
    assert result.ok and result.files == 2
    assert sorted(read) == ["guest.yaml", "service.yaml"]  # not drafts/service.yaml


def test_the_shallowest_service_file_decides_what_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "a-notes.yaml").write_text("not: [yaml\n")  # read before the service file
    (tmp_path / "service.yaml").write_text('service: S\nignore: [a-notes.yaml, "*/old.yaml"]\n')
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "old.yaml").write_text("service: Old\n")
    (tmp_path / "more" / "service.yaml").write_text("service: Second\n")
    result = check_workspace(tmp_path)
    problems = [(Path(p.path).relative_to(tmp_path).as_posix(), p.code) for p in result.problems]
    assert problems == [("more/service.yaml", "duplicate-service")] and result.files == 2


def test_a_broken_service_file_still_ignores(tmp_path: Path) -> None:
    (tmp_path / "service.yaml").write_text("service: S\nstages: 3\nignore: [drafts]\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "service.yaml").write_text("service: Draft\n")
    assert [p.code for p in check_workspace(tmp_path).problems] == ["wrong-type"]


def test_stage_order_falls_back_to_first_appearance(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "persona: p\nname: P\ntouchpoints:\n"
        "  - {id: a, name: A, stage: later}\n  - {id: b, name: B, stage: sooner}\n"
        "  - {id: c, name: C, stage: never}\n"
        "journey:\n  - {touchpoint: b, emotion: 0}\n  - {touchpoint: a, emotion: 0}\n"
    )
    ws = check_workspace(tmp_path).workspace
    assert ws is not None
    assert [s.id for s in ws.stages] == ["sooner", "later", "never"]
    assert ws.service.service == tmp_path.name


def test_broken_file_does_not_cascade_into_unknown_references(tmp_path: Path) -> None:
    (tmp_path / "service.yaml").write_text(
        "service: S\ntouchpoints:\n  - {id: gate, name: Gate, stage: in, bogus: 1}\n"
    )
    (tmp_path / "p.yaml").write_text(
        "persona: p\nname: P\njourney: [{touchpoint: gate, emotion: 0}]\n"
    )
    codes = [p.code for p in check_workspace(tmp_path).problems]
    assert codes == ["unknown-field"]


def test_the_result_as_a_json_document() -> None:
    result = check_workspace(DATA / "invalid" / "unmet-need")
    doc = result.to_dict()
    assert doc == {
        "format": 1,
        "files": result.files,
        "errors": 0,
        "warnings": 1,
        "ok": True,
        "problems": [p.to_dict() for p in result.problems],
    }
    assert doc["problems"][0]["code"] == "unmet-need" and doc["problems"][0]["line"] > 0
    assert result.to_dict(strict=True)["ok"] is False
    assert json.loads(json.dumps(doc)) == doc
    assert check_workspace(DATA / "invalid" / "wrong-kind").to_dict()["ok"] is False
