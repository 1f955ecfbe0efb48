"""Check a whole workspace: load every file, validate each, assemble, cross-check, find gaps.

``check_workspace`` is the library's entry point for ``guestology validate`` and the first
step of every other command. It reports all problems of all files, sorted by path and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guestology.files import scan_workspace
from guestology.gaps import find_gaps
from guestology.hints import drop_knock_on
from guestology.loading import MAX_FILE_BYTES, is_ignored, load_document
from guestology.model import Persona, Pos, Service, Workspace
from guestology.perf import paused_gc
from guestology.problems import Level, Problem, error, has_errors
from guestology.references import build_workspace

if TYPE_CHECKING:
    from guestology.filecache import FileCache

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
    shown: str
    model: Persona | Service | None
    problems: list[Problem]
    ids: set[str]
    service_at: Pos | None = None  # where a service file's `service:` value stands
    ignore: list[str] = field(default_factory=list)


def check_workspace(
    root: Path,
    max_bytes: int = MAX_FILE_BYTES,
    progress: Progress | None = None,
    cache: FileCache | None = None,
) -> CheckResult:
    """Validate every file under ``root``; the workspace is ``None`` when any file has errors.

    With a ``cache`` (``FileCache.for_workspace(root)``), an unchanged file's result is read
    from it and a changed file's is stored; the checks across files always run.

    The service file is the shallowest file with a ``service:`` key; its ``ignore:`` globs
    leave files out before they are read, checked or counted. Any other service file is a
    ``duplicate-service`` error.
    """
    scan = scan_workspace(root)
    with paused_gc():
        results = _check_files(root, scan.files, max_bytes, progress, cache)
    services = [r for r in results if r.service_at is not None]
    services.sort(key=lambda r: _shallow(r.relative))
    first = services[0] if services else None
    service = first.model if first and isinstance(first.model, Service) else None
    problems = [p for r in results for p in r.problems]
    globs = first.ignore if first else []
    problems += [p for path, p in scan.skipped if not is_ignored(_relative(root, path), globs)]
    broken = {i for r in results if r.model is None for i in r.ids}
    for extra in services[1:]:
        msg = f"a workspace has one service file; the first is {services[0].shown}"
        problems.append(error(extra.shown, extra.service_at or (1, 1), "duplicate-service", msg))
        if isinstance(extra.model, Service):
            broken.update(t.id for t in extra.model.touchpoints)
            broken.update(s.id for s in extra.model.sources)
    personas = [r.model for r in results if isinstance(r.model, Persona)]
    ws, cross = build_workspace(root, service, personas, broken)
    complete = all(r.model is not None for r in results)
    problems += cross + drop_knock_on(find_gaps(ws, complete), ws, personas)
    ok = not has_errors(problems)
    return CheckResult(ws if ok else None, sorted(set(problems), key=_order), len(results))


def _check_files(
    root: Path,
    paths: list[Path],
    max_bytes: int,
    progress: Progress | None,
    cache: FileCache | None = None,
) -> list[_FileResult]:
    """The results of the files that the service file does not ignore, in path order.

    Files are read shallowest first until the service file is found; from then on, a file
    its ``ignore:`` globs name is never read (one read on the way there is dropped).
    """
    relative = {p: _relative(root, p) for p in paths}
    read: dict[Path, _FileResult] = {}
    done, total = 0, len(paths)

    def check(path: Path) -> _FileResult:
        nonlocal done
        if cache is None:
            result = _check_file(relative[path], path, max_bytes)
        else:
            compute = partial(_check_file, relative[path], path, max_bytes)
            result = cache.check(path, relative[path], max_bytes, compute)
        done += 1
        if progress is not None:
            progress(done, total)
        return result

    service, globs = None, []
    for path in sorted(paths, key=lambda p: _shallow(relative[p])):
        read[path] = check(path)
        if read[path].service_at is not None:
            service, globs = path, read[path].ignore
            break
    kept = [p for p in paths if p == service or not is_ignored(relative[p], globs)]
    total = done + sum(1 for p in kept if p not in read)
    return [read[p] if p in read else check(p) for p in kept]


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path != root else path.name


def _shallow(relative: str) -> tuple[int, str]:
    return relative.count("/"), relative


def _order(p: Problem) -> tuple[Any, ...]:
    return (p.path, p.line, p.col, p.level is not Level.ERROR, p.code, p.message)


def _check_file(relative: str, path: Path, max_bytes: int) -> _FileResult:
    # pydantic's classes take 0.07 s to build: a run whose files all come from the cache
    # never builds them (``guestology.schema`` is imported on the first file checked)
    from guestology.schema import validate_document

    doc = load_document(path, max_bytes)
    if doc.data is None:
        return _FileResult(relative, doc.path, None, doc.problems, set())
    model, problems = validate_document(doc)
    ids = set() if model is not None else _declared_ids(doc.data)
    result = _FileResult(relative, doc.path, model, doc.problems + problems, ids)
    if "service" in doc.data and "persona" not in doc.data:
        result.service_at = doc.pos(("service",))
        result.ignore = model.ignore if isinstance(model, Service) else _globs(doc.data)
    return result


def _globs(data: dict[str, Any]) -> list[str]:
    """A broken service file's ``ignore:`` globs, when they at least are a list of text."""
    globs = data.get("ignore")
    if isinstance(globs, list) and all(isinstance(g, str) for g in globs):
        return globs
    return []


def _declared_ids(data: dict[str, Any]) -> set[str]:
    """Ids a broken file meant to declare, so that references to them are not errors too:
    its persona, touchpoints and (a service file's) sources and keys."""
    ids = {data["persona"]} if isinstance(data.get("persona"), str) else set()
    for name in ("touchpoints", "sources"):
        entries = data.get(name)
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                ids.add(entry["id"])
    keys = data.get("keys") if "service" in data else None
    if isinstance(keys, list):
        ids.update(key for key in keys if isinstance(key, str))
    return ids
