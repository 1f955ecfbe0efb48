"""``analyse`` and ``Report``: every section, flattened and ranked findings, stable keys,
persona filters, purity, and the example park."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from analysis_builders import persona, step, tp, write_workspace

from guestology.analysis import SECTIONS, Finding, Report, analyse
from guestology.graph import build_graph
from guestology.problems import GuestologyError
from guestology.workspace import check_workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "personas"
TOUCHPOINTS = [
    tp("gate", moment_of_truth=True, owner="ops"),
    tp("ride", keys=["safety"], system="setting"),
    tp("tram", "after"),
    tp("dispatch", visibility="backstage", supports=["tram"]),
    tp("web", "plan", channel="web"),
]
PERSONAS = [
    persona("ana", [step("gate", 1, serves=["water"]), step("ride", 2), step("tram", -2,
            pain_points=[{"text": "Nobody helps", "severity": 3}])],
            needs=[{"id": "water", "text": "Water", "priority": "high"}, "Shade"]),
    persona("ben", [step("web", 0), step("gate", -1, expectation=4, delivery=2)],
            stereotypes=["Parks rip you off"]),
    persona("cy", [step("dispatch", -1)], kind="cast"),
]  # fmt: skip


@pytest.fixture
def graph(make_graph):  # type: ignore[no-untyped-def]
    return make_graph(TOUCHPOINTS, PERSONAS)


def test_every_section_is_there(graph) -> None:  # type: ignore[no-untyped-def]
    report = analyse(graph)
    assert isinstance(report, Report)
    assert report.personas == ["ana", "ben", "cy"] and report.service == "Test Park"
    for name in SECTIONS:
        section = getattr(report, name)
        assert all(f.section == name for f in section.findings), name
    assert len(report.findings()) == sum(len(getattr(report, n).findings) for n in SECTIONS)


def test_top_findings_most_important_first(graph) -> None:  # type: ignore[no-untyped-def]
    report = analyse(graph)
    top = report.top_findings(5)
    assert len(top) == 5
    severities = [f.severity for f in report.top_findings(1000)]
    assert severities == sorted(severities, reverse=True)
    assert len(report.top_findings(1000)) == len(report.findings())
    assert report.top_findings(0) == []
    # ana's severity-3 pain at the unowned tram is the most important finding (severity 4,
    # recovery); nothing here is critical
    assert top[0].severity == 4 and top[0].section in {"recovery", "needs", "expectations"}


def test_findings_are_frozen_and_located(graph) -> None:  # type: ignore[no-untyped-def]
    finding = analyse(graph).findings()[0]
    assert isinstance(finding, Finding)
    with pytest.raises(AttributeError):
        finding.title = "changed"  # type: ignore[misc]
    for f in analyse(graph).findings():
        assert f.code == f.code.lower() and " " not in f.code
        assert 1 <= f.severity <= 5
        assert f.title and "\n" not in f.title


def test_keys_do_not_depend_on_line_numbers(tmp_path: Path) -> None:
    first = write_workspace(tmp_path / "one", TOUCHPOINTS, PERSONAS)
    second = write_workspace(tmp_path / "two", TOUCHPOINTS, PERSONAS)
    for path in second.glob("*.yaml"):  # the same content, every line moved down
        path.write_text("# a comment\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    reports = []
    for root in (first, second):
        result = check_workspace(root)
        assert result.workspace is not None
        reports.append(analyse(build_graph(result.workspace)))
    one, two = ([f.key() for f in r.findings()] for r in reports)
    assert one == two and len(set(one)) == len(one)  # stable, and unique
    assert [f.line for f in reports[0].findings()] != [f.line for f in reports[1].findings()]


def test_persona_filter(graph) -> None:  # type: ignore[no-untyped-def]
    report = analyse(graph, ["ana"])
    assert report.personas == ["ana"] and report.filtered
    assert {f.persona for f in report.findings()} <= {"ana", None}
    # in scope: what ana visits, plus the backstage touchpoint supporting the tram
    assert (report.blueprint.onstage, report.blueprint.backstage) == (3, 1)
    assert len(report.touchpoint_names) == len(TOUCHPOINTS)  # names of every touchpoint


def test_unknown_persona(graph) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GuestologyError, match="unknown persona `anna`.*did you mean `ana`"):
        analyse(graph, ["anna"])


def test_pure(graph) -> None:  # type: ignore[no-untyped-def]
    before = copy.deepcopy(graph)
    analyse(graph)
    assert list(graph.nodes(data=True)) == list(before.nodes(data=True))
    assert list(graph.edges(keys=True, data=True)) == list(before.edges(keys=True, data=True))
    assert graph.graph == before.graph


def test_the_example_park_has_something_in_every_section() -> None:
    result = check_workspace(EXAMPLE)
    assert result.workspace is not None
    report = analyse(build_graph(result.workspace))
    empty = [name for name in SECTIONS if not getattr(report, name).findings]
    assert empty == ["evidence"]  # it has no findings of its own: it says what to research
    assert report.evidence.research_next and report.evidence.sources
    assert all(f.file.startswith(str(EXAMPLE)) for f in report.findings() if f.file)
