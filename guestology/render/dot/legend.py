"""Titles and legends: HTML-like graph labels (a table under the drawing)."""

from __future__ import annotations

from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.render.common import plural
from guestology.render.dot.text import EMOTION_COLORS, emotion_fill, html, html_lines

TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="4">'


def _row(cells: list[str]) -> str:
    inner = f"{TABLE}<TR>{''.join(cells)}</TR></TABLE>"
    return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{inner}</TD></TR>'


def _cell(text: str, **attrs: str) -> str:
    extra = "".join(f' {key.upper()}="{value}"' for key, value in attrs.items())
    return f"<TD{extra}>{text}</TD>"


def titled(title: str, rows: list[list[str]], notes: list[str]) -> str:
    """A DOT HTML label: a bold title, legend rows of cells, then the notes in italics."""
    parts = [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="22"><B>{html(title)}</B></FONT></TD></TR>']
    parts += [_row(cells) for cells in rows if cells]
    for note in notes:
        parts.append(f'<TR><TD ALIGN="LEFT"><I>Note: {html_lines(note, 110, 3)}</I></TD></TR>')
    return f'<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{"".join(parts)}</TABLE>>'


def emotion_cells(title: str = "Mean emotion") -> list[str]:
    """Swatches of the emotion scale, -2 to +2, and the 'no visits' white."""
    cells = [_cell(f"<B>{title}</B>")]
    for value, color in zip(range(-2, 3), EMOTION_COLORS, strict=True):
        _, font = emotion_fill(float(value))
        text = f'<FONT COLOR="{font}">{value:+d}</FONT>' if value else "0"
        cells.append(_cell(text, bgcolor=color, border="1", width="44", color="#333333"))
    cells.append(_cell("no visits", bgcolor="white", border="1", color="#333333"))
    return cells


def flow_legend(ws: Workspace, report: Report, steps: dict, notes: list[str]) -> str:
    """The title and legend of the ``touchpoints`` view."""
    service = ws.service.service or "Service"
    chosen = report.personas
    who = plural(len(chosen), "persona")
    if len(chosen) <= 3:
        who = ", ".join(ws.personas[p].name for p in chosen) or "no personas"
    top = max((len(personas) for personas in steps.values()), default=0)
    shapes = [
        _cell("backstage (dashed)", border="1", style="dashed", color="#333333"),
        _cell("★ MOMENT OF TRUTH (thick border)", border="3", color="black"),
        _cell("edge width: personas taking that step" + (f" (1 to {top})" if top > 1 else "")),
        _cell('<FONT COLOR="#1f5fa8">– – ▷ supports</FONT>'),
        _cell("dotted: back to an earlier stage"),
    ]
    if any(ws.touchpoints[t].status != "live" for t in report.scope.touchpoints):
        shapes.append(_cell("◇ PLANNED: not built yet (double outline)"))
    caption = "Each box: the touchpoint, its mean emotion (-2 to +2) and how many visits."
    return titled(
        f"{service}: touchpoint flow ({who})",
        [emotion_cells(), shapes, [_cell(html(caption), align="left")]],
        notes,
    )


def needs_legend(ws: Workspace, chosen: list[str], notes: list[str]) -> str:
    """The title and legend of the ``needs`` view."""
    service = ws.service.service or "Service"
    cells = [
        _cell("● a need (North)"),
        _cell("○ a want (West), (for …) the needs it refines"),
        _cell(
            '<FONT COLOR="white"><B>⚠ UNMET NEED:</B> no step serves it</FONT>', bgcolor="#860e1b"
        ),
        _cell(
            '<FONT COLOR="white"><B>✗ FAILED NEED:</B> it goes wrong wherever served</FONT>',
            bgcolor="#860e1b",
        ),
        _cell("◐ <I>weak:</I> it goes wrong at a step serving it", bgcolor="#f4e3e3", border="1"),
        _cell(
            "<I>not served:</I> a want no step serves",
            bgcolor="#f4e3e3",
            border="1",
            style="dashed",
        ),
        _cell("touchpoint ⟶ the need or want its step serves (arrow)"),
        _cell("dashed box: backstage; thick: ★ moment of truth"),
    ]
    caption = (
        "A step serves a need when it lists it, or a want that is for it. A step goes wrong at "
        "emotion -1 or lower, with a severity-3 pain, or delivering below expectation; a need "
        "is weak when a step serving it goes wrong, failed when all do and none is recovered."
    )
    return titled(
        f"{service}: needs and wants ({plural(len(chosen), 'persona')})",
        [cells, [_cell(html(caption), align="left")]],
        notes,
    )


def compass_legend(ws: Workspace, persona: str) -> str:
    """The title of the ``compass`` view, with how to read it."""
    service = ws.service.service or "Service"
    name = ws.personas[persona].name
    cells = [
        _cell('<FONT COLOR="white"><B>⚠ UNMET NEED</B></FONT>', bgcolor="#860e1b"),
        _cell(
            "pale: a want no step serves, or a negative stereotype nothing counters",
            bgcolor="#f4e3e3",
            border="1",
        ),
        _cell(html("Read counter-clockwise from North: Needs, Wants, Stereotypes, Emotions.")),
    ]
    return titled(f"{service}: Guest Compass of {name}", [cells], [])


def blueprint_legend(ws: Workspace, persona: str) -> str:
    """The title and legend of the ``blueprint`` view."""
    service = ws.service.service or "Service"
    name = ws.personas[persona].name
    shapes = [
        _cell("backstage (dashed)", border="1", style="dashed", color="#333333"),
        _cell("★ MOMENT OF TRUTH (thick border)", border="3", color="black"),
        _cell('<FONT COLOR="#1f5fa8">– – ▷ supports</FONT>'),
        _cell(
            html(
                "Columns: the journey's steps in order (numbered); above the line of "
                "visibility is what the guest sees."
            )
        ),
    ]
    return titled(
        f"{service}: service blueprint of {name}",
        [emotion_cells("Emotion at the step")[:-1], shapes],
        [],
    )
