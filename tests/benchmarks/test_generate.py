"""The benchmark workspace generator: deterministic, the requested size, every reference
resolving (checked here independently of guestology's own validator), and, where the
validator exists, accepted by ``guestology validate`` with exit code 0."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.emit import to_yaml
from benchmarks.generate import MARKER, Spec, write_workspace

ROOT = Path(__file__).resolve().parents[2]
SPEC = Spec(personas=5, touchpoints=14, steps=12, seed=7)
ID = re.compile(r"[A-Za-z0-9._-]+")
# fmt: off
STEP_FIELDS = {"touchpoint", "emotion", "expectation", "delivery", "serves", "evokes", "counters",
               "reinforces", "doing", "thinking", "pain_points", "opportunities", "wow"}
PERSONA_FIELDS = {"persona", "name", "kind", "summary", "quote", "demographics", "attention",
                  "compass", "journey", "format"}
TOUCHPOINT_FIELDS = {"id", "name", "stage", "channel", "visibility", "system", "keys", "owner",
                     "moment_of_truth", "supports"}
# fmt: on
LEVELS = {"low", "medium", "high"}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ws") / "small"
    write_workspace(out, SPEC)
    return out


def load(out: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    service = yaml.safe_load((out / "service.yaml").read_text(encoding="utf-8"))
    files = sorted((out / "personas").glob("*.yaml"))
    return service, [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]


def files_of(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes(workspace: Path, tmp_path: Path) -> None:
    write_workspace(tmp_path / "again", SPEC)
    assert files_of(tmp_path / "again") == files_of(workspace)


def test_different_seed_differs(workspace: Path, tmp_path: Path) -> None:
    write_workspace(tmp_path / "other", Spec(5, 14, 12, seed=8))
    assert files_of(tmp_path / "other") != files_of(workspace)


def test_requested_counts(workspace: Path) -> None:
    service, personas = load(workspace)
    assert service["format"] == 1
    assert [s["id"] for s in service["stages"]] == [
        "plan", "arrive", "in-park", "dine", "depart", "return"
    ]  # fmt: skip
    assert len(service["touchpoints"]) == SPEC.touchpoints
    assert len(personas) == SPEC.personas
    assert all(len(p["journey"]) == SPEC.steps for p in personas)
    kinds = [p["kind"] for p in personas]
    assert kinds.count("cast") >= 1 and kinds.count("guest") >= 1
    names = [p.name for p in (workspace / "personas").iterdir()]
    assert sorted(names) == [f"p-{n:05d}.yaml" for n in range(1, SPEC.personas + 1)]


def test_touchpoints_resolve(workspace: Path) -> None:
    service, _ = load(workspace)
    stages = {s["id"] for s in service["stages"]}
    tps = {tp["id"]: tp for tp in service["touchpoints"]}
    assert len(tps) == len(service["touchpoints"]), "touchpoint ids are unique"
    for tp in tps.values():
        assert set(tp) <= TOUCHPOINT_FIELDS and ID.fullmatch(tp["id"])
        assert tp["stage"] in stages and tp["channel"] in service["channels"]
        assert set(tp.get("keys", [])) <= set(service["keys"])
        assert tp.get("system", "cast") in {"cast", "setting", "process"}
        assert tp.get("visibility", "onstage") in {"onstage", "backstage"}
        assert 2 <= len(tp["name"].split()) <= 6
        for target in tp.get("supports", []):
            assert tps[target].get("visibility", "onstage") == "onstage"
            assert tp["visibility"] == "backstage"
    assert any(tp.get("visibility") == "backstage" for tp in tps.values())


def check_compass(compass: dict[str, Any]) -> dict[str, set[str]]:
    """Ids by kind, after checking each item's fields belong to its kind."""
    ids: dict[str, set[str]] = {}
    for kind in ("needs", "wants", "stereotypes", "emotions"):
        items = compass[kind]
        ids[kind] = {item["id"] for item in items}
        for item in items:
            assert ID.fullmatch(item["id"]) and isinstance(item["text"], str)
            assert ("priority" in item) == (kind in ("needs", "wants"))
            assert ("valence" in item) == (kind in ("stereotypes", "emotions"))
            assert ("for" in item) == (kind == "wants")
            assert item.get("priority", "low") in LEVELS
            assert item.get("valence", "positive") in {"positive", "negative"}
    everything = [item["id"] for items in compass.values() for item in items]
    assert len(everything) == len(set(everything)), "compass ids share one namespace"
    for want in compass["wants"]:
        assert want["for"] and set(want["for"]) <= ids["needs"]
    assert 4 <= len(compass["needs"]) <= 8 and 3 <= len(compass["wants"]) <= 6
    assert 2 <= len(compass["stereotypes"]) <= 4 and 3 <= len(compass["emotions"]) <= 6
    return ids


