"""Property: random mutations of valid workspaces never raise, and every problem is located.

Text mutations (deleting, inserting, duplicating) hit the parser; structural mutations
(replacing a value with one of another type) hit the model and the cross-reference checks.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guestology.workspace import check_workspace

CASES = sorted((Path(__file__).resolve().parent / "data" / "valid").iterdir())
YAML_CHARS = st.sampled_from(list(":-[]{}&*!#|>'\"\n ,?%@`\t") + list("ax1.\u00e9\u2603"))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _files(case: Path) -> dict[str, str]:
    return {
        p.relative_to(case).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(case.rglob("*.yaml"))
    }


def _check(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for relative, text in files.items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text, encoding="utf-8")
        result = check_workspace(root)
        for problem in result.problems:
            text = files[Path(problem.path).relative_to(root).as_posix()]
            assert 1 <= problem.line <= text.count("\n") + 2, problem
            assert problem.col >= 1 and problem.code and problem.message, problem


@SETTINGS
@given(
    case=st.sampled_from(CASES),
    data=st.data(),
)
def test_text_mutations_never_raise(case: Path, data: st.DataObject) -> None:
    files = _files(case)
    name = data.draw(st.sampled_from(sorted(files)))
    text = files[name]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    insert = data.draw(st.text(YAML_CHARS, max_size=12))
    files[name] = text[:start] + insert + text[end:]
    _check(files)


def _mutate(value: Any, draw: Any) -> Any:
    if isinstance(value, dict) and value and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(value)))
        return {**value, key: _mutate(value[key], draw)}
    if isinstance(value, list) and value and draw(st.booleans()):
        index = draw(st.integers(0, len(value) - 1))
        return [*value[:index], _mutate(value[index], draw), *value[index + 1 :]]
    return draw(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(-10, 10),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(max_size=8),
            st.lists(st.text(max_size=4), max_size=3),
            st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
        )
    )


@SETTINGS
@given(case=st.sampled_from(CASES), data=st.data())
def test_structural_mutations_never_raise(case: Path, data: st.DataObject) -> None:
    files = _files(case)
    name = data.draw(st.sampled_from(sorted(files)))
    original = yaml.safe_load(files[name])
    files[name] = yaml.safe_dump(_mutate(original, data.draw), allow_unicode=True)
    _check(files)
