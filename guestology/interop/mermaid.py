"""Mermaid ``journey`` diagrams, read exactly as mermaid reads them.

The lexer is ``packages/mermaid/src/diagrams/user-journey/parser/journey.jison`` in
mermaid-js/mermaid (MIT), rule for rule and in its order (jison takes the first rule that
matches, not the longest; the lexer is case-insensitive; a quoted rule ending in a letter,
``"journey"``, gets a ``\\b``); the parser is its grammar; what a statement stores is
mermaid's journey database (its ``addTask`` splits ``: score: actors`` on ``:`` and ``,``;
the score is JavaScript's ``Number()``). The spec cases in ``tests/data/mermaid/`` pin it
down. Errors are ``Problem``s at the file's ``line:col``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from guestology.interop.mermaid_text import Mapped, decode, position, prepare
from guestology.problems import Level, Problem

_I = re.I
_INITIAL = [  # (rule, token; None skips it), in journey.jison's order
    (re.compile(r"%%(?!\{)[^\n]*", _I), None),
    (re.compile(r"[^}]%%[^\n]*", _I), None),
    (re.compile(r"\n+", _I), "NEWLINE"),
    (re.compile(r"\s+", _I), None),
    (re.compile(r"#[^\n]*", _I), None),
    (re.compile(r"journey(?![A-Za-z0-9_])", _I), "journey"),  # jison adds \b after a word
    (re.compile(r"title\s[^#\n;]+", _I), "title"),
    (re.compile(r"accTitle\s*:\s*", _I), "acc_title"),
    (re.compile(r"accDescr\s*:\s*", _I), "acc_descr"),
    (re.compile(r"accDescr\s*\{\s*", _I), "acc_descr_multiline"),
    (re.compile(r"section\s[^#:\n;]+", _I), "section"),
    (re.compile(r"[^#:\n;]+", _I), "taskName"),
    (re.compile(r":[^#\n;]+", _I), "taskData"),
    (re.compile(r":", _I), ":"),
    (re.compile(r".", _I), "INVALID"),
]
_VALUE = re.compile(r"[^\n]*")  # acc_title / acc_descr states: (?!\n|;|#)*[^\n]* is this
_MULTILINE = re.compile(r"[^}]*")
JS_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?", re.I)


@dataclass(frozen=True)
class Task:
    """One task as ``journeyDb.getTasks()`` gives it, text decoded, with its positions."""

    section: str
    task: str
    score: float  # JavaScript's Number(): NaN, 2.5 or 0 are possible (and are errors later)
    people: list[str]
    score_text: str
    at: tuple[int, int]  # the task name's line and column
    score_at: tuple[int, int]


@dataclass
class Diagram:
    """What mermaid's journey database holds after parsing one diagram."""

    title: str = ""
    acc_title: str = ""
    acc_description: str = ""
    sections: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    at: tuple[int, int] = (1, 1)


class MermaidError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def js_number(text: str) -> float:
    """JavaScript's ``Number(text)``: trimmed, empty is 0, hex/octal/binary, else NaN."""
    s = text.strip()
    if not s:
        return 0.0
    if JS_NUMBER.fullmatch(s):
        return float(s)
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if s[:2].lower() == prefix:
            try:
                return float(int(s[2:], base))
            except ValueError:
                return math.nan
    return {"Infinity": math.inf, "+Infinity": math.inf, "-Infinity": -math.inf}.get(s, math.nan)


def _lex(code: str) -> list[tuple[str, str, int]]:
    """Tokens ``(kind, text, offset)`` as jison's lexer returns them, ending with EOF."""
    tokens, at, state = [], 0, "INITIAL"
    while True:
        if state == "INITIAL":
            if at >= len(code):
                tokens.append(("EOF", "", at))
                return tokens
            for rule, kind in _INITIAL:  # noqa: B007 (the rule that matched)
                match = rule.match(code, at)
                if match:
                    break
            assert match is not None  # `.` and `\n+` match any character
            if kind == "acc_descr_multiline":
                state = "multiline"
            elif kind is not None:
                tokens.append((kind, match.group(), at))
                state = {"acc_title": "value", "acc_descr": "value"}.get(kind, state)
            at = match.end()
        elif state == "value":
            match = _VALUE.match(code, at)
            assert match is not None
            tokens.append(("value", match.group(), at))
            at, state = match.end(), "INITIAL"
        elif at < len(code) and code[at] == "}":
            at, state = at + 1, "INITIAL"
        else:  # an unclosed `accDescr {` block reads to the end
            match = _MULTILINE.match(code, at)
            assert match is not None
            tokens.append(("acc_descr_multiline_value", match.group(), at))
            if match.end() >= len(code):
                tokens.append(("EOF", "", len(code)))
                return tokens
            at = match.end()


