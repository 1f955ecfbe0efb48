"""Issue 16, scalars and messages: every scalar problem is a located error, never a crash;
every problem prints as one line whatever the data holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guestology import loading
from guestology.loading import load_document
from guestology.parsing import parse_yaml
from guestology.problems import Level, Problem, error, one_line
from guestology.scalars import MAX_NUMBER_CHARS, Fatal, construct_scalar
from guestology.workspace import check_workspace

TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = [TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")]


def _codes(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.code) for p in parse_yaml(text, "x.yaml").problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: " + "9" * 5000, [(1, 4, "out-of-range")]),  # int() over 4,300 digits
        ("a: -" + "9" * 5000, [(1, 4, "out-of-range")]),
        ("a: 0x" + "f" * 5000, [(1, 4, "out-of-range")]),  # str() in _misread
        ("a: 1" + "0" * 4400 + ".5", [(1, 4, "out-of-range")]),
        ("a:\n  - !!int ''", [(2, 5, "bad-scalar")]),  # IndexError in PyYAML
        ("a: !!float ''", [(1, 4, "bad-scalar")]),  # IndexError in PyYAML
        ("a: !!timestamp foo", [(1, 4, "bad-scalar")]),  # AttributeError in PyYAML
        ("a: !!timestamp ''", [(1, 4, "bad-scalar")]),
        ("a: !!bool ''", [(1, 4, "bad-scalar")]),
        ("a: !!int 0b", [(1, 4, "bad-scalar")]),
    ],
)
def test_each_cause_is_a_located_error(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert _codes(text) == expected


def test_the_number_bound_is_exact() -> None:
    at_limit = "a: " + "9" * MAX_NUMBER_CHARS
    assert _codes(at_limit) == [] and parse_yaml(at_limit, "x").data["a"] == int("9" * 1000)
    assert _codes(at_limit + "9") == [(1, 4, "out-of-range")]
    assert _codes("a: '" + "9" * 5000 + "'") == []  # quoted: text, however long


def test_a_bad_value_is_quoted_short_in_its_message() -> None:
    [problem] = parse_yaml("a: !!int " + "z" * 500, "x.yaml").problems
    assert problem.message == f"cannot read `{'z' * 59}\u2026` as !!int"
    [empty] = parse_yaml("a: !!int ''", "x.yaml").problems
    assert empty.message == "cannot read an empty value as !!int"


def test_a_huge_integer_in_a_workspace_exits_like_any_error(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(
        "persona: g\nname: G\ndemographics: {party: 1" + "0" * 5000 + "}\n"
    )
    result = check_workspace(tmp_path)
    assert [(p.line, p.col, p.code) for p in result.problems] == [(3, 23, "out-of-range")]
    assert result.workspace is None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(tag=st.sampled_from(SCALAR_TAGS), text=st.text(max_size=40))
def test_the_scalar_constructor_gives_a_value_or_a_problem(tag: str, text: str) -> None:
    try:
        construct_scalar(tag, text, (3, 7))
    except Fatal as fatal:
        assert fatal.code in ("bad-scalar", "out-of-range") and fatal.pos == (3, 7)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    tag=st.sampled_from(["", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!null "]),
    text=st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=30),
        st.from_regex(r"[-+0-9._:xobeE]{0,30}", fullmatch=True),
    ),
)
def test_any_tagged_scalar_parses_to_a_value_or_a_problem(tag: str, text: str) -> None:
    parsed = parse_yaml(f"a: {tag}{json.dumps(text)}\nb: {tag}{text}\n", "x.yaml")
    assert all(p.path == "x.yaml" and p.line >= 1 and p.col >= 1 for p in parsed.problems)
    assert parsed.data is None or isinstance(parsed.data, dict)


def test_memory_error_while_parsing_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(text: str, path: str) -> None:
        raise MemoryError

    (tmp_path / "a.yaml").write_text("persona: a\n")
    monkeypatch.setattr(loading, "parse_yaml", exhausted)
    doc = load_document(tmp_path / "a.yaml")
    assert doc.data is None and [p.code for p in doc.problems] == ["file-too-large"]
    assert "not enough memory" in doc.problems[0].message


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("line\nbreak", "line\\nbreak"),
        ("cr\r\ntab\t", "cr\\r\\ntab\\t"),
        ("esc\x1b[31mred", "esc\\x1b[31mred"),
        ("sep\u2028para\u2029", "sep\\u2028para\\u2029"),
        ("nel\x85del\x7f", "nel\\x85del\\x7f"),
        ("bidi\u202egnp.yaml", "bidi\\u202egnp.yaml"),
        ("bytes\udcff", "bytes\\udcff"),  # a file name that is not UTF-8
        ("C:\\personas\\a.yaml caf\u00e9 \u6f22", "C:\\personas\\a.yaml caf\u00e9 \u6f22"),
    ],
)
def test_one_line_escapes_controls_only(raw: str, shown: str) -> None:
    assert one_line(raw) == shown


def test_a_problem_is_one_line_in_text_and_exact_in_json() -> None:
    problem = error("dir\n/a\u2028.yaml", (2, 3), "bad-scalar", "cannot read `a\x1b[2Jb`")
    line = problem.format()
    assert line == "dir\\n/a\\u2028.yaml:2:3: [error] cannot read `a\\x1b[2Jb` (bad-scalar)"
    assert len(line.splitlines()) == 1 and "\x1b" not in line
    assert json.loads(json.dumps(problem.to_dict()))["path"] == "dir\n/a\u2028.yaml"
    github = Problem("a.yaml", 1, 1, Level.WARNING, "bad-scalar", "x\x1by\nz").to_github()
    assert github.endswith("::x\\x1by%0Az") and len(github.splitlines()) == 1


def test_a_control_character_in_a_value_comes_out_escaped(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text('service: S\nstages: ["a\\e[31mb\\nc"]\n', encoding="utf-8")
    (tmp_path / "p.yaml").write_text(
        "persona: p\nname: P\njourney:\n  - {touchpoint: x, emotion: 0}\n", encoding="utf-8"
    )
    lines = [p.format() for p in check_workspace(tmp_path).problems]
    assert lines and all("\x1b" not in line and "\n" not in line for line in lines)


def test_a_stage_that_is_no_id_without_a_service_file(tmp_path: Path) -> None:
    """Found by the fuzz test (case 4681): stages made from the touchpoints' `stage:` text
    were validated as ids, and a space in one was a pydantic error escaping (exit 3)."""
    (tmp_path / "g.yaml").write_text(
        "persona: g\nname: G\ntouchpoints:\n  - {id: t, name: T, stage: 'p lan', owner: o}\n"
        "journey:\n  - {touchpoint: t, emotion: 0}\n"
    )
    result = check_workspace(tmp_path)
    assert result.problems == [] and result.workspace is not None
    assert [s.id for s in result.workspace.stages] == ["p lan"]