def check_step(step: dict[str, Any], ids: dict[str, set[str]], tps: set[str]) -> None:
    assert set(step) <= STEP_FIELDS and step["touchpoint"] in tps
    assert step["emotion"] in range(-2, 3)
    expectation = step.get("expectation", 3)
    if isinstance(expectation, dict):
        assert set(expectation) == {"adequate", "desired"}
        assert 1 <= expectation["adequate"] <= expectation["desired"] <= 5
    else:
        assert expectation in range(1, 6)
    assert step.get("delivery", 3) in range(1, 6)
    assert set(step.get("serves", [])) <= ids["needs"] | ids["wants"]
    assert set(step.get("evokes", [])) <= ids["emotions"]
    assert set(step.get("counters", [])) <= ids["stereotypes"]
    assert set(step.get("reinforces", [])) <= ids["stereotypes"]
    assert all(p["severity"] in (1, 2, 3) for p in step.get("pain_points", []))
    for opportunity in step.get("opportunities", []):
        assert {opportunity["effort"], opportunity["impact"]} <= LEVELS
    for lane in ("doing", "thinking"):
        assert isinstance(step.get(lane, ""), str)


def test_persona_references_resolve(workspace: Path) -> None:
    service, personas = load(workspace)
    tps = {tp["id"] for tp in service["touchpoints"]}
    assert len({p["persona"] for p in personas}) == len(personas)
    for persona in personas:
        assert set(persona) <= PERSONA_FIELDS and ID.fullmatch(persona["persona"])
        assert 2 <= len(persona["name"].split()) <= 6 and persona["summary"].endswith(".")
        ids = check_compass(persona["compass"])
        for step in persona["journey"]:
            check_step(step, ids, tps)


def test_stages_mostly_advance(workspace: Path) -> None:
    service, personas = load(workspace)
    order = {s["id"]: n for n, s in enumerate(service["stages"])}
    stage_of = {tp["id"]: order[tp["stage"]] for tp in service["touchpoints"]}
    for persona in personas:
        stages = [stage_of[step["touchpoint"]] for step in persona["journey"]]
        backwards = sum(1 for a, b in zip(stages, stages[1:], strict=False) if b < a)
        assert backwards <= len(stages) // 4


def test_booleans_only_where_meant(workspace: Path) -> None:
    """No YAML 1.1 word (yes/no/on/off) was left bare where text belongs."""

    def walk(node: Any, key: str) -> None:
        if isinstance(node, bool):
            assert key == "moment_of_truth"
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    service, personas = load(workspace)
    walk(service, "")
    walk(personas, "")


@pytest.mark.parametrize(
    "text", ["no", "Yes", "ON", "off", "y", "N", "null", "~", "1.10", "12:30", "", "- a", "a: b",
             "#x", "x #y", "[a]", "{b}", "trailing ", " lead", 'say "hi"', "it's", "a, b", "?"],
)  # fmt: skip
def test_emitter_keeps_strings_strings(text: str) -> None:
    document = {"text": text, "items": [text, {"id": "x", "text": text}], "n": 3, "flag": True}
    assert yaml.safe_load(to_yaml(document)) == document


def test_cli_refuses_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    command = [sys.executable, "-m", "benchmarks.generate", str(tmp_path), "--personas", "2"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "not empty" in result.stderr
    assert (tmp_path / "notes.txt").exists() and not (tmp_path / MARKER).exists()


def test_cli_writes_workspace(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "benchmarks.generate", str(tmp_path / "ws")]
    command += ["--personas", "3", "--touchpoints", "12", "--steps", "5", "--seed", "2"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "ws" / "personas").glob("*.yaml"))) == 3


def test_guestology_validate_accepts_it(workspace: Path) -> None:
    """The project's validator finds no error (warnings are fine: exit code 0)."""
    command = [sys.executable, "-m", "guestology", "validate", str(workspace)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