def parse_diagram(block: Mapped, source: str, path: str) -> Diagram:
    """Parse one journey diagram (``block`` of the file's ``source``); ``MermaidError`` if not."""
    prepared = prepare(block)
    code = prepared.code

    def where(offset: int) -> tuple[int, int]:
        return position(source, code.origin[min(offset, len(code.origin) - 1)])

    def fail(offset: int, code_name: str, message: str) -> MermaidError:
        line, col = where(offset)
        return MermaidError(Problem(path, line, col, Level.ERROR, code_name, message))

    if prepared.problem:
        line, col = position(source, prepared.problem[0])
        raise MermaidError(
            Problem(path, line, col, Level.ERROR, "mermaid-syntax", prepared.problem[1])
        )
    if not re.match(r"\s*journey", prepared.kind + " "):
        found = f"`{prepared.kind}`" if prepared.kind else "nothing"
        raise fail(0, "not-journey", f"not a mermaid journey diagram: it starts with {found}")
    diagram = Diagram(title=decode(prepared.title or ""), at=where(0))
    tokens = _lex(code.text)
    if tokens[0][0] != "journey":
        raise fail(tokens[0][2], "not-journey", "a journey diagram starts with `journey`")
    _statements(tokens, diagram, fail, where, code.text)
    return diagram


def _statements(tokens, diagram, fail, where, code) -> None:  # type: ignore[no-untyped-def]
    section, i = "", 1
    while tokens[i][0] != "EOF":
        kind, text, at = tokens[i]
        if kind == "title":
            diagram.title = decode(text[6:])
        elif kind in ("acc_title", "acc_descr"):
            i += 1
            value = decode(tokens[i][1].strip())
            if kind == "acc_title":
                diagram.acc_title = value.lstrip()
            else:
                diagram.acc_description = re.sub(r"\n\s+", "\n", value)
        elif kind == "acc_descr_multiline_value":
            diagram.acc_description = re.sub(r"\n\s+", "\n", decode(text.strip()))
        elif kind == "section":
            section = decode(text[8:])
            diagram.sections.append(section)
        elif kind == "taskName":
            if tokens[i + 1][0] == "INVALID":
                raise _unexpected(tokens[i + 1][0], tokens[i + 1][1], tokens[i + 1][2], fail)
            if tokens[i + 1][0] != "taskData":
                end = at + len(text)
                if code[end : end + 1] == "#":
                    raise _missing_score(("#", "#", end), text, fail, True)
                raise _missing_score(tokens[i + 1], text, fail, False)
            i += 1
            diagram.tasks.append(_task(section, text, tokens[i], where))
        elif kind != "NEWLINE":
            raise _unexpected(kind, text, at, fail)
        i += 1


def _task(section: str, name: str, data: tuple[str, str, int], where) -> Task:  # type: ignore[no-untyped-def]
    pieces = data[1][1:].split(":")
    people = [] if len(pieces) == 1 else [decode(p.strip()) for p in pieces[1].split(",")]
    lead = len(pieces[0]) - len(pieces[0].lstrip())
    score_at = where(data[2] + 1 + lead)
    start = data[2] - len(name)
    return Task(decode(section), decode(name), js_number(pieces[0]), people,
                pieces[0].strip(), where(start), score_at)  # fmt: skip


def _missing_score(token, name, fail, comment) -> MermaidError:  # type: ignore[no-untyped-def]
    shown = decode(name).strip()
    if comment:
        message = f"task `{shown}` has no score: `#` starts a comment in mermaid (write #35;)"
    elif token[0] == ":":
        message = f"task `{shown}` has a `:` but no score after it (a score is 1..5)"
    else:
        message = f"task `{shown}` has no score: write `{shown}: 5` (a score is 1..5)"
    return fail(token[2], "mermaid-syntax", message)


def _unexpected(kind: str, text: str, at: int, fail) -> MermaidError:  # type: ignore[no-untyped-def]
    if kind == "INVALID":
        hint = " (write #59; for a semicolon)" if text == ";" else ""
        return fail(at, "mermaid-syntax", f"mermaid's journey grammar has no `{text}` here{hint}")
    if kind == "journey":
        msg = "`journey` again: a line starting with `journey` is the keyword, not a task"
        return fail(at, "mermaid-syntax", msg)
    if kind in ("taskData", ":"):
        msg = "a `:` with no task name before it (a `:` in a section or a task name ends it;"
        return fail(at, "mermaid-syntax", msg + " write #58; for a colon)")
    return fail(at, "mermaid-syntax", f"unexpected `{text.strip()}`")
