"""The text report: readable, within its width, most important first, every finding located."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_fixtures import park_report

from guestology.analysis import SECTION_TITLES, SECTIONS, analyse
from guestology.graph import build_graph
from guestology.render.report.text import to_text
from guestology.workspace import check_workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "personas"


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    return park_report(tmp_path)


@pytest.fixture(scope="module")
def example_report():  # type: ignore[no-untyped-def]
    result = check_workspace(EXAMPLE)
    assert result.workspace is not None
    return analyse(build_graph(result.workspace))


def test_golden(report, golden: Callable[[str, str], None]) -> None:  # type: ignore[no-untyped-def]
    golden("report/tiny-harbor.txt", to_text(report))


@pytest.mark.parametrize("width", [100, 80])
def test_fits_the_width(example_report, width: int) -> None:  # type: ignore[no-untyped-def]
    text = to_text(example_report, width)
    too_wide = [line for line in text.splitlines() if len(line) > width]
    assert too_wide == []


def test_most_important_first_then_every_section_in_order(report) -> None:  # type: ignore[no-untyped-def]
    text = to_text(report)
    positions = [text.index("Most important findings")]
    positions += [text.index(f"{i}. {SECTION_TITLES[n]}") for i, n in enumerate(SECTIONS, 1)]
    assert positions == sorted(positions)
    top = report.top_findings(1)[0]
    assert text.index(top.title[:40]) < positions[1]
    assert top.severity == 5 and text.splitlines()[5].startswith("critical")


def test_every_shown_finding_names_its_place(report) -> None:  # type: ignore[no-untyped-def]
    text = to_text(report, limit=1000)
    for finding in report.findings():
        where = " · ".join(
            [finding.location]
            + ([f"persona {finding.persona}"] if finding.persona else [])
            + ([f"touchpoint {finding.touchpoint}"] if finding.touchpoint else [])
        )
        assert where in text.replace("\n         ", " "), finding


def test_sections_with_nothing_say_so(report) -> None:  # type: ignore[no-untyped-def]
    text = to_text(report)
    assert "No touchpoint is shared by two personas of one kind: nothing to compare." in text


def test_limit_says_how_many_more(example_report) -> None:  # type: ignore[no-untyped-def]
    text = to_text(example_report, limit=2)
    assert "… and " in text and "more here (all of them: --format markdown or json)" in text
    assert "more rows" in text


def test_plain_unless_asked_for_colour(report, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" not in to_text(report)
    assert "\x1b[" in to_text(report, color=True)
