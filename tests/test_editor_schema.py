"""The editor schema: generated from the model, and agreeing with the validator on every file."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

from guestology import schema_model as model
from guestology.cli import app
from guestology.editor_schema import DEFINITIONS, DESCRIPTIONS, editor_schema, plain_form
from guestology.loading import find_workspace_files, is_ignored, load_document
from guestology.schema import validate_document
from guestology.schema_model import Persona, Service

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPORA = [ROOT / "personas", ROOT / "templates" / "init", DATA / "valid", DATA / "invalid"]

PERSONA: dict[str, Any] = {
    "format": 1,
    "persona": "ramirez-family",
    "name": "The Ramirez family",
    "kind": "guest",
    "demographics": {"party": 4},
    "attention": ["young-children"],
    "evidence": ["interviews"],
    "loyalty": {"returns": True, "recommend": 9},
    "compass": {
        "needs": [
            {"id": "find-car", "text": "Find the car", "priority": "high", "evidence": ["survey"]},
            "Shade",
        ],
        "wants": [{"id": "short-waits", "text": "Short waits", "for": ["find-car"]}],
        "stereotypes": [{"id": "nickel", "text": "Nickel-and-dime", "valence": "negative"}],
        "emotions": ["Relief"],
    },
    "journey": [
        {
            "touchpoint": "parking-return",
            "emotion": -2,
            "expectation": 3,
            "delivery": 1,
            "serves": ["find-car"],
            "pain_points": [
                {
                    "text": "Cannot recall the row",
                    "severity": 3,
                    "key": "efficiency",
                    "cause": "internal",
                    "themes": ["wayfinding"],
                    "evidence": [{"source": "interviews", "quote": "Which row?"}],
                },
                "Dark",
            ],
            "opportunities": [{"text": "Print the row", "effort": "low", "impact": "high"}],
            "wow": ["A cast member walks them to the car"],
            "evidence": ["survey", {"source": "interviews", "quote": "We walked for an hour"}],
        },
        {
            "touchpoint": "gate",
            "emotion": 1,
            "expectation": {"adequate": 2, "desired": 4},
            "recovers": "parking-return",
        },
    ],
    "future": [{"touchpoint": "gate", "emotion": 2}],
    "touchpoints": [
        {"id": "gate", "name": "Gate", "stage": "arrive", "moment_of_truth": True, "status": "live"}
    ],
}
SERVICE: dict[str, Any] = {
    "service": "Magic Harbor",
    "stages": ["plan", {"id": "arrive", "name": "Arrive"}],
    "channels": ["in-person", "app"],
    "touchpoints": [{"id": "parking-return", "name": "Walk back", "stage": "arrive"}],
    "ignore": ["drafts/**"],
    "sources": [
        {"id": "interviews", "kind": "interview", "n": 12, "date": "2026-05-14", "note": "Gate"},
        {"id": "survey", "kind": "survey"},
    ],
}

# (file, path to the value, the mistaken value): type and enum mistakes the validator rejects
MISTAKES = [
    ("persona", ("kind",), "visitor"),
    ("persona", ("persona",), "two words"),
    ("persona", ("name",), 12),
    ("persona", ("format",), 2),
    ("persona", ("attention",), "young-children"),
    ("persona", ("compass", "needs", 0, "priority"), "urgent"),
    ("persona", ("compass", "needs", 1), 35),
    ("persona", ("compass", "needs", 1), "!!!"),
    ("persona", ("compass", "wants", 0, "for"), "find-car"),
    ("persona", ("compass", "stereotypes", 0, "valence"), "neutral"),
    ("persona", ("compass", "emotions"), "Relief"),
    ("persona", ("journey", 0, "emotion"), 3),
    ("persona", ("journey", 0, "emotion"), "low"),
    ("persona", ("journey", 0, "emotion"), True),
    ("persona", ("journey", 0, "expectation"), 6),
    ("persona", ("journey", 0, "expectation"), "high"),
    ("persona", ("journey", 1, "expectation"), {"adequate": 2}),
    ("persona", ("journey", 1, "expectation"), {"adequate": 2, "desired": 9}),
    ("persona", ("journey", 0, "delivery"), 0),
    ("persona", ("journey", 0, "delivery"), "3"),
    ("persona", ("journey", 0, "serves"), "find-car"),
    ("persona", ("journey", 0, "pain_points", 0, "severity"), 4),
    ("persona", ("journey", 0, "pain_points", 1), 7),
    ("persona", ("journey", 0, "opportunities", 0, "effort"), "huge"),
    ("persona", ("journey", 0, "wow"), "A gesture"),
    ("persona", ("touchpoints", 0, "visibility"), "public"),
    ("persona", ("touchpoints", 0, "system"), "people"),
    ("persona", ("touchpoints", 0, "moment_of_truth"), "yes"),
    ("persona", ("touchpoints", 0, "status"), "closed"),
    ("persona", ("evidence",), "interviews"),
    ("persona", ("evidence", 0), 12),
    ("persona", ("journey", 0, "evidence", 1, "source"), 3),
    ("persona", ("journey", 0, "recovers"), ["gate"]),
    ("persona", ("journey", 0, "pain_points", 0, "cause"), "outside"),
    ("persona", ("journey", 0, "pain_points", 0, "themes"), "wayfinding"),
    ("persona", ("journey", 0, "pain_points", 0, "key"), 1),
    ("persona", ("loyalty", "returns"), "yes"),
    ("persona", ("loyalty", "recommend"), 11),
    ("persona", ("loyalty",), True),
    ("persona", ("future", 0, "emotion"), 3),
    ("service", ("service",), False),
    ("service", ("stages", 0), "two words"),
    ("service", ("stages", 1, "id"), 3),
    ("service", ("channels",), "web"),
    ("service", ("touchpoints", 0, "supports"), "gate"),
    ("service", ("sources", 0, "kind"), "surveys"),
    ("service", ("sources", 0, "n"), 0),
    ("service", ("sources", 1, "id"), "two words"),
]
# (file, path to the mapping, an unknown field): typos must not pass silently
UNKNOWN_FIELDS = [
    ("persona", (), "summry"),
    ("persona", ("compass",), "fears"),
    ("persona", ("compass", "needs", 0), "prio"),
    ("persona", ("journey", 0), "emotoin"),
    ("persona", ("journey", 1, "expectation"), "ideal"),
    ("persona", ("journey", 0, "pain_points", 0), "severty"),
    ("persona", ("touchpoints", 0), "owners"),
    ("service", (), "persona"),
    ("service", ("stages", 1), "title"),
    ("service", ("sources", 0), "size"),
    ("persona", ("loyalty",), "returned"),
    ("persona", ("journey", 0, "evidence", 1), "page"),
    ("persona", ("future", 0), "emotoin"),
]


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    target: Any = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _model_accepts(data: dict[str, Any]) -> bool:
    cls = Persona if "persona" in data else Service
    try:
        cls.model_validate(data)
    except ValidationError:
        return False
    return True


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = editor_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_base_documents_pass_both(validator: jsonschema.Draft202012Validator) -> None:
    for data in (PERSONA, SERVICE):
        assert _model_accepts(data)
        assert validator.is_valid(data), list(validator.iter_errors(data))


@pytest.mark.parametrize(("kind", "path", "value"), MISTAKES, ids=lambda v: repr(v)[:30])
def test_type_and_enum_mistakes_are_rejected_by_both(
    validator: jsonschema.Draft202012Validator, kind: str, path: tuple[Any, ...], value: Any
) -> None:
    data = _set(PERSONA if kind == "persona" else SERVICE, path, value)
    assert not _model_accepts(data)
    assert not validator.is_valid(data)
    kind_only = jsonschema.Draft202012Validator(editor_schema(kind))  # type: ignore[arg-type]
    assert not kind_only.is_valid(data)


@pytest.mark.parametrize(("kind", "path", "name"), UNKNOWN_FIELDS, ids=lambda v: repr(v)[:30])
def test_unknown_fields_are_rejected_by_both(
    validator: jsonschema.Draft202012Validator, kind: str, path: tuple[Any, ...], name: str
) -> None:
    data = _set(PERSONA if kind == "persona" else SERVICE, (*path, name), "x")
    assert not _model_accepts(data)
    assert not validator.is_valid(data)


def _mapping_files() -> list[Path]:
    """Every YAML file of the corpora that parses to a mapping (the schema's domain)."""
    found = {p for corpus in CORPORA for p in corpus.rglob("*.y*ml") if p.is_file()}
    return sorted(p for p in found if isinstance(load_document(p).data, dict))


@pytest.mark.parametrize("path", _mapping_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_schema_and_validator_agree_on_every_file(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    doc = load_document(path)
    validated, _ = validate_document(doc)
    errors = [e.message for e in validator.iter_errors(doc.data)]
    assert (validated is not None) == (not errors), errors


def test_the_example_workspace_is_valid_against_the_schema(
    validator: jsonschema.Draft202012Validator,
) -> None:
    root = ROOT / "personas"
    ignore = load_document(root / "service.yaml").data.get("ignore", [])
    files = [
        p
        for p in find_workspace_files(root)
        if not is_ignored(p.relative_to(root).as_posix(), ignore)
    ]
    assert len(files) >= 3
    for path in files:
        doc = load_document(path)
        assert validator.is_valid(doc.data), [e.message for e in validator.iter_errors(doc.data)]


def test_every_before_validator_form_is_in_the_schema() -> None:
    """A model class that reads a non-mapping form must have that form in the schema."""
    defs = editor_schema()["$defs"]
    for name in defs:
        cls = getattr(model, name)
        modes = {d.info.mode for d in cls.__pydantic_decorators__.model_validators.values()}
        assert ("before" in modes) == (plain_form(name) is not None), name
        assert ("before" in modes) == ("then" in defs[name]), name


def test_every_description_names_a_real_field() -> None:
    defs = editor_schema()["$defs"]
    for name, text in DEFINITIONS.items():
        assert defs[name]["description"] == text
    for (name, key), text in DESCRIPTIONS.items():
        definition = defs[name]
        shapes = [definition.get("else", definition)]
        properties = next(s["properties"] for s in shapes if "properties" in s)
        assert properties[key]["description"] == text


def test_want_for_is_spelled_as_in_yaml() -> None:
    want = editor_schema("persona")["$defs"]["Want"]["else"]
    assert "for" in want["properties"] and "for_" not in want["properties"]
    assert want["additionalProperties"] is False


def test_the_command_prints_and_writes(tmp_path: Path) -> None:
    runner = CliRunner()
    printed = runner.invoke(app, ["schema", "--kind", "service"])
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.stdout)["$ref"] == "#/$defs/Service"
    target = tmp_path / "schemas" / "guestology.schema.json"
    written = runner.invoke(app, ["schema", "-o", str(target)])
    assert written.exit_code == 0, written.output
    root = json.loads(target.read_text())
    assert root["then"] == {"$ref": "#/$defs/Service"} and root["else"] == {
        "$ref": "#/$defs/Persona"
    }
    bad = runner.invoke(app, ["schema", "--kind", "visitor"])
    assert bad.exit_code == 2


class Yaml12Loader(yaml.SafeLoader):
    """YAML as an editor reads it (1.2 core schema): `yes`, `12:30` and dates are text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regex)
        for tag, regex in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
        and not (tag.endswith(("int", "float")) and regex.match("1:30"))
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _regex, _first in (
    ("bool", "true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", "[-+]?(?:0|[1-9][0-9]*)", "-+0123456789"),
    ("float", "[-+]?(?:[0-9]+[.][0-9]*|[.][0-9]+)(?:[eE][-+]?[0-9]+)?", "-+.0123456789"),
):
    Yaml12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_regex})$"), list(_first)
    )


def _as_an_editor_reads(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


def test_the_yaml12_reading_is_what_an_editor_sees() -> None:
    data = _as_an_editor_reads("a: yes\nb: 12:30\nc: 2026-05-14\nd: true\ne: 1.5\nf: -7\n")
    assert data == {"a": "yes", "b": "12:30", "c": "2026-05-14", "d": True, "e": 1.5, "f": -7}


@pytest.mark.parametrize(("field", "text"), [("doing", "yes"), ("thinking", "12:30")])
def test_text_that_validate_reads_as_another_type_is_rejected(
    validator: jsonschema.Draft202012Validator, field: str, text: str
) -> None:
    data = _set(PERSONA, ("journey", 0, field), text)
    best = jsonschema.exceptions.best_match(validator.iter_errors(data))
    assert best is not None and list(best.absolute_path) == ["journey", 0, field]
    assert "quote them" in best.message
    assert validator.is_valid(_set(PERSONA, ("journey", 0, field), "Yes, and more"))


def test_the_best_match_points_at_the_wrong_value(
    validator: jsonschema.Draft202012Validator,
) -> None:
    best = jsonschema.exceptions.best_match(
        validator.iter_errors(_set(PERSONA, ("journey", 0, "emotion"), 3))
    )
    assert best is not None and list(best.absolute_path) == ["journey", 0, "emotion"]
    assert best.message == "3 is greater than the maximum of 2"
    best = jsonschema.exceptions.best_match(
        validator.iter_errors(_set(SERVICE, ("touchpoints", 0, "visibility"), "public"))
    )
    assert best is not None and list(best.absolute_path) == ["touchpoints", 0, "visibility"]


FILE_CODES = {  # what one file shows: what the schema can see too
    "quote-text", "wrong-type", "bad-value", "out-of-range", "invalid-id", "missing-field",
    "unknown-field", "unsupported-format",
}  # fmt: skip


def _schema_cases() -> list[Path]:
    cases = []
    for folder in sorted((DATA / "invalid").iterdir()):
        if folder.name in FILE_CODES:
            cases += sorted(p for p in folder.glob("*.yaml") if p.name != "service.yaml")
    return cases


@pytest.mark.parametrize("path", _schema_cases(), ids=lambda p: p.parent.name)
def test_on_the_case_folders_the_best_match_is_the_line_validate_reports(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    """As check-jsonschema reports in an editor's place (YAML 1.2): every error it prints,
    or the best match of its alternatives, stands on a line that `validate` reports."""
    doc = load_document(path)
    _, problems = validate_document(doc)
    if not problems:
        pytest.skip("no file-level problem in this file")
    errors = list(validator.iter_errors(_as_an_editor_reads(path.read_text(encoding="utf-8"))))
    assert errors, "the schema passes a file that validate rejects"
    lines = {p.line for p in problems}
    for error in errors:
        shown = jsonschema.exceptions.best_match(error.context) if error.context else error
        assert shown is not None
        assert doc.pos(tuple(shown.absolute_path))[0] in lines, (shown.message, lines)
