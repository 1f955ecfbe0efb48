"""Mermaid input that cannot be imported: a located error (worked out by hand), never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from guestology.interop import ImportProblems
from tests.interop.helpers import import_text, parse

BAD = [  # (name, file name, text, line, col, code)
    ("nan-from-a-stray-colon", "j.mmd", "journey\nsection A\n  Go: home: 5\n", 3, 7, "bad-score"),
    ("score-0", "j.mmd", "journey\n  section S\n    Sleep: 0: Me", 3, 12, "bad-score"),
    ("score-6", "j.mmd", "journey\n  section S\n    Sleep: 6: Me", 3, 12, "bad-score"),
    ("score-2.5", "j.mmd", "journey\n  section S\n    Sleep: 2.5: Me", 3, 12, "bad-score"),
    ("empty-score", "j.mmd", "journey\nsection S\nX:: 3\n", 3, 3, "bad-score"),
    ("semicolon-in-section", "j.mmd", "journey\nsection A;B\n  X: 3", 2, 10, "mermaid-syntax"),
    ("colon-in-section", "j.mmd", "journey\nsection Day 1: arrive\n  X: 3", 2, 14, "mermaid-syntax"),  # noqa: E501
    ("no-score", "j.mmd", "journey\nsection S\n  Wait in line\n", 3, 15, "mermaid-syntax"),
    ("hash-comment", "j.mmd", "journey\nsection S\n  Gate #3: 4\n", 3, 8, "mermaid-syntax"),
    ("not-a-journey", "j.mmd", "flowchart TD\n  A-->B\n", 1, 1, "not-journey"),
    ("after-front-matter", "j.mmd", "---\ntitle: T\n---\njourney\n  section S\n    Bad: 9: Me", 6, 10,  # noqa: E501
     "bad-score"),
    ("crlf", "j.mmd", "journey\r\nsection S\r\nX: 0\r\n", 3, 4, "bad-score"),
    ("markdown-block", "doc.md", "# Doc\n\nSome text\n\n```mermaid\njourney\n  section S\n    Bad: 7\n```\n",  # noqa: E501
     8, 10, "bad-score"),
    ("markdown-without-journey", "doc.md", "# Doc\n\n```mermaid\ngraph TD\n  A-->B\n```\n", 1, 1,
     "not-journey"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "file", "text", "line", "col", "code"), BAD, ids=[b[0] for b in BAD]
)
def test_bad_input_is_a_located_error(
    tmp_path: Path, name: str, file: str, text: str, line: int, col: int, code: str
) -> None:
    with pytest.raises(ImportProblems) as caught:
        import_text(tmp_path, file, text)
    first = caught.value.problems[0]
    assert (first.path, first.line, first.col, first.code) == (
        str(tmp_path / file),
        line,
        col,
        code,
    )


def test_every_bad_score_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = "journey\nsection S\n  A: 0\n  B: 3\n  C: 6\n  D: NaN\n"
    with pytest.raises(ImportProblems) as caught:
        import_text(tmp_path, "j.mmd", text)
    assert [(p.line, p.col) for p in caught.value.problems] == [(3, 6), (5, 6), (6, 6)]
    assert "mermaid reads 6" in caught.value.problems[1].message


def test_what_mermaid_accepts_is_accepted() -> None:
    """JavaScript's Number(): ` 5`, `5.0`, `0x3` are scores; `#35;` is `#`; `%%` lines go."""
    diagram = parse(
        "%% a comment\njourney\n%% another\nsection S #1\n  Gate #35;3: 5.0\n  B: 0x3: x\n"
    )
    assert [(t.section, t.task, t.score, t.people) for t in diagram.tasks] == [
        ("S ", "Gate #3", 5.0, []),
        ("S ", "B", 3.0, ["x"]),
    ]


def test_keywords_are_case_insensitive_but_the_type_is_not() -> None:
    diagram = parse("journey\nTITLE Upper\nSECTION Loud\n  t: 4\n")
    assert (diagram.title, diagram.sections) == ("Upper", ["Loud"])
    with pytest.raises(Exception, match="not a mermaid journey"):
        parse("Journey\nsection S\n  t: 4\n")
