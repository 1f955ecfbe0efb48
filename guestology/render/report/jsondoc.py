"""The report as JSON for other tools: stable, versioned (``"format": 1``), documented field
by field in ``docs/report.md``.

Top level: ``format``, ``generator``, ``service``, ``personas``, ``filtered``, ``summary``
(counts), ``findings`` (every finding, most important first) and ``sections`` (each
section's tables, without its findings, which are in ``findings`` with their ``section``).
Keys keep a fixed order; numbers are plain JSON numbers; missing values are ``null``.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from guestology.analysis.findings import SEVERITY_NAMES, sort_findings

if TYPE_CHECKING:
    from guestology.analysis import Finding, Report

FORMAT = 1


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The document. Indented by default, one level deep: every finding, and every section,
    on a line of its own, which reads well in a diff and lets the fast C encoder write each
    line (a fully indented dump of a 1,000-persona report took 3x the time and the memory).
    ``indent=None`` gives one line."""
    if indent is None:
        return json.dumps(to_document(report), ensure_ascii=False) + "\n"
    return "".join(iter_json(report, indent=indent))


def iter_json(report: Report, *, indent: int = 2) -> Iterator[str]:
    """``to_json``'s text, line by line, each finding made into JSON only when its line is
    reached: the CLI writes a large report as it comes (at 1,000 personas the whole text,
    the finding dicts and the bytes together held 200 MB more than the report itself)."""
    from guestology.perf import paused_gc

    with paused_gc():
        document = _document(report)
        pad = " " * indent
        yield "{\n"
        for index, (key, value) in enumerate(document.items()):
            comma = "," if index < len(document) - 1 else ""
            if isinstance(value, (list, dict)) and value:
                yield from _one_level(key, value, pad, comma)
            else:
                yield f"{pad}{_dump(key)}: {_dump(value)}{comma}\n"
        yield "}\n"


def _one_level(key: str, value: list[Any] | dict[str, Any], pad: str, comma: str) -> Iterator[str]:
    """A list or mapping with each entry on a line of its own (findings made lazily)."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    yield f"{pad}{_dump(key)}: {'{' if isinstance(value, dict) else '['}\n"
    last = len(value) - 1
    for i, (k, v) in enumerate(items):
        name = f"{_dump(k)}: " if isinstance(value, dict) else ""
        entry = _LAZY[key](v) if key in _LAZY else v
        yield f"{pad}{pad}{name}{_dump(entry)}{',' if i < last else ''}\n"
    yield f"{pad}{'}' if isinstance(value, dict) else ']'}{comma}\n"


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def to_document(report: Report) -> dict[str, Any]:
    """The JSON document as Python data (what ``to_json`` serialises)."""
    document = _document(report)
    document["findings"] = [finding_dict(f) for f in document["findings"]]
    document["sections"] = {name: section_dict(s) for name, s in document["sections"].items()}
    return document


def _document(report: Report) -> dict[str, Any]:
    """``to_document`` with the findings and sections still objects (``_LAZY`` makes each
    JSON data when its line is written)."""
    from guestology import __version__
    from guestology.analysis import SECTIONS

    findings = sort_findings(report.findings())
    counts = Counter(f.severity for f in findings)
    return {
        "format": FORMAT,
        "generator": f"guestology {__version__}",
        "service": report.service,
        "filtered": report.filtered,
        "personas": [{"id": p, "name": report.persona_name(p)} for p in report.personas],
        "summary": {
            "findings": len(findings),
            "by_severity": {
                SEVERITY_NAMES[s]: counts.get(s, 0) for s in sorted(SEVERITY_NAMES, reverse=True)
            },
            "by_section": {name: len(getattr(report, name).findings) for name in SECTIONS},
        },
        "findings": findings,
        "sections": {name: getattr(report, name) for name in SECTIONS},
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        **finding.to_dict(),
        "severity_name": finding.severity_name,
        "key": list(finding.key()),
    }


def section_dict(section: Any) -> dict[str, Any]:
    """A section's data, without ``findings``; tuples become lists, sets sorted lists."""
    fields = [f.name for f in dataclasses.fields(section) if f.name != "findings"]
    return {name: plain(getattr(section, name)) for name in fields}


def plain(value: Any) -> Any:
    """JSON-ready data: dataclasses become objects (field order), tuples lists, floats rounded."""
    kind = type(value)
    if kind in (str, int, bool) or value is None:
        return value
    if kind is float:
        return round(value, 4)
    if kind in (list, tuple):
        return [plain(v) for v in value]
    if kind is dict:
        return {str(k): plain(v) for k, v in value.items()}
    if kind in (set, frozenset):
        return sorted(plain(v) for v in value)
    names = _fields(kind)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    return value


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names (cached), or ``None`` for any other type."""
    if kind not in _FIELDS:
        is_data = dataclasses.is_dataclass(kind)
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind)) if is_data else None
    return _FIELDS[kind]


_LAZY = {"findings": finding_dict, "sections": section_dict}  # key -> entry as JSON data
