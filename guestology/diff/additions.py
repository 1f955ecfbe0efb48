"""Diff of the format 1.1 additions: evidence, loyalty, recoveries, pain keys, causes and
themes and research sources (the designed ``future:`` journey is ``journey``'s).

Texts follow the rest of the diff: ids in backticks, ``->`` for "became"; evidence is
compared by the source ids cited (a quote reworded is a change of that citation).
"""

from __future__ import annotations

from collections.abc import Sequence

from guestology.diff.changes import Change
from guestology.model import Citation, PainPoint, Persona, Quote, Service, Step, cited, dump


def citations(evidence: Sequence[Citation]) -> dict[str, str | None]:
    """Source id -> its quote (``None`` for a plain id), in order."""
    return {c.source if isinstance(c, Quote) else c: _quote_of(c) for c in evidence}


def _quote_of(c: Citation) -> str | None:
    return c.quote if isinstance(c, Quote) else None


def evidence_texts(old: Sequence[Citation], new: Sequence[Citation]) -> list[str]:
    """``evidence added: `survey-q2```, ``evidence removed: ...``, a quote changed."""
    a, b = citations(old), citations(new)
    out = [f"evidence added: `{s}`" for s in b if s not in a]
    out += [f"evidence removed: `{s}`" for s in a if s not in b]
    out += [f"evidence `{s}`: quote changed" for s in b if s in a and a[s] != b[s]]
    return out


def persona_additions(old: Persona, new: Persona) -> list[Change]:
    """The persona's own evidence and its loyalty."""
    out = [
        Change("evidence-changed", "evidence", text, cited(old.evidence), cited(new.evidence))
        for text in evidence_texts(old.evidence, new.evidence)
    ]
    parts = []
    for name in ("returns", "recommend"):
        before = getattr(old.loyalty, name) if old.loyalty else None
        after = getattr(new.loyalty, name) if new.loyalty else None
        if before != after:
            parts.append(f"{name} {_value(before)} -> {_value(after)}")
    if parts:
        before_d = dump(old.loyalty) if old.loyalty else None
        after_d = dump(new.loyalty) if new.loyalty else None
        out.append(Change("loyalty-changed", "loyalty", "loyalty: " + ", ".join(parts),
                          before_d, after_d))  # fmt: skip
    return out


def step_additions(old: Step, new: Step) -> list[str]:
    """A matched step's 1.1 details: ``recovers``, evidence, pain keys, causes and themes."""
    out = []
    if old.recovers != new.recovers:
        out.append(f"recovers `{old.recovers or 'none'}` -> `{new.recovers or 'none'}`")
    out += evidence_texts(old.evidence, new.evidence)
    a, b = {p.text: p for p in old.pain_points}, {p.text: p for p in new.pain_points}
    for text in (t for t in b if t in a):
        out += [f"pain point {_short(text)}: {t}" for t in pain_additions(a[text], b[text])]
    return out


def pain_additions(old: PainPoint, new: PainPoint) -> list[str]:
    out = []
    for name in ("key", "cause"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            out.append(f"{name} {_value(before)} -> {_value(after)}")
    gained = [t for t in new.themes if t not in old.themes]
    lost = [t for t in old.themes if t not in new.themes]
    out += [f"theme added: `{t}`" for t in gained] + [f"theme removed: `{t}`" for t in lost]
    return out + evidence_texts(old.evidence, new.evidence)


def source_changes(old: Service, new: Service) -> list[Change]:
    """Research sources added, removed, or changed (kind, n, date, note)."""
    a, b = {s.id: s for s in old.sources}, {s.id: s for s in new.sources}
    out = [Change("source-added", i, f"source `{i}` added ({b[i].kind})") for i in b if i not in a]
    out += [Change("source-removed", i, f"source `{i}` removed") for i in a if i not in b]
    for ident in (i for i in b if i in a):
        before, after = dump(a[ident]), dump(b[ident])
        keys = [k for k in after if k != "id" and before[k] != after[k]]
        if keys:
            text = f"source `{ident}`: " + ", ".join(
                f"{k} {_value(before[k])} -> {_value(after[k])}" for k in keys
            )
            out.append(Change("source-changed", ident, text, {k: before[k] for k in keys},
                              {k: after[k] for k in keys}))  # fmt: skip
    return out


def _value(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _short(text: str, limit: int = 40) -> str:
    return '"' + (text if len(text) <= limit else text[: limit - 3].rstrip() + "...") + '"'
