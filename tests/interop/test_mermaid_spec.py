"""Mermaid's own journey spec cases (tests/data/mermaid/, MIT): guestology reads exactly what
mermaid's tests assert, and each imports to a workspace that validates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from guestology.interop.mermaid_text import Mapped, decode, mermaid_blocks
from tests.interop.helpers import CASES, DATA, as_mermaid_db, import_text, parse

SPEC_FILES = ["journey.spec.js", "journeyDb.spec.js", "userJourney.md"]


def spec_text() -> str:
    return "".join((DATA / "mermaid" / name).read_text("utf-8") for name in SPEC_FILES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_reads_what_mermaids_spec_asserts(case: dict[str, Any]) -> None:
    got = as_mermaid_db(parse(case["text"]))
    for key, expected in case["expect"].items():
        assert got[key] == expected, key


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_spec_journey_imports_to_a_valid_workspace(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    imported = import_text(tmp_path, "case.mmd", case["text"])  # validated inside, or raises
    tasks = case["expect"].get("tasks", [])
    steps = sum(len(t["people"]) if any(t["people"]) else 1 for t in tasks)
    assert sum(len(p.steps) for p in imported.draft.personas) == steps
    emotions = [s.emotion for p in imported.draft.personas for s in p.steps]
    assert all(-2 <= e <= 2 for e in emotions)


def test_the_db_spec_journey_gives_its_actors_as_personas(tmp_path: Path) -> None:
    case = next(c for c in CASES if c["name"] == "db-tasks-and-actors")
    imported = import_text(tmp_path, "shops.mmd", case["text"])
    by_name = {
        p.name: [(s.stage, s.touchpoint, s.emotion) for s in p.steps]
        for p in imported.draft.personas
    }
    assert sorted(by_name) == ["Child#1", "Child#2", "Dad", "Mum"]
    assert by_name["Dad"] == [
        ("Journey to the shops", "Get car keys", 2),  # score 5 - 3
        ("Journey to the shops", "Go to car", 0),
        ("Journey to the shops", "Drive to supermarket", 1),
    ]
    assert by_name["Mum"] == [
        ("Journey to the shops", "Go to car", 0),
        ("Do shopping", "Go shopping", 2),
    ]
    assert set(imported.files) == {"service.yaml", "guests/child-1.yaml", "guests/child-2.yaml",
                                   "guests/dad.yaml", "guests/mum.yaml"}  # fmt: skip


def test_the_cases_come_from_the_copied_files() -> None:
    """Each case's lines are in mermaid's files (the db case as the addTask calls it makes)."""
    copied = spec_text() + (DATA / "mermaid" / "PROVENANCE.md").read_text("utf-8")
    for case in CASES:
        if case["from"].startswith("cypress"):
            continue  # mermaid's rendering tests: not copied, named in PROVENANCE.md
        for line in case["text"].splitlines():
            words = decode(line.strip()).lstrip("}")  # `}` + 'title...'
            words = re.sub(r"^(section|accTitle:|accDescr:)\s*", "", words)  # addSection('...')
            words = words.split(":")[0].strip()
            assert words.replace("\t", "\\t") in copied, (case["name"], line)  # JS escapes


def test_the_docs_example_is_a_case() -> None:
    docs = (DATA / "mermaid" / "userJourney.md").read_text("utf-8")
    blocks = [b for b in mermaid_blocks(docs.replace("mermaid-example", "mermaid"))]
    assert len(blocks) == 1
    assert blocks[0].text == next(c["text"] for c in CASES if c["name"] == "docs-working-day")
    assert isinstance(blocks[0], Mapped)
