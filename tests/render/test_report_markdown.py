"""The Markdown report: headings, tables, every finding in <details>, text escaped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_fixtures import park_report

from guestology.analysis import SECTION_TITLES, SECTIONS
from guestology.render.report.markdown import md, to_markdown


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    return park_report(tmp_path)


def test_golden(report, golden: Callable[[str, str], None]) -> None:  # type: ignore[no-untyped-def]
    golden("report/tiny-harbor.md", to_markdown(report))


def test_structure(report) -> None:  # type: ignore[no-untyped-def]
    text = to_markdown(report)
    assert text.startswith("# Guestology report: Tiny Harbor\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    expected = [f"## {i}. {md(SECTION_TITLES[n])}" for i, n in enumerate(SECTIONS, 1)]
    assert headings == ["## Most important findings", *expected]
    # every finding is listed once in its section, and the top ten once more above
    assert text.count("\n- **") == len(report.findings())
    assert text.count("`park/rosa.yaml:30:19`") >= 2


def test_persona_text_cannot_inject_markup(report) -> None:  # type: ignore[no-untyped-def]
    text = to_markdown(report)
    assert "<and kids>" not in text and r"Rosa \<and kids\>" in text
    assert r"Fireworks \| finale" in text  # a pipe would break a table row
    assert md("a *b* [c](d) `e` #f") == r"a \*b\* \[c\](d) \`e\` \#f"


def test_table_rows_are_capped(report) -> None:  # type: ignore[no-untyped-def]
    text = to_markdown(report, limit=1)
    assert "*… and 1 more rows (`--format json` has them all).*" in text
