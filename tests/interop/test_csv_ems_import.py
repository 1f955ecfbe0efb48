"""CSV journey maps (both layouts, as spreadsheets save them) and enablement-map-studio files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guestology.interop import ImportProblems
from tests.interop.helpers import DATA, import_text

STEPS = (
    "\ufeffPersona;Stage;Touchpoint;Emotion;Doing;Pain points;Notes\r\n"
    'Ana;Plan;Buy tickets;-1;"Comparing;\r\nfive types";"Too many types; Hidden fees";x\r\n'
    "Ana;Arrive;Parking;+1;;;\r\n"
    "Ben;Plan;Buy tickets;2;;;\r\n"
)
LANES = (
    "stage,Plan,Plan,Arrive\n"
    "touchpoint,Buy tickets,Read the FAQ,Parking\n"
    "emotion,-1,0,2\n"
    'thinking,"Is it, really, worth it?",,\n'
)


def journeys(imported) -> dict[str, list[tuple[str, str, int]]]:  # type: ignore[no-untyped-def]
    return {
        p.name: [(s.stage, s.touchpoint, s.emotion) for s in p.steps]
        for p in imported.draft.personas
    }


def test_row_per_step_with_bom_semicolons_crlf_and_a_quoted_newline(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "map.csv", STEPS)
    assert journeys(imported) == {
        "Ana": [("Plan", "Buy tickets", -1), ("Arrive", "Parking", 1)],
        "Ben": [("Plan", "Buy tickets", 2)],
    }
    first = imported.draft.personas[0].steps[0]
    assert first.doing == "Comparing;\nfive types"
    assert first.pain_points == ["Too many types", "Hidden fees"]
    assert "row per step" in imported.draft.form
    assert any("`Notes`" in a for a in imported.draft.assumptions)
    assert imported.files["guests/ana.yaml"].count("touchpoint: buy-tickets") == 1


def test_lane_per_row(tmp_path: Path) -> None:
    imported = import_text(tmp_path, "map.csv", LANES)
    assert journeys(imported) == {
        "guest": [
            ("Plan", "Buy tickets", -1),
            ("Plan", "Read the FAQ", 0),
            ("Arrive", "Parking", 2),
        ]
    }
    assert imported.draft.personas[0].steps[0].thinking == "Is it, really, worth it?"
    assert any("every step belongs to `guest`" in a for a in imported.draft.assumptions)


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("case_id,activity,timestamp\n1,login,2024-01-01\n", 1, 1, "not a journey map"),
        ("stage,touchpoint,emotion\nPlan,Buy,3\n", 2, 10, "emotion must be a whole number -2..2"),
        ("stage,touchpoint,emotion\nPlan,Buy,sad\n", 2, 10, "got `sad`"),
        ("stage,touchpoint,emotion\nPlan,,1\n", 2, 6, "no touchpoint"),
        ("stage,emotion\nPlan,1\n", 1, 1, "missing `touchpoint`"),
    ],
)
def test_what_is_no_journey_map_is_a_located_error(
    tmp_path: Path, text: str, line: int, col: int, words: str
) -> None:
    with pytest.raises(ImportProblems) as caught:
        import_text(tmp_path, "x.csv", text)
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (line, col)
    assert words in problem.message


def test_the_studio_sample_imports(tmp_path: Path) -> None:
    source = tmp_path / "sample.yaml"
    shutil.copy(DATA / "ems" / "sample.yaml", source)
    imported = import_text(tmp_path, "sample.yaml", source.read_text("utf-8"))
    (persona,) = imported.draft.personas
    assert persona.name == "事業部門のシステム利用ユーザー"
    assert imported.draft.stage_order() == ["要件定義", "設計確認", "UAT", "本番稼働", "運用保守"]
    # six actions, ordered by phase: the last one (requirement phase, -1) moves up to second
    assert [(s.stage, s.emotion) for s in persona.steps] == [
        ("要件定義", -1), ("要件定義", -1), ("設計確認", 0), ("UAT", 0), ("本番稼働", -1), ("運用保守", 1),  # noqa: E501
    ]  # fmt: skip
    assert persona.steps[1].touchpoint == "要件定義レビュー"
    assert persona.steps[0].thinking == "正しく意図が伝わるか不安だ; 専門用語が多くて理解が難しい"
    assert (
        "# touchpoints: 定例会議, ドキュメント共有システム"
        in imported.files["guests/事業部門のシステム利用ユーザー.yaml"]
    )
    assert any("other than cjm" in a for a in imported.draft.assumptions)


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("kind: sbp\nversion: '1.0'\n", 1, 1, "no `kind: cjm` document"),
        ("kind: cjm\nphases: [{id: p, name: P}]\nactions:\n  - {id: a, name: A, phase: p, emotion_score: 3}\n",  # noqa: E501
         4, 47, "emotion_score must be -2..2"),
        ("kind: cjm\nphases: [{id: p, name: P}]\nactions:\n  - {id: a, name: A, phase: q, emotion_score: 1}\n",  # noqa: E501
         4, 29, "unknown phase `q`"),
        ("kind: cjm\nphases: [{id: p, name: P}]\nactions: [\n", 4, 1, "YAML syntax"),
    ],
)  # fmt: skip
def test_a_broken_studio_file_is_a_located_error(
    tmp_path: Path, text: str, line: int, col: int, words: str
) -> None:
    with pytest.raises(ImportProblems) as caught:
        import_text(tmp_path, "map.yaml", text)
    problem = caught.value.problems[0]
    assert (problem.line, problem.col) == (line, col), problem.format()
    assert words in problem.message
