"""enablement-map-studio's customer journey map (``kind: cjm``) as a ``Draft``.

The studio (suwa-sh/enablement-map-studio, MIT; ``packages/dsl/src/schemas/cjm.json``)
keeps several YAML documents in one file; each ``kind: cjm`` document has ``persona``
(``name``, ``description``), ``phases`` (``id``, ``name``) and ``actions`` (``id``, ``name``,
``phase``, ``touchpoints``, ``thoughts_feelings``, ``emotion_score`` -2..2). Phases become
stages, each action a touchpoint and a step (ordered by phase, as the studio draws them),
its thoughts the step's ``thinking``; its own touchpoints are kept as a comment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from guestology.interop.draft import Draft, DraftStep, ImportProblems, problem, service_name, words
from guestology.parsing import Parsed, parse_yaml
from guestology.problems import Problem
from guestology.render.common import plural

DOCUMENT_START = re.compile(r"^---[ \t]*(?:#.*)?$", re.M)


def documents(text: str, path: str) -> list[Parsed]:
    """Each ``---``-separated document, parsed with positions in the whole file."""
    starts = [0, *(m.end() for m in DOCUMENT_START.finditer(text))]
    ends = [*(m.start() for m in DOCUMENT_START.finditer(text)), len(text)]
    parsed = []
    for start, end in zip(starts, ends, strict=True):
        padding = "\n" * text.count("\n", 0, start)
        parsed.append(parse_yaml(padding + text[start:end], path))
    return parsed


def read_ems(text: str, path: Path) -> Draft:
    shown = str(path)
    docs = documents(text.removeprefix("\ufeff"), shown)
    problems = [p for d in docs for p in d.problems]
    if problems:
        raise ImportProblems(problems)
    maps = [d for d in docs if isinstance(d.data, dict) and d.data.get("kind") == "cjm"]
    if not maps:
        kinds = [str(d.data.get("kind")) for d in docs if isinstance(d.data, dict)]
        found = f" (found kind {words(kinds)})" if kinds else ""
        msg = f"no `kind: cjm` document (an enablement-map-studio journey map){found}"
        raise ImportProblems([problem(shown, (1, 1), "not-journey-ems", msg)])
    draft = Draft(path.name, "an enablement-map-studio journey map", service_name(path))
    for doc in maps:
        problems += _add(draft, doc, shown)
    if problems:
        raise ImportProblems(problems)
    if len(maps) < len(docs):
        draft.assumptions.append(
            f"skipped {plural(len(docs) - len(maps), 'document')} other than cjm"
        )
    draft.assumptions.append("actions are ordered by phase, as the studio draws them")
    return draft


def _add(draft: Draft, doc: Parsed, path: str) -> list[Problem]:
    data: dict[str, Any] = doc.data
    problems: list[Problem] = []

    def check(where: tuple[Any, ...], ok: bool, message: str) -> bool:
        if not ok:
            at = doc.positions.get(where, doc.positions.get(where[:-1], (1, 1)))
            problems.append(problem(path, at, "not-journey-ems", message))
        return ok

    phases: list[Any] = data.get("phases")  # type: ignore[assignment]  # checked next
    actions: list[Any] = data.get("actions")  # type: ignore[assignment]
    if not check(("phases",), isinstance(phases, list), "`phases` must be a list") or not check(
        ("actions",), isinstance(actions, list), "`actions` must be a list"
    ):
        return problems
    names: dict[str, str] = {}
    for i, phase in enumerate(phases):
        if check(("phases", i), _has_text(phase, "id", "name"), "a phase needs `id` and `name`"):
            names[phase["id"]] = phase["name"]
            if phase["name"] not in draft.stages:
                draft.stages.append(phase["name"])
    persona: dict[str, Any] = data["persona"] if isinstance(data.get("persona"), dict) else {}
    name = str(persona.get("name") or data.get("id") or "guest")
    steps = []
    for i, action in enumerate(actions):
        at = ("actions", i)
        if not check(at, _has_text(action, "id", "name", "phase"), "an action needs `id`,"
                     " `name`, `phase` and `emotion_score`"):  # fmt: skip
            continue
        score = action.get("emotion_score")
        ok = isinstance(score, int) and not isinstance(score, bool) and -2 <= score <= 2
        check((*at, "emotion_score"), ok, f"emotion_score must be -2..2, got `{score}`")
        known = check((*at, "phase"), action["phase"] in names, f"unknown phase "
                      f"`{action['phase']}`; the phases are {words(names)}")  # fmt: skip
        if ok and known:
            steps.append((list(names).index(action["phase"]), _step(action, names, doc, at)))
    draft.persona(name).steps += [step for _, step in sorted(steps, key=lambda s: s[0])]
    draft.persona(name).summary = persona.get("description") or None
    return problems


def _step(action: dict[str, Any], phases: dict[str, str], doc: Parsed, at: Any) -> DraftStep:
    thoughts = [str(t) for t in action.get("thoughts_feelings") or []]
    touchpoints = [str(t) for t in action.get("touchpoints") or []]
    line = doc.positions.get(at, (0, 0))[0]
    step = DraftStep(phases[action["phase"]], str(action["name"]), action["emotion_score"])
    step.thinking = "; ".join(thoughts) or None
    step.origin = f"{action['id']}, line {line}"
    step.note = f"touchpoints: {', '.join(touchpoints)}" if touchpoints else None
    return step


def _has_text(value: Any, *keys: str) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(k), str) for k in keys)
