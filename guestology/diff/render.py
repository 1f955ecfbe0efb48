"""A ``WorkspaceDiff`` as text (a terminal), Markdown (a pull-request comment) or JSON."""

from __future__ import annotations

import json

from guestology.diff.changes import Change, Curve, FindingChange, PersonaDiff, WorkspaceDiff
from guestology.render.common import signed


def summary(diff: WorkspaceDiff) -> str:
    """``1 persona changed, 2 touchpoints changed; 1 finding appeared, 1 disappeared``."""
    parts = []
    for status in ("changed", "added", "removed"):
        count = sum(1 for p in diff.personas if p.status == status)
        if count:
            parts.append(f"{_count(count, 'persona')} {status}")
    if diff.touchpoints:
        parts.append(f"{_count(len(diff.touchpoints), 'touchpoint change')}")
    if diff.service:
        parts.append(f"{_count(len(diff.service), 'service change')}")
    found = []
    if diff.appeared():
        found.append(f"{_count(len(diff.appeared()), 'finding')} appeared")
    if diff.disappeared():
        found.append(f"{_count(len(diff.disappeared()), 'finding')} disappeared")
    return "; ".join(x for x in (", ".join(parts), ", ".join(found)) if x)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _persona_head(p: PersonaDiff) -> str:
    if p.status == "changed":
        return f"persona `{p.id}` ({p.name})"
    curve = p.curve_after if p.status == "added" else p.curve_before
    steps = _count(curve.steps if curve else 0, "step")
    return f"persona `{p.id}` ({p.name}) {p.status}, {steps}"


def _finding_line(f: FindingChange) -> str:
    where = f"  ({f.location})" if f.location else ""
    return f"{f.sign} [{f.severity_name}] {f.title}{where}"


def to_text(diff: WorkspaceDiff) -> str:
    """Plain text for a terminal: a header, a block per persona, touchpoints, findings."""
    where = f", workspace `{diff.workspace}`" if diff.workspace not in ("", ".") else ""
    lines = [f"guestology diff: {diff.old} -> {diff.new}{where}", *diff.notes]
    if not diff.changed:
        return "\n".join([*lines, "", "No semantic changes."]) + "\n"
    blocks: list[tuple[str, list[str]]] = [("service", [c.text for c in diff.service])]
    blocks.append(("touchpoints", [c.text for c in diff.touchpoints]))
    blocks += [(_persona_head(p), [c.text for c in p.ordered()]) for p in diff.personas]
    blocks.append(("findings", [_finding_line(f) for f in diff.findings]))
    for head, items in blocks:
        if items or head.startswith("persona"):
            lines += ["", head, *(f"  {item}" for item in items)]
    return "\n".join([*lines, "", summary(diff) + "."]) + "\n"


def to_json(diff: WorkspaceDiff) -> str:
    return json.dumps(diff.to_dict(), indent=2, ensure_ascii=False) + "\n"


def to_markdown(diff: WorkspaceDiff) -> str:
    """GitHub-flavoured Markdown for a pull-request comment."""
    where = f" in `{diff.workspace}`" if diff.workspace not in ("", ".") else ""
    lines = [f"### Guestology changes{where}", "", f"{_md(diff.old)} → {_md(diff.new)}", ""]
    lines += [f"> {_md(note)}" for note in diff.notes] + ([""] if diff.notes else [])
    if not diff.changed:
        return "\n".join([*lines, "No semantic changes."]) + "\n"
    lines += [f"**{summary(diff)}**", ""]
    for title, changes in (("Service", diff.service), ("Touchpoints", diff.touchpoints)):
        if changes:
            lines += [f"#### {title}", "", *_bullets(changes), ""]
    for persona in diff.personas:
        lines += _md_persona(persona)
    if diff.findings:
        lines += _md_findings(diff)
    return "\n".join(lines).rstrip() + "\n"


def _md_persona(p: PersonaDiff) -> list[str]:
    head = f"#### {_md(p.name)} (`{p.id}`)"
    if p.status != "changed":
        curve = p.curve_after if p.status == "added" else p.curve_before
        steps = _count(curve.steps if curve else 0, "step")
        return [head, "", f"_{'New persona' if p.status == 'added' else 'Removed'}: {steps}._", ""]
    out = [head, "", *_bullets([c for c in p.ordered() if c.kind != "curve-changed"]), ""]
    if any(c.kind == "curve-changed" for c in p.changes):
        out += _md_curve(p.curve_before, p.curve_after)
    return out


def _md_curve(before: Curve | None, after: Curve | None) -> list[str]:
    def row(name: str, c: Curve | None) -> str:
        if c is None:
            return f"| {name} | – | – | – |"
        return f"| {name} | {signed(c.mean, 2)} | {signed(c.peak)} | {signed(c.end)} |"

    head = "| Emotion curve | mean | peak | end |\n|---|---:|---:|---:|"
    return [head, row("before", before), row("after", after), ""]


def _md_findings(diff: WorkspaceDiff) -> list[str]:
    out = ["#### Report findings", ""]
    for label, found in (("New", diff.appeared()), ("No longer reported", diff.disappeared())):
        if found:
            out += [f"{label}:", ""]
            out += [f"- **{f.severity_name}** {_md(f.title)}{_md_where(f)}" for f in found]
            out.append("")
    return out


def _md_where(f: FindingChange) -> str:
    return f" — `{f.location}`" if f.location else ""


def _bullets(changes: list[Change]) -> list[str]:
    return [f"- {_md(c.text)}" for c in changes]


def _md(text: str) -> str:
    """Safe in a comment: no HTML, no @-mentions; ``->`` drawn as an arrow."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("-&gt;", "→").replace("@", "&#64;")
