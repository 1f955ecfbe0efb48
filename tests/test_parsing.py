"""The event-based YAML parser: positions, YAML 1.1 surprises and hostile input."""

from __future__ import annotations

import datetime

from guestology.parsing import MAX_ALIAS_NODES, MAX_DEPTH, parse_yaml


def codes(text: str) -> list[str]:
    return [p.code for p in parse_yaml(text, "f.yaml").problems]


def test_positions_of_values_and_keys_are_one_based() -> None:
    parsed = parse_yaml("a: 1\nb:\n  - x\n  - {c: d}\n", "f.yaml")
    assert parsed.data == {"a": 1, "b": ["x", {"c": "d"}]}
    assert parsed.positions[("a",)] == (1, 4)
    assert parsed.positions[("b", 1, "c")] == (4, 9)
    assert parsed.key_positions[("b",)] == (2, 1)


def test_yaml_11_surprises_keep_their_source_text() -> None:
    parsed = parse_yaml("a: no\nb: 1.10\nc: 12:30\nd: 2024-01-02\ne: '12:30'\nf: 7\n", "f.yaml")
    assert parsed.data["a"] is False and parsed.data["c"] == 750
    assert isinstance(parsed.data["d"], datetime.date) and parsed.data["e"] == "12:30"
    assert parsed.raw == {("a",): "no", ("b",): "1.10", ("c",): "12:30", ("d",): "2024-01-02"}


def test_keys_are_always_text() -> None:
    assert parse_yaml("no: 1\n3: x\n", "f.yaml").data == {"no": 1, "3": "x"}


def test_anchors_and_merge_keys_expand() -> None:
    parsed = parse_yaml("base: &b {x: 1, y: 2}\nmore:\n  <<: *b\n  y: 3\n", "f.yaml")
    assert parsed.data["more"] == {"x": 1, "y": 3}
    assert not parsed.problems


def test_an_explicit_key_keeps_its_position_when_a_later_merge_has_it_too() -> None:
    parsed = parse_yaml("a:\n  y: 1\n  <<: {y: 9, z: [3]}\n", "f.yaml")
    assert parsed.data == {"a": {"y": 1, "z": [3]}}
    assert parsed.positions[("a", "y")] == (2, 6) and parsed.key_positions[("a", "y")] == (2, 3)
    # a merged key stands where the value that won stands
    assert parsed.positions[("a", "z")] == (3, 17) and parsed.positions[("a", "z", 0)] == (3, 18)


def test_merge_positions_follow_the_winning_value() -> None:
    text = "a:\n  <<: [{y: 9, w: {q: 1}}, {y: 8, x: 7}]\n  w: {r: 2}\n"
    parsed = parse_yaml(text, "f.yaml")
    assert parsed.data == {"a": {"y": 9, "x": 7, "w": {"r": 2}}}
    assert parsed.positions[("a", "y")] == (2, 12)  # the first source wins, as in YAML
    assert parsed.positions[("a", "x")] == (2, 37)
    assert parsed.positions[("a", "w")] == (3, 6)  # explicit, after the merge
    located = {path for path in parsed.positions if path[:1] == ("a",)}
    assert located == {("a",), ("a", "y"), ("a", "x"), ("a", "w"), ("a", "w", "r")}


def test_merged_scalars_keep_their_source_text_where_they_win() -> None:
    parsed = parse_yaml("a:\n  y: 'yes'\n  <<: {y: no, z: off}\n", "f.yaml")
    assert parsed.data == {"a": {"y": "yes", "z": False}}
    assert parsed.raw == {("a", "z"): "off"}


def test_a_merge_error_points_at_the_winning_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from guestology.workspace import check_workspace

    (tmp_path / "p.yaml").write_text(
        "persona: p\nname: P\njourney:\n  - touchpoint: gate\n    emotion: 5\n"
        "    <<: {emotion: 1, touchpoint: gate}\n"
        "touchpoints: [{id: gate, name: Gate, stage: in}]\n"
    )
    problems = check_workspace(tmp_path).problems
    assert [(p.line, p.code) for p in problems] == [(5, "out-of-range")]


def test_duplicate_key_is_reported_at_the_second_and_first_value_kept() -> None:
    parsed = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.line, p.col, p.code) for p in parsed.problems] == [(3, 1, "duplicate-key")]
    assert "first at line 1" in parsed.problems[0].message and parsed.data["a"] == 1


def test_deep_flow_nesting_does_not_crash() -> None:
    problem = parse_yaml("[" * 200_000, "f.yaml").problems[0]
    # Our own limit, or (newer libyaml scans ahead) the parser's, reported the same way.
    assert (problem.code, problem.line) == ("too-deep", 1)
    assert problem.col in (MAX_DEPTH + 1, 1001)


def test_deep_block_nesting_on_one_line_does_not_crash() -> None:
    assert codes("- " * 100_000 + "x\n") == ["too-deep"]


def test_billion_laughs_stops_at_the_alias_limit() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    parsed = parse_yaml("\n".join(lines) + "\n", "f.yaml")
    assert [p.code for p in parsed.problems] == ["alias-limit"] and parsed.data is None
    assert f"{MAX_ALIAS_NODES:,}" in parsed.problems[0].message


def test_python_tags_are_refused_and_never_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    assert codes(text) == ["unsafe-tag"]
    assert not marker.exists()


def test_other_tags() -> None:
    assert codes("a: !custom 1\n") == ["unsafe-tag"]
    assert codes("a: !!set {x}\n") == ["unsafe-tag"]
    assert codes("a: !!str 1\nb: ! 2\n") == []


def test_recursive_and_unknown_aliases() -> None:
    assert codes("a: &x [1, *x]\n") == ["recursive-alias"]
    assert codes("a: *nope\n") == ["unknown-alias"]


def test_syntax_errors_are_located() -> None:
    problem = parse_yaml("a: [1, 2\nb: 3\n", "f.yaml").problems[0]
    assert problem.code == "yaml-syntax" and problem.line == 2


def test_control_characters_are_located() -> None:
    problem = parse_yaml("a: ok\nb: x\x01y\n", "f.yaml").problems[0]
    assert (problem.code, problem.line, problem.col) == ("bad-character", 2, 5)


def test_second_document_is_an_error() -> None:
    assert codes("a: 1\n---\nb: 2\n") == ["multiple-documents"]
