"""CSV as spreadsheets write it, with the ``line:col`` of every cell.

RFC 4180 with what real files add: a byte-order mark, ``,`` or ``;`` (or tab) as the
delimiter (whichever the first line uses most, outside quotes), CRLF or LF, quoted cells
holding delimiters, doubled quotes and newlines. Python's ``csv`` module gives no cell
positions, which every error here needs, hence this small reader.
"""

from __future__ import annotations

from dataclasses import dataclass

DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Cell:
    text: str
    at: tuple[int, int]


def sniff_delimiter(text: str) -> str:
    """The delimiter the first record uses most (quoted text does not count); ``,`` on a tie."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return max(DELIMITERS, key=lambda d: (counts[d], d == ","))


def read_table(text: str, delimiter: str) -> list[list[Cell]]:
    """Rows of cells; a quote opens a quoted cell only at the start of a cell."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    line, col, i, n = 1, 1, 0, len(text)
    while i < n or row:
        start = (line, col)
        value: list[str] = []
        if i < n and text[i] == '"':
            i, line, col = i + 1, line, col + 1
            while i < n:
                char = text[i]
                if char == '"' and text[i + 1 : i + 2] == '"':
                    value.append('"')
                    i, col = i + 2, col + 2
                    continue
                if char == '"':
                    i, col = i + 1, col + 1
                    break
                if char == "\r" and text[i + 1 : i + 2] == "\n":
                    i += 1
                    continue
                value.append(char)
                i, line, col = (i + 1, line + 1, 1) if char in "\r\n" else (i + 1, line, col + 1)
        while i < n and text[i] not in (delimiter, "\r", "\n"):  # after a closing quote too
            value.append(text[i])
            i, col = i + 1, col + 1
        row.append(Cell("".join(value), start))
        if i < n and text[i] == delimiter:
            i, col = i + 1, col + 1
            continue
        if i < n and text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            i += 1
        i, line, col = i + 1, line + 1, 1
        rows.append(row)
        row = []
    return rows
