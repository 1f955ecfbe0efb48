"""Builders for hand-made test workspaces: ``tp``, ``persona``, ``step`` return mappings
as a designer would write them in YAML (see ``conftest.make_graph``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

STAGES = ["plan", "visit", "after"]


def tp(id: str, stage: str = "visit", **fields: Any) -> dict:
    """A touchpoint mapping (in-person by default)."""
    return {"id": id, "name": fields.pop("name", id.replace("-", " ").title()), "stage": stage,
            "channel": fields.pop("channel", "in-person"), **fields}  # fmt: skip


def persona(
    id: str, journey: list[dict], kind: str = "guest", extra: dict | None = None, **compass: list
) -> dict:
    """A persona mapping; ``compass`` takes needs=, wants=, stereotypes=, emotions=;
    ``extra`` adds top-level fields (``loyalty``, ``future``, ``evidence``)."""
    return {"persona": id, "name": id.replace("-", " ").title(), "kind": kind,
            "compass": compass, "journey": journey, **(extra or {})}  # fmt: skip


def step(touchpoint: str, emotion: int, **fields: Any) -> dict:
    return {"touchpoint": touchpoint, "emotion": emotion, **fields}


def write_workspace(
    root: Path, touchpoints: list[dict], personas: list[dict], **service: Any
) -> Path:
    root.mkdir(parents=True)
    doc = {"service": "Test Park", "stages": STAGES, "touchpoints": touchpoints, **service}
    (root / "service.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    for persona in personas:
        text = yaml.safe_dump(persona, sort_keys=False)
        (root / f"{persona['persona']}.yaml").write_text(text, encoding="utf-8")
    return root
