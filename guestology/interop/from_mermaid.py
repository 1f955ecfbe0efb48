"""Mermaid ``journey`` diagrams (a ``.mmd`` file, or a Markdown file's mermaid blocks) as a
``Draft``: sections become stages, tasks touchpoints, actors personas, score - 3 emotion.

A task with no actor belongs to one persona named after the diagram's title, else ``guest``;
a task with several actors is a step of each. A score must be a whole number 1..5 as
JavaScript's ``Number()`` reads it (mermaid draws 0, 6, 2.5 or NaN without complaint; we
refuse them at their ``line:col``). Markdown blocks of other diagram types are skipped.
"""

from __future__ import annotations

import math
from pathlib import Path

from guestology.interop.draft import Draft, DraftStep, ImportProblems, problem, service_name, words
from guestology.interop.mermaid import Diagram, MermaidError, Task, parse_diagram
from guestology.interop.mermaid_text import Mapped, mermaid_blocks, prepare
from guestology.problems import Problem
from guestology.render.common import plural

NO_TITLE_PERSONA = "guest"
NO_SECTION_STAGE = "Journey"


def read_mermaid(text: str, path: Path, markdown: bool) -> Draft:
    """Every journey diagram of the file as one draft; ``ImportProblems`` lists every error."""
    shown = str(path)
    blocks = mermaid_blocks(text) if markdown else [Mapped.of(text)]
    diagrams, problems, others = [], [], []
    for block in blocks:
        try:
            diagrams.append(parse_diagram(block, text, shown))
        except MermaidError as exc:
            if markdown and exc.problem.code == "not-journey":
                others.append(prepare(block).kind)
            else:
                problems.append(exc.problem)
    problems += [p for d in diagrams for p in _score_problems(d, shown)]
    if problems:
        raise ImportProblems(problems)
    if not diagrams:
        found = f" (its mermaid blocks are {words(others)})" if others else ""
        msg = f"no mermaid journey diagram in {path.name}{found}"
        raise ImportProblems([problem(shown, (1, 1), "not-journey", msg)])
    draft = Draft(path.name, "a mermaid journey", _service_name(diagrams, path))
    if others:
        draft.assumptions.append(
            f"skipped {plural(len(others), 'mermaid block')} that are no journey"
        )
    for number, diagram in enumerate(diagrams, 1):
        _add(draft, diagram, path.name, number if len(diagrams) > 1 else 0)
    return draft


def _score_problems(diagram: Diagram, path: str) -> list[Problem]:
    found = []
    for task in diagram.tasks:
        score = task.score
        if math.isfinite(score) and score == int(score) and 1 <= score <= 5:
            continue
        read = "NaN" if math.isnan(score) else f"{score:g}"
        msg = f"task `{task.task.strip()}`: score `{task.score_text}` "
        if math.isnan(score) and task.people:
            msg += "is not a number (does the task name hold a `:`? write it as #58;)"
        else:
            msg += f"(mermaid reads {read}) is not a whole number 1..5"
        found.append(problem(path, task.score_at, "bad-score", msg))
    return found


def _service_name(diagrams: list[Diagram], path: Path) -> str:
    titled = [d.title.strip() for d in diagrams if d.title.strip()]
    if len(diagrams) == 1 and titled and all(_actors(t) for t in diagrams[0].tasks):
        return titled[0]
    return service_name(path)


def _actors(task: Task) -> list[str]:
    return [p for p in (person.strip() for person in task.people) if p]


def _add(draft: Draft, diagram: Diagram, source: str, number: int) -> None:
    title = diagram.title.strip()
    label = f"diagram {number}" if number else "the diagram"
    fallback = title or NO_TITLE_PERSONA
    alone = [t for t in diagram.tasks if not _actors(t)]
    if alone:
        why = "its title" if title else "no title: the default name"
        draft.assumptions.append(
            f"{plural(len(alone), 'task')} of {label} {'has' if len(alone) == 1 else 'have'} "
            f"no actor: persona `{fallback}` ({why})"
        )
    if any(not t.section.strip() for t in diagram.tasks):
        stage = title or NO_SECTION_STAGE
        draft.assumptions.append(f"tasks before the first section of {label}: stage `{stage}`")
    run = [title or NO_SECTION_STAGE] if diagram.tasks and not diagram.tasks[0].section else []
    draft.runs.append(run + [s.strip() for s in diagram.sections])
    names = set()
    for task in diagram.tasks:
        actors = _actors(task) or [fallback]
        if len(actors) > 1:
            draft.assumptions.append(
                f"{source}:{task.at[0]}: task `{task.task.strip()}` has {len(actors)} actors:"
                " the same step (and emotion) for each"
            )
        stage = task.section.strip() or title or NO_SECTION_STAGE
        origin = f"{source}:{task.at[0]}"
        if any("%%" in actor for actor in actors):
            draft.assumptions.append(
                f"{source}:{task.at[0]}: mermaid reads the `%%` after a score as part of the"
                " actors' names, not as a comment (put comments on lines of their own)"
            )
        for actor in actors:
            step = DraftStep(stage, task.task.strip(), int(task.score) - 3, origin=origin)
            draft.persona(actor).steps.append(step)
            names.add(actor)
    if len(names) == 1 and diagram.acc_description:
        draft.persona(names.pop()).summary = diagram.acc_description
