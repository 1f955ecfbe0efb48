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
from typing import TYPE_CHECKING, Any

from guestology.analysis.findings import SEVERITY_NAMES, sort_findings

if TYPE_CHECKING:
    from guestology.analysis import Finding, Report

FORMAT = 1


def to_json(report: Report, *, indent: int | None = 2) -> str:
    return json.dumps(to_document(report), indent=indent, ensure_ascii=False) + "\n"


def to_document(report: Report) -> dict[str, Any]:
    """The JSON document as Python data (what ``to_json`` serialises)."""
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
        "findings": [finding_dict(f) for f in findings],
        "sections": {name: section_dict(getattr(report, name)) for name in SECTIONS},
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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, float):
        return round(value, 4)
    return value
