"""Hints: YAML errors in plain words, names where ids belong, knock-on warnings dropped.

Each workspace here is ``guestology init``'s starter (clean: no problem at all) with one
mistake made by hand, so every expected line is worked out from that one edit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guestology.hints import closest_id, suggest_id
from guestology.parsing import parse_yaml
from guestology.resources import starter_files
from guestology.workspace import check_workspace

GUEST = "guests/first-guest.yaml"


def starter(tmp_path: Path, edits: dict[str, tuple[str, str]] | None = None) -> Path:
    """The starter workspace in ``tmp_path/ws``, with ``file: (old, new)`` replaced once."""
    root = tmp_path / "ws"
    for relative, text in starter_files().items():
        old, new = (edits or {}).get(relative, ("", ""))
        if old:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def lines(root: Path) -> list[str]:
    return [p.format().replace(f"{root}/", "") for p in check_workspace(root).problems]


def test_the_starter_is_clean(tmp_path: Path) -> None:
    assert lines(starter(tmp_path)) == []


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("persona: x\ncompass:\n\tneeds: [a]\n", (3, 1), "a tab character: YAML is indented"),
        ("persona: x\nj:\n  - a: 1\n\t  b: 2\n", (4, 1), "replace the tab with spaces"),
        ("persona: x\nname: X\n  summary: hi\n", (3, 10), "indented further than it should"),
        ("persona: x\nj:\n  - a: 1\n   b: 1\n", (4, 4), "does not line up with the lines above"),
        (
            "persona: x\nsummary: Note: tired\n",
            (2, 14),
            'put the whole text in quotes, as in `summary: "Note: tired"`',
        ),
        ("persona: x\nattention: [a, b\nname: X\n", (3, 5), "the `[` opened at line 2, column 12"),
        ('persona: x\nname: "X\nsummary: y\n', (4, 1), "the quote opened at line 2, column 7"),
    ],
)
def test_yaml_syntax_in_plain_words(text: str, where: tuple[int, int], words: str) -> None:
    (problem,) = parse_yaml(text, "f.yaml").problems
    assert problem.code == "yaml-syntax" and (problem.line, problem.col) == where
    assert words in problem.message and "not allowed in this context" not in problem.message


def test_a_name_where_an_id_belongs_suggests_the_id() -> None:
    names = {"welcome": "Greeting at the door", "website": "Find opening hours online"}
    assert suggest_id("Greeting at the door", names, names) == (
        " (did you mean `welcome`? `Greeting at the door` is its name: use the id)"
    )
    assert "did you mean `welcome`? it is named" in suggest_id("greeting at the dor", names, names)
    assert suggest_id("websit", names, names) == " (did you mean `website`?)"  # ids first
    assert closest_id("Find opening hours online", names) == "website"
    assert closest_id("nothing like it", names) is None


def test_touchpoint_and_stage_names_in_a_workspace(tmp_path: Path) -> None:
    root = starter(
        tmp_path,
        {
            GUEST: ("  - touchpoint: welcome\n", "  - touchpoint: Greeting at the door\n"),
            "service.yaml": ("    stage: after\n", "    stage: After the visit\n"),
        },
    )
    assert lines(root) == [
        f"{GUEST}:36:17: [error] unknown touchpoint `Greeting at the door` (did you mean "
        "`welcome`? `Greeting at the door` is its name: use the id) (unknown-touchpoint)",
        "service.yaml:50:12: [error] unknown stage `After the visit` (did you mean `after`? "
        "`After the visit` is its name: use the id) (unknown-stage)",
    ]  # and no orphan warning for `welcome`, the touchpoint the step meant


def test_a_misspelt_persona_key_gets_did_you_mean_at_the_key(tmp_path: Path) -> None:
    root = starter(tmp_path, {GUEST: ("persona: first", "persnoa: first")})
    assert lines(root) == [
        f"{GUEST}:4:1: [error] not a persona or service file: unknown top-level key "
        "`persnoa` (did you mean `persona`?) (not-persona-or-service)"
    ]


def test_a_typo_in_serves_leaves_no_unmet_need_warning(tmp_path: Path) -> None:
    root = starter(tmp_path, {GUEST: ("serves: [clear-info]", "serves: [clear-inf]")})
    assert lines(root) == [
        f"{GUEST}:31:14: [error] unknown need or want `clear-inf` (did you mean "
        "`clear-info`?) (unknown-compass-id)"
    ]


def test_a_typo_in_counters_leaves_no_uncountered_warning(tmp_path: Path) -> None:
    root = starter(tmp_path, {GUEST: ("counters: [nobody-cares]", "counters: [nobody-care]")})
    assert [line.rsplit(" (", 1)[1] for line in lines(root)] == ["unknown-compass-id)"]


def test_an_unrelated_unmet_need_is_still_reported(tmp_path: Path) -> None:
    root = starter(tmp_path, {GUEST: ("serves: [clear-info]", "serves: [zzz]")})
    codes = [line.rsplit("(", 1)[1] for line in lines(root)]
    assert codes == ["unmet-need)", "unknown-compass-id)"]


def test_a_duplicate_persona_makes_no_orphans(tmp_path: Path) -> None:
    root = starter(tmp_path)
    # sorts before first-guest.yaml, so it is the one kept; the starter guest is left out
    (root / "guests" / "dup.yaml").write_text(
        "persona: first-time-guest\nname: Dup\njourney:\n  - {touchpoint: website, emotion: 1}\n"
    )
    assert lines(root) == [
        f"{GUEST}:4:10: [error] duplicate persona id `first-time-guest` (first defined at "
        "guests/dup.yaml:1:10) (duplicate-id)"
    ]
