"""Root causes: pains that several personas share, and what lies behind them.

Pain points are grouped across personas (guests and cast) in three ways:

- **backstage**: a backstage touchpoint whose own pains (usually a cast member's) share a
  theme with pains at the onstage touchpoints it ``supports`` (directly or through a chain):
  the backstage pain is carried through to the onstage steps it explains;
- **touchpoint**: pains of two or more personas at one touchpoint;
- **theme**: pains of two or more personas naming one theme (``themes:``, matched without
  regard to case).

A group counts when it holds pains of at least two personas. Groups are looked at in the
order backstage, touchpoint, theme (the most specific cause speaks first), and a group is
kept only when the pains no kept group explains yet still hurt two personas or more. One
finding per cause (``root-cause``, with ``touchpoint`` set to the cause: the backstage or
shared touchpoint; a theme has none), naming the personas and steps it explains. Ranked by
the severity explained (the sum of the pains' severities): serious when it explains two or
more severity-3 pains, notable when it explains one or reaches three personas or more, minor
otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from guestology.analysis.findings import MINOR, NOTABLE, SERIOUS, Finding
from guestology.analysis.internal import downstream
from guestology.analysis.outcomes import SEVERE
from guestology.analysis.view import View, where_of
from guestology.render.common import name_list, plural

KINDS = ("backstage", "touchpoint", "theme")


@dataclass(frozen=True)
class Pain:
    persona: str
    step: int  # 0-based
    touchpoint: str
    text: str
    severity: int
    themes: frozenset[str] = frozenset()  # casefolded
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class Cause:
    kind: str  # backstage | touchpoint | theme
    id: str  # the touchpoint id, or the theme
    name: str  # the touchpoint's name, or the theme as first written
    pains: tuple[Pain, ...]
    severity: int  # explained: the sum of the pains' severities
    personas: tuple[str, ...] = ()  # in scope order
    file: str = ""
    line: int = 0
    col: int = 0


@dataclass
class CausesSection:
    causes: list[Cause] = field(default_factory=list)  # most severity explained first
    findings: list[Finding] = field(default_factory=list)


def root_causes(view: View) -> CausesSection:
    pains, spelled = _pains(view)
    groups = [*_backstage(view, pains), *_by_touchpoint(view, pains), *_by_theme(pains, spelled)]
    kept: list[Cause] = []
    explained: set[Pain] = set()
    for cause in groups:  # already in the order backstage, touchpoint, theme
        new = [p for p in cause.pains if p not in explained]
        if len({p.persona for p in new}) >= 2:
            kept.append(cause)
            explained.update(cause.pains)
    kept.sort(key=lambda c: (-c.severity, KINDS.index(c.kind), c.id))
    return CausesSection(kept, [_finding(view, c) for c in kept])


def _pains(view: View) -> tuple[list[Pain], dict[str, str]]:
    out: list[Pain] = []
    spelled: dict[str, str] = {}
    for pid in view.personas:
        for step in view.steps.get(pid, []):
            for pain in step["pain_points"]:
                themes = frozenset(t.casefold() for t in pain.themes)
                for t in pain.themes:
                    spelled.setdefault(t.casefold(), t)
                out.append(Pain(pid, step["step"], step["touchpoint"], pain.text,
                                pain.severity, themes, *where_of(pain, step)))  # fmt: skip
    return out, spelled


def _cause(view: View, kind: str, key: str, name: str, pains: list[Pain]) -> Cause | None:
    personas = {p.persona for p in pains}
    if len(personas) < 2:
        return None
    where = view.all_touchpoints.get(key) if kind != "theme" else None
    loc = (
        (where["file"], where["line"], where["col"])
        if where
        else (pains[0].file, pains[0].line, pains[0].col)
    )
    ordered = tuple(p for p in view.personas if p in personas)
    return Cause(kind, key, name, tuple(pains), sum(p.severity for p in pains), ordered, *loc)


def _backstage(view: View, pains: list[Pain]) -> list[Cause]:
    at: dict[str, list[Pain]] = {}
    for pain in pains:
        at.setdefault(pain.touchpoint, []).append(pain)
    out: list[Cause | None] = []
    for tp, attrs in view.all_touchpoints.items():
        own = [p for p in at.get(tp, []) if p.themes]
        if attrs["visibility"] != "backstage" or not own:
            continue
        themes = frozenset().union(*(p.themes for p in own))
        reached = [d for d in downstream(view, [tp]) if d != tp]
        carried = [p for d in reached for p in at.get(d, []) if p.themes & themes]
        if carried:
            own = [p for p in own if p.themes & frozenset().union(*(c.themes for c in carried))]
            out.append(_cause(view, "backstage", tp, view.tp_name(tp), [*own, *carried]))
    return _ranked(out)


def _by_touchpoint(view: View, pains: list[Pain]) -> list[Cause]:
    at: dict[str, list[Pain]] = {}
    for pain in pains:
        at.setdefault(pain.touchpoint, []).append(pain)
    return _ranked([_cause(view, "touchpoint", tp, view.tp_name(tp), ps) for tp, ps in at.items()])


def _by_theme(pains: list[Pain], spelled: dict[str, str]) -> list[Cause]:
    named: dict[str, list[Pain]] = {}
    for pain in pains:
        for theme in sorted(pain.themes):
            named.setdefault(theme, []).append(pain)
    return _ranked([_theme_cause(t, spelled[t], ps) for t, ps in named.items()])


def _theme_cause(theme: str, name: str, pains: list[Pain]) -> Cause | None:
    personas = tuple(dict.fromkeys(p.persona for p in pains))
    if len(personas) < 2:
        return None
    first = pains[0]
    return Cause("theme", theme, name, tuple(pains), sum(p.severity for p in pains), personas,
                 first.file, first.line, first.col)  # fmt: skip


def _ranked(causes: list[Cause | None]) -> list[Cause]:
    return sorted((c for c in causes if c is not None), key=lambda c: (-c.severity, c.id))


def _finding(view: View, c: Cause) -> Finding:
    who = name_list([view.persona_name(p) for p in c.personas])
    severe = sum(1 for p in c.pains if p.severity >= SEVERE)
    what = {
        "backstage": f"Backstage, {c.name} lies behind",
        "touchpoint": f"{c.name} is where",
        "theme": f"'{c.name}' runs through",
    }[c.kind]
    verb = " hurt" if c.kind == "touchpoint" else ""
    title = f"Root cause: {what} {plural(len(c.pains), 'pain')} of {who}{verb}"
    steps = [
        f"{view.persona_name(p.persona)} at {view.tp_name(p.touchpoint)} (step {p.step + 1}): "
        f"{p.text}"
        for p in c.pains
    ]
    detail = f"Severity explained: {c.severity}. Fix it once for all of them. " + "; ".join(steps)
    wide = severe or len(c.personas) >= 3
    severity = SERIOUS if severe >= 2 else NOTABLE if wide else MINOR
    return Finding(section="causes", code="root-cause", severity=severity, title=title,
                   detail=detail,
                   touchpoint=c.id if c.kind != "theme" else None, subject=f"{c.kind}:{c.id}",
                   file=c.file, line=c.line, col=c.col)  # fmt: skip
