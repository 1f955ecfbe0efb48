"""What mermaid does to a diagram's text before its journey grammar sees it, keeping positions.

Mermaid (``packages/mermaid/src/preprocess.ts``, ``diagram-api/comments.ts``, ``Diagram.ts``
and ``utils.ts`` ``encodeEntities`` in mermaid-js/mermaid) turns CRLF into LF, drops the
YAML front matter (its ``title:`` becomes the diagram's title), removes ``%%{...}%%``
directives and whole-line ``%%`` comments, trims the start, detects the diagram type from
the first word, and hides ``#name;`` entity codes from the lexer. ``Mapped`` text remembers,
for every character, where it stood in the file, so errors still point at ``line:col``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

FRONT_MATTER = re.compile(r"^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+", re.S)
DIRECTIVE = re.compile(
    r"%{2}\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%{2}).|\r?\n)*))?\s*(?:\}%{2})?", re.I
)
LINE_COMMENT = re.compile(r"^\s*%%(?!\{)[^\n]+\n?", re.M)
ANY_COMMENT = re.compile(r"\s*%%.*\n")
ENTITY = re.compile(r"#([A-Za-z0-9_]+);")
ENCODED = re.compile("\ufb02\u00b0(\u00b0?)([A-Za-z0-9_]+)\u00b6\u00df")  # mermaid's markers
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*mermaid(?:[ \t][^\n]*)?$", re.M)


@dataclass
class Mapped:
    """Text with, for each character (and one past the end), its offset in the file."""

    text: str
    origin: list[int]

    @classmethod
    def of(cls, text: str, start: int = 0) -> Mapped:
        return cls(text, list(range(start, start + len(text) + 1)))

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> Mapped:
        """Replace each match; a replacement's characters all stand where the match began."""
        text, origin, last = [], [], 0
        for match in pattern.finditer(self.text):
            text.append(self.text[last : match.start()])
            origin.extend(self.origin[last : match.start()])
            new = repl(match)
            text.append(new)
            origin.extend([self.origin[match.start()]] * len(new))
            last = match.end()
        text.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Mapped("".join(text), origin)

    def cut(self, start: int) -> Mapped:
        return Mapped(self.text[start:], self.origin[start:])


@dataclass
class Prepared:
    """A diagram as mermaid's lexer reads it, its front-matter title, its first word."""

    code: Mapped
    title: str | None
    kind: str
    problem: tuple[int, str] | None = None  # (file offset, message) when unreadable


def prepare(block: Mapped) -> Prepared:
    """Mermaid's ``preprocessDiagram`` then ``Diagram.fromText`` up to the parser."""
    code = block.sub(re.compile(r"\r\n?"), lambda m: "\n")
    code = code.sub(re.compile(r"<(\w+)([^>]*)>", re.A), _single_quote_attributes)
    title, problem = None, None
    front = FRONT_MATTER.match(code.text)
    if front:
        title, message = _front_matter_title(front.group(1))
        problem = (code.origin[front.start(1)], message) if message else None
        code = code.cut(front.end())
    code = code.sub(DIRECTIVE, lambda m: "")
    code = code.sub(LINE_COMMENT, lambda m: "")
    code = code.cut(len(code.text) - len(code.text.lstrip()))
    first = re.match(r"\s*(\S*)", ANY_COMMENT.sub("\n", code.text))
    kind = first.group(1) if first else ""
    code = code.sub(re.compile(r"style.*:\S*#.*;|classDef.*:\S*#.*;"), lambda m: m.group()[:-1])
    code = code.sub(ENTITY, _encode_entity)
    code = Mapped(code.text + "\n", [*code.origin, code.origin[-1]])
    return Prepared(code, title, kind, problem)


def _single_quote_attributes(match: re.Match[str]) -> str:
    attributes = re.sub(r'="([^"]*)"', r"='\1'", match.group(2))
    return f"<{match.group(1)}{attributes}>"


def _front_matter_title(source: str) -> tuple[str | None, str | None]:
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        return None, f"the front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
    if not isinstance(data, dict) or not data.get("title"):
        return None, None
    title = data["title"]
    return (str(title).lower() if isinstance(title, bool) else str(title)), None


def _encode_entity(match: re.Match[str]) -> str:
    inner = match.group(1)
    return "\ufb02\u00b0" + ("\u00b0" if inner.isdigit() else "") + inner + "\u00b6\u00df"


def decode(text: str) -> str:
    """The text a reader sees: mermaid's entity markers back to characters (``#35;`` is #)."""
    return ENCODED.sub(lambda m: html.unescape(f"&{'#' if m.group(1) else ''}{m.group(2)};"), text)


def mermaid_blocks(markdown: str) -> list[Mapped]:
    """The ```` ```mermaid ```` (or ``~~~mermaid``) fenced blocks of a Markdown text."""
    blocks, at = [], 0
    while fence := FENCE.search(markdown, at):
        indent, mark = len(fence.group(1)), fence.group(2)
        start = min(fence.end() + 1, len(markdown))
        closing = re.compile(rf"^ {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$", re.M)
        end_match = closing.search(markdown, start)
        end = end_match.start() if end_match else len(markdown)
        block = Mapped.of(markdown[start:end], start)
        if indent:
            block = block.sub(re.compile(rf"^ {{1,{indent}}}", re.M), lambda m: "")
        blocks.append(block)
        at = end_match.end() if end_match else len(markdown)
    return blocks


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based ``(line, col)`` of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
