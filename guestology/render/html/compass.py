"""View data for the Guest Compass: Needs (N), Wants (W), Stereotypes (S), Emotions (E).

Each item says how the journey answers it: which steps serve a need or want, counter or
reinforce a stereotype, evoke an emotion; an unmet need or an unanswered negative stereotype
is flagged, so the compass is a checklist as well as a portrait.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from guestology.analysis.needs import NeedStatus
from guestology.analysis.report import Report
from guestology.model import Persona

PRIORITY_MARK = {"high": "\u25b2\u25b2\u25b2", "medium": "\u25b2\u25b2", "low": "\u25b2"}


def _at(indexes: Sequence[int]) -> str:
    steps = ", ".join(str(i + 1) for i in indexes)
    return f"step {steps}" if len(indexes) == 1 else f"steps {steps}"


def compass_view(persona: Persona, report: Report) -> dict[str, Any]:
    """The four points of the compass, in reading order N, W, S, E (counter-clockwise),
    each item with the report's verdict: met, weak, failed or unmet; countered or not."""
    pid = persona.id
    needs_text = {n.id: n.text for n in persona.compass.needs}
    needs = [
        _item(n.text, n.priority, *_served(report.needs.status(pid, n.id), "unmet need"))
        for n in persona.compass.needs
    ]
    wants = []
    for want in persona.compass.wants:
        status = _served(report.needs.status(pid, want.id), "not served")
        item = _item(want.text, want.priority, *status)
        item["note"] = (
            "for: " + "; ".join(needs_text.get(n, n) for n in want.for_) if want.for_ else ""
        )
        wants.append(item)
    stereotypes = [
        _stereotype(s.text, s.valence, s.countered_at, s.reinforced_at)
        for s in report.stereotypes.of(pid)
    ]
    emotions = []
    for emotion in report.emotions.evoked_of(pid):
        at = emotion.steps
        status = ("ok", f"evoked at {_at(at)}") if at else ("none", "never evoked")
        emotions.append(_valenced(emotion.text, emotion.valence, *status))
    return {
        "points": [
            {"key": "N", "name": "Needs", "css": "needs", "entries": needs,
             "hint": "must-haves, by priority"},
            {"key": "W", "name": "Wants", "css": "wants", "entries": wants,
             "hint": "preferences tied to needs"},
            {"key": "S", "name": "Stereotypes", "css": "stereotypes", "entries": stereotypes,
             "hint": "preconceptions to counter or reinforce"},
            {"key": "E", "name": "Emotions", "css": "emotions", "entries": emotions,
             "hint": "how they feel along the way"},
        ],
        "unmet": sum(1 for n in needs if n["status"] in ("gap", "failed")),
    }  # fmt: skip


def _served(status: NeedStatus | None, missing: str) -> tuple[str, str]:
    """``(css status, words)``: met (``ok``), weak (it fails at some serving step), failed
    (it fails wherever it is served), or the ``missing`` words when no step serves it."""
    if status is None or status.status == "unmet":
        return "gap", missing
    where = f"served at {_at(status.steps)}"
    why = "; ".join(status.reasons)
    if status.status == "failed":
        return "failed", f"failed: {where}, but it goes wrong there ({why})"
    if status.status == "weak":
        return "weak", f"weak: {where}; goes wrong at {_at(status.failing)} ({why})"
    return "ok", where


def _item(text: str, priority: str, status: str, status_text: str) -> dict[str, Any]:
    return {
        "text": text,
        "priority": priority,
        "priority_mark": PRIORITY_MARK[priority],
        "status": status,
        "status_text": status_text,
        "note": "",
    }


def _valenced(text: str, valence: str, status: str, status_text: str) -> dict[str, Any]:
    sign = "+" if valence == "positive" else "\u2212"
    return {
        "text": text,
        "valence": valence,
        "valence_mark": sign,
        "status": status,
        "status_text": status_text,
        "note": "",
    }


def _stereotype(
    text: str, valence: str, countered: Sequence[int], reinforced: Sequence[int]
) -> Any:
    parts = []
    if countered:
        parts.append(f"countered at {_at(countered)}")
    if reinforced:
        parts.append(f"reinforced at {_at(reinforced)}")
    good = countered if valence == "negative" else reinforced
    bad = reinforced if valence == "negative" else countered
    status = "gap" if bad or not good else "ok"
    if not parts:
        parts.append("not addressed")
    return _valenced(text, valence, status, "; ".join(parts))
