"""Frugal wow: opportunities and small wow gestures, ranked by value for money.

Every opportunity and wow gesture is grouped by touchpoint and text (one idea listed by
several personas is one idea) and scored::

    score = impact / effort  x  (1 + how negative the moment is)  x  personas passing through

with low/medium/high = 1/2/3, "how negative" = minus the lowest emotion among the steps that
list the idea (0 when that is not negative), and the personas passing through = every
persona in scope whose journey visits the touchpoint. A wow gesture is frugal by nature:
it counts as effort low, impact medium.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from guestology.analysis.findings import MINOR, NOTABLE, NOTE, Finding
from guestology.analysis.view import View, where_of
from guestology.graph_types import StepAttrs
from guestology.model import Opportunity
from guestology.render.common import name_list, signed

GRADE = {"low": 1, "medium": 2, "high": 3}
WOW_EFFORT, WOW_IMPACT = "low", "medium"


@dataclass(frozen=True)
class Idea:
    kind: str  # opportunity | wow
    text: str
    touchpoint: str
    effort: str
    impact: str
    emotion: int  # the lowest emotion among the steps that list it
    passing: int  # personas in scope whose journeys visit the touchpoint
    score: float
    personas: tuple[str, ...] = ()  # who lists it
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class WowSection:
    ideas: list[Idea] = field(default_factory=list)  # best first
    findings: list[Finding] = field(default_factory=list)


def idea_score(effort: str, impact: str, emotion: int, passing: int) -> float:
    return GRADE[impact] / GRADE[effort] * (1 + max(0, -emotion)) * passing


def frugal_wow(view: View) -> WowSection:
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for steps in view.steps.values():
        for step in steps:
            for opp in step["opportunities"]:
                _collect(groups, step, "opportunity", opp.text, opp.effort, opp.impact, opp)
            for text in step["wow"]:
                _collect(groups, step, "wow", text, WOW_EFFORT, WOW_IMPACT, None)
    ideas = [_idea(view, group) for group in groups.values()]
    ideas.sort(key=lambda i: (-i.score, i.touchpoint, i.text))
    return WowSection(ideas, [_finding(view, i) for i in ideas])


def _collect(
    groups: dict[tuple[str, str, str], dict[str, Any]],
    step: StepAttrs,
    kind: str,
    text: str,
    effort: str,
    impact: str,
    node: Opportunity | None,
) -> None:
    key = (kind, step["touchpoint"], " ".join(text.casefold().split()))
    path, line, col = where_of(node, step)
    group = groups.setdefault(
        key,
        {
            "kind": kind,
            "text": text,
            "tp": step["touchpoint"],
            "effort": effort,
            "impact": impact,
            "emotion": 2,
            "personas": [],
            "where": (path, line, col),
        },
    )
    group["emotion"] = min(group["emotion"], step["emotion"])
    if step["persona"] not in group["personas"]:
        group["personas"].append(step["persona"])


def _idea(view: View, g: dict[str, Any]) -> Idea:
    passing = len(view.visitors(g["tp"]))
    score = idea_score(g["effort"], g["impact"], g["emotion"], passing)
    return Idea(
        g["kind"],
        g["text"],
        g["tp"],
        g["effort"],
        g["impact"],
        g["emotion"],
        passing,
        round(score, 3),
        tuple(g["personas"]),
        *g["where"],
    )


def _finding(view: View, idea: Idea) -> Finding:
    low = idea.emotion <= -1
    if idea.kind == "wow":
        severity = MINOR if low else NOTE
    elif GRADE[idea.impact] >= GRADE[idea.effort]:
        severity = NOTABLE if low else MINOR
    else:
        severity = NOTE
    where = view.tp_name(idea.touchpoint)
    label = "Wow gesture" if idea.kind == "wow" else "Opportunity"
    title = f"{label} at {where}: {idea.text}"
    detail = (
        f"Impact {idea.impact}, effort {idea.effort}; the moment feels {signed(idea.emotion)}; "
        f"personas passing through: {idea.passing}; score {idea.score:g}. "
        f"Listed by: {name_list([view.persona_name(p) for p in idea.personas])}."
    )
    return Finding(
        section="wow",
        code=idea.kind,
        severity=severity,
        title=title,
        detail=detail,
        persona=idea.personas[0] if len(idea.personas) == 1 else None,
        touchpoint=idea.touchpoint,
        subject=idea.text,
        file=idea.file,
        line=idea.line,
        col=idea.col,
    )
