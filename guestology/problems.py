"""The one error model: every problem has a file, a 1-based line and column, a level and a code.

``Problem.format()`` gives yamllint's parsable form, ``path:line:col: [error] message (code)``.
Library code never prints: it returns problems, or raises ``GuestologyError`` (a user error
that is not about one YAML node, e.g. a missing workspace folder).
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

CODES = frozenset(
    [
        "yaml-syntax",
        "bad-character",
        "not-utf8",
        "file-too-large",
        "unreadable",
        "not-a-file",
        "symlink-outside",
        "empty-file",
        "not-mapping",
        "multiple-documents",
        "duplicate-key",
        "unsafe-tag",
        "bad-scalar",
        "too-deep",
        "recursive-alias",
        "unknown-alias",
        "alias-limit",
        "bad-merge",
        "complex-key",
        "not-persona-or-service",
        "persona-and-service",
        "duplicate-service",
        "unsupported-format",
        "missing-field",
        "unknown-field",
        "quote-text",
        "wrong-type",
        "bad-value",
        "out-of-range",
        "invalid-id",
        "invalid",
        "duplicate-id",
        "unknown-stage",
        "unknown-channel",
        "unknown-key",
        "unknown-touchpoint",
        "unknown-compass-id",
        "unknown-source",
        "duplicate-reference",
        "bad-recovers",
        "wrong-kind",
        "unmet-need",
        "orphan-touchpoint",
        "uncountered-stereotype",
        "dip-without-opportunity",
        "moment-of-truth-underdelivered",
        "unowned-severe-pain",
        "planned-in-journey",
        "retired-in-future",
    ]
)  # every problem code; docs/format.md describes each one


class Level(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    level: Level
    code: str
    message: str

    def format(self) -> str:
        """One line, whatever the data holds: control characters come out escaped."""
        path, message = one_line(self.path), one_line(self.message)
        return f"{path}:{self.line}:{self.col}: [{self.level.value}] {message} ({self.code})"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "level": self.level.value,
            "code": self.code,
            "message": self.message,
        }

    def to_github(self) -> str:
        """A GitHub Actions workflow command (an annotation on the pull request)."""
        kind = "error" if self.level is Level.ERROR else "warning"
        msg = one_line(_gh_escape(self.message, data=True))
        path = one_line(_gh_escape(self.path, data=False))
        return f"::{kind} file={path},line={self.line},col={self.col},title={self.code}::{msg}"


# C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and
# isolates (they reorder what a terminal shows), the BOM and lone surrogates (a file name
# that is not UTF-8): what must not reach a terminal or split a one-line message as it is.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069\ufeff\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: str) -> str:
    """``text`` for one line of a terminal: ``\\n``, ``\\x1b``, ``\\u2028``... written out.

    Backslashes are kept as they are (a Windows path stays readable); JSON output does not
    use this, so it keeps the exact text.
    """
    return _UNSAFE.sub(_escape, text)


def _gh_escape(text: str, *, data: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text if data else text.replace(":", "%3A").replace(",", "%2C")


def error(path: str, pos: tuple[int, int], code: str, message: str) -> Problem:
    assert code in CODES, code
    return Problem(path, pos[0], pos[1], Level.ERROR, code, message)


def warning(path: str, pos: tuple[int, int], code: str, message: str) -> Problem:
    assert code in CODES, code
    return Problem(path, pos[0], pos[1], Level.WARNING, code, message)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean `x`?)`` for the closest choice, or `` (known: a, b, c)`` when few."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f" (did you mean `{close[0]}`?)"
    if 0 < len(options) <= 8:
        return " (known: " + ", ".join(options) + ")"
    return ""


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.level is Level.ERROR for p in problems)


class GuestologyError(Exception):
    """A user error that is not about one YAML node (exit code 1 at the CLI)."""
