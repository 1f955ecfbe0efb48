"""Hints that turn a correct but puzzling problem into one that says what to do.

- ``explain_syntax``: PyYAML's wording ("mapping values are not allowed in this context")
  rewritten in plain words with the fix: tabs, indentation that does not line up, a colon
  in unquoted text, an unclosed bracket or quote;
- ``suggest_id``: "did you mean" for a reference, which also knows the *names*: a touchpoint
  or stage name written where its id belongs (``stage: Arrive and park``) suggests the id;
- ``top_level_hint``: a misspelt ``persona:`` or ``service:`` key (``persnoa:``);
- ``drop_knock_on``: warnings that only repeat an error already reported (a typo in
  ``serves`` also leaves its need unmet; a duplicate persona leaves its touchpoints orphans).

Nothing here prints: each function returns text or problems.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from guestology.problems import Problem, did_you_mean

if TYPE_CHECKING:
    from guestology.model import Persona, Workspace

SPACES = "indent with spaces so that the keys of one mapping, and the `-` of one list, line up"
_TEXT_COLON = re.compile(r"^\s*(?:-\s+)?[^\s:#'\"][^:#]*:\s+[^'\"\s]")


def explain_syntax(problem: Problem, exc: Any, text: str) -> Problem:
    """``problem`` (a ``yaml-syntax`` error made from ``exc``) in plain words with the fix."""
    if problem.code != "yaml-syntax":
        return problem
    lines = text.splitlines()
    line = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
    plain = _plain(str(exc.problem or ""), str(exc.context or ""), line, problem.col, exc)
    if plain is None:
        return problem
    return replace(problem, message=f"YAML syntax: {plain}")


def _plain(said: str, context: str, line: str, col: int, exc: Any) -> str | None:
    opened = exc.context_mark
    where = f"line {opened.line + 1}, column {opened.column + 1}" if opened else "above"
    before = line[: col - 1]
    if "\t" in before + line[col - 1 : col] or "tab" in said:
        return "a tab character: YAML is indented with spaces only; replace the tab with spaces"
    if "mapping values are not allowed" in said:
        if _TEXT_COLON.match(before + ":"):
            key, _, value = line.strip().removeprefix("- ").partition(": ")
            example = f'{key}: "{value.strip()}"' if len(line) < 60 else 'key: "text: more text"'
            return (
                "a colon followed by a space inside unquoted text: put the whole text in "
                f"quotes, as in `{example}`"
            )
        return (
            f"a `key:` cannot start here: is the line indented further than it should be? {SPACES}"
        )
    if "expected ',' or ']'" in said or "expected ',' or '}'" in said:
        bracket = "[" if "]" in said else "{"
        closing = "]" if bracket == "[" else "}"
        return f"the `{bracket}` opened at {where} is not closed: end it with `{closing}`"
    if "end of stream" in said and "quoted scalar" in context:
        return f"the quote opened at {where} is never closed: close it, or remove it"
    if "could not find expected ':'" in said:
        return (
            "a line without `key:`: text that goes on over several lines is indented "
            f"further than its key, or quoted ({SPACES})"
        )
    if any(s in said for s in ("expected key", "expected '-'", "expected <block end>")):
        return f"this line does not line up with the lines above (from {where}): {SPACES}"
    return None


def suggest_id(ref: str, known: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """`` (did you mean `id`?)``, from the ids or, when ``ref`` is a name, from the names."""
    known = list(known)
    by_name = _by_name(ref, known, names or {})
    if by_name is None:
        return did_you_mean(ref, known)
    ident, name = by_name
    if name.casefold() == ref.strip().casefold():
        return f" (did you mean `{ident}`? `{ref}` is its name: use the id)"
    return f" (did you mean `{ident}`? it is named `{name}`: use the id)"


def closest_id(ref: str, names: Mapping[str, str]) -> str | None:
    """The id that ``suggest_id`` suggests for ``ref`` among ``names`` (id -> name), if any."""
    by_name = _by_name(ref, names, names)
    if by_name is not None:
        return by_name[0]
    close = difflib.get_close_matches(ref, list(names), n=1, cutoff=0.6)
    return close[0] if close else None


def _by_name(ref: str, known: Iterable[str], names: Mapping[str, str]) -> tuple[str, str] | None:
    """``(id, name)`` when ``ref`` is a name, or close to one and to no id."""
    by_name = {name.casefold(): (ident, name) for ident, name in names.items()}
    wanted = ref.strip().casefold()
    if wanted in by_name:
        return by_name[wanted]
    close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.75)
    if close and not difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6):
        return by_name[close[0]]
    return None


def top_level_hint(keys: Iterable[Any]) -> tuple[str, str] | None:
    """``(key, hint)`` for the first top-level key that looks like ``persona`` or ``service``."""
    for key in keys:
        hint = did_you_mean(str(key), ["persona", "service"])
        if "did you mean" in hint:
            return str(key), hint
    return None


KNOCK_ON = {  # a step field -> (the compass list a typo in it meant, the warning it leaves)
    "serves": ("needs", "unmet-need"),
    "counters": ("stereotypes", "uncountered-stereotype"),
}


def drop_knock_on(problems: list[Problem], ws: Workspace, personas: list[Persona]) -> list[Problem]:
    """``problems`` without the warnings that an error already reported explains.

    A reference in ``serves`` (``counters``) that resolves to nothing but is close to a
    need (stereotype) id is reported as an error with "did you mean"; the need it meant is
    then not reported unmet as well. So for the touchpoint a step meant (no orphan), and a
    persona left out for a duplicate id makes no touchpoint an orphan.
    """
    marks: set[tuple[str, str, int, int]] = set()
    for persona in ws.personas.values():
        ids = {item.id for _, item in persona.compass.items()}
        for field, (kind, code) in KNOCK_ON.items():
            targets = {item.id: item for item in getattr(persona.compass, kind)}
            for step in persona.journey:
                for ref in getattr(step, field):
                    close = [] if ref in ids else difflib.get_close_matches(ref, targets, 1)
                    if close:
                        marks.add((code, *_where(targets[close[0]])))
    names = {tp.id: tp.name for tp in ws.touchpoints.values()}
    for persona in ws.personas.values():  # a touchpoint typo: the one it meant is no orphan
        for step in (*persona.journey, *persona.future):
            meant = None if step.touchpoint in names else closest_id(step.touchpoint, names)
            if meant is not None:
                marks.add(("orphan-touchpoint", *_where(ws.touchpoints[meant])))
    for persona in personas:
        if ws.personas.get(persona.id) is not persona:
            for step in (*persona.journey, *persona.future):
                tp = ws.touchpoints.get(step.touchpoint)
                if tp is not None:
                    marks.add(("orphan-touchpoint", *_where(tp)))
    return [p for p in problems if (p.code, p.path, p.line, p.col) not in marks]


def _where(node: Any) -> tuple[str, int, int]:
    path, (line, col) = node.where()
    return path, line, col
