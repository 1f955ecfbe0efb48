"""Import journeys from other tools and export workspaces to them (docs/interop.md).

``import_source(path)`` reads a mermaid journey (``.mmd``, or ``.md`` mermaid blocks), a CSV
journey map or an enablement-map-studio YAML file and returns the workspace files it makes
(checked: they validate), with the assumptions it took. ``export_workspace(ws, fmt)``
returns the exported text or bytes, with notes on what it had to change. Neither touches the
disk beyond reading ``path``: the CLI writes.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from guestology.interop.draft import Draft, ImportProblems, problem
from guestology.interop.writer import to_files
from guestology.problems import GuestologyError, Level, Problem

IMPORT_FORMATS = {
    ".mmd": "mermaid", ".mermaid": "mermaid", ".md": "markdown", ".markdown": "markdown",
    ".csv": "csv", ".yaml": "ems", ".yml": "ems",
}  # fmt: skip
MAX_SOURCE_BYTES = 5_000_000

__all__ = ["IMPORT_FORMATS", "ImportProblems", "Imported", "import_source"]


@dataclass
class Imported:
    draft: Draft
    files: dict[str, str]
    warnings: list[Problem] = field(default_factory=list)  # what `validate` will say

    def summary(self) -> str:
        steps = sum(len(p.steps) for p in self.draft.personas)
        touchpoints = len({(s.stage, s.touchpoint) for p in self.draft.personas for s in p.steps})
        return (f"stages: {len(self.draft.stage_order())}, touchpoints: {touchpoints},"
                f" personas: {len(self.draft.personas)}, steps: {steps}")  # fmt: skip


def import_format(path: Path, given: str | None) -> str:
    """``--from`` wins, else the suffix; ``GuestologyError`` when neither says."""
    fmt = given or IMPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(IMPORT_FORMATS))
        raise GuestologyError(f"{path}: cannot tell the format from `{path.suffix}` ({known}):"
                              " use --from mermaid|markdown|csv|ems")  # fmt: skip
    return fmt


def import_source(path: Path, fmt: str | None = None) -> Imported:
    """Read ``path`` and make a workspace of it; ``ImportProblems`` when it cannot."""
    from guestology.interop.from_csv import read_csv
    from guestology.interop.from_ems import read_ems
    from guestology.interop.from_mermaid import read_mermaid

    kind = import_format(path, fmt)
    text = _read(path)
    if kind in ("mermaid", "markdown"):
        draft = read_mermaid(text, path, markdown=kind == "markdown")
    elif kind == "csv":
        draft = read_csv(text, path)
    else:
        draft = read_ems(text, path)
    files = to_files(draft)
    return Imported(draft, files, _validate(files))


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise GuestologyError(f"{path}: larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise GuestologyError(f"{path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", "replace")
        at = (before.count("\n") + 1, len(before) - before.rfind("\n"))
        raise ImportProblems([problem(str(path), at, "not-utf8", "not UTF-8 text")]) from None


def _validate(files: dict[str, str]) -> list[Problem]:
    """Check the files as ``guestology validate`` will; an error here is a bug of ours."""
    from guestology.workspace import check_workspace

    with tempfile.TemporaryDirectory(prefix="guestology-import-") as folder:
        root = Path(folder) / "workspace"
        for relative, text in files.items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text, encoding="utf-8")
        result = check_workspace(root)
        shown = [replace(p, path=p.path.removeprefix(f"{root}/")) for p in result.problems]
    found = [p for p in shown if p.level is Level.ERROR]
    if found:  # the writer made a file that does not validate: never the user's fault
        raise AssertionError("imported workspace does not validate: " + found[0].format())
    return shown
