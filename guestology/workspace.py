"""Check a whole workspace: load every file, validate each, assemble, cross-check, find gaps.

``check_workspace`` is the library's entry point for ``guestology validate`` and the first
step of every other command. It reports all problems of all files, sorted by path and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guestology.gaps import find_gaps
from guestology.loading import MAX_FILE_BYTES, find_workspace_files, is_ignored, load_document
from guestology.model import Persona, Service, Workspace
from guestology.perf import paused_gc
from guestology.problems import Level, Problem, error, has_errors
from guestology.references import build_workspace
from guestology.schema import validate_document

Progress = Callable[[int, int], None]


@dataclass
class CheckResult:
    workspace: Workspace | None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def count(self, level: Level) -> int:
        return sum(1 for p in self.problems if p.level is level)

    def passed(self, strict: bool = False) -> bool:
        """No errors; with ``strict``, no warnings either."""
        return self.ok and not (strict and self.count(Level.WARNING))

    def to_dict(self, strict: bool = False) -> dict[str, Any]:
        """The JSON document of ``guestology validate --format json`` (its ``format`` is 1)."""
        return {
            "format": 1,
            "files": self.files,
            "errors": self.count(Level.ERROR),
            "warnings": self.count(Level.WARNING),
            "ok": self.passed(strict),
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass
class _FileResult:
    relative: str
    model: Persona | Service | None
    problems: list[Problem]
    ids: set[str]


def check_workspace(
    root: Path, max_bytes: int = MAX_FILE_BYTES, progress: Progress | None = None
) -> CheckResult:
    """Validate every file under ``root``; the workspace is ``None`` when any file has errors."""
    paths = find_workspace_files(root)
    results = []
    with paused_gc():
        for done, path in enumerate(paths, start=1):
            results.append(_check_file(root, path, max_bytes))
            if progress is not None:
                progress(done, len(paths))
    services = sorted(
        ((r.relative, r.model) for r in results if isinstance(r.model, Service)),
        key=lambda pair: (pair[0].count("/"), pair[0]),
    )
    service = services[0][1] if services else None
    kept = [r for r in results if not is_ignored(r.relative, service.ignore if service else [])]
    problems = [p for r in kept for p in r.problems]
    for _, extra in services[1:]:
        msg = f"a workspace has one service file; the first is {services[0][1].where()[0]}"
        problems.append(error(*extra.where("service"), "duplicate-service", msg))
    personas = [r.model for r in kept if isinstance(r.model, Persona)]
    broken = {i for r in kept if r.model is None for i in r.ids}
    broken.update(t.id for _, extra in services[1:] for t in extra.touchpoints)
    ws, cross = build_workspace(root, service, personas, broken)
    complete = all(r.model is not None for r in kept)
    problems += cross + find_gaps(ws, complete)
    ok = not has_errors(problems)
    return CheckResult(ws if ok else None, sorted(set(problems), key=_order), len(kept))


def _order(p: Problem) -> tuple[Any, ...]:
    return (p.path, p.line, p.col, p.level is not Level.ERROR, p.code, p.message)


def _check_file(root: Path, path: Path, max_bytes: int) -> _FileResult:
    relative = path.relative_to(root).as_posix() if path != root else path.name
    doc = load_document(path, max_bytes)
    if doc.data is None:
        return _FileResult(relative, None, doc.problems, set())
    model, problems = validate_document(doc)
    ids = set() if model is not None else _declared_ids(doc.data)
    return _FileResult(relative, model, doc.problems + problems, ids)


def _declared_ids(data: dict[str, Any]) -> set[str]:
    """Ids a broken file meant to declare, so that references to them are not errors too."""
    ids = {data["persona"]} if isinstance(data.get("persona"), str) else set()
    touchpoints = data.get("touchpoints")
    for tp in touchpoints if isinstance(touchpoints, list) else []:
        if isinstance(tp, dict) and isinstance(tp.get("id"), str):
            ids.add(tp["id"])
    return ids
