"""The report, the HTML map and the Graphviz drawings say the same thing.

On the example park and two generated workspaces, every output is read back as a user sees
it (HTML text and classes, DOT node names and labels, the Markdown report's tables) and
compared with the ``Report``, and the headline figures are recounted here from the raw
workspace with the rules written out by hand, so a wrong rule in any one place fails:

- each persona's scope: the touchpoints its map and its drawing show;
- each need's and want's status: met, weak, failed or unmet, in the report, on the
  Guest Compass of the map and in the needs drawing;
- the divergent touchpoints ("one size does not fit all") in the map and the report;
- the headline figures.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from statistics import fmean

import pytest
from render_helpers import analysed, load

from guestology.analysis.report import Report
from guestology.model import Workspace
from guestology.render import dot, html
from guestology.render.report import to_markdown

ROOT = Path(__file__).resolve().parents[2]
GENERATED = {"small": ("12", "30", "9", "7"), "wide": ("9", "60", "14", "11")}
STATUS = {"ok": "met", "weak": "weak", "failed": "failed", "gap": "unmet"}


@pytest.fixture(scope="module", params=["park", "small", "wide"])
def workspace(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if request.param == "park":
        return load(ROOT / "personas")
    personas, touchpoints, steps, seed = GENERATED[request.param]
    out = tmp_path_factory.mktemp(request.param) / "ws"
    args = ["--personas", personas, "--touchpoints", touchpoints, "--steps", steps]
    command = [sys.executable, "-m", "benchmarks.generate", str(out), *args, "--seed", seed]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return load(out)


def hand_scope(ws: Workspace, pid: str) -> set[str]:
    """Visited touchpoints plus everything that supports them, chains to the end."""
    keep, todo = set(), [step.touchpoint for step in ws.personas[pid].journey]
    while todo:
        tp = todo.pop()
        if tp not in keep:
            keep.add(tp)
            todo += [t.id for t in ws.touchpoints.values() if tp in t.supports]
    return keep


def map_network_ids(page: str) -> set[str]:
    data = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S)
    assert data is not None
    return {node["id"] for node in json.loads(data.group(1))["network"]["nodes"]}


def compass_statuses(page: str, pid: str) -> dict[str, str]:
    """Need and want text -> status, as the map's Guest Compass shows them."""
    start = page.index(f'id="compass-{pid}"')
    card = page[start : page.index("</article>", start)]
    found = {}
    for css in ("needs", "wants"):
        point = card[card.index(f'class="point {css}"') :]
        point = point[: point.index("</div>")]
        for status, text in re.findall(
            r'<li class="item st-(\w+)">.*?<span class="text">(.*?)</span>', point, re.S
        ):
            found[unescape(text)] = STATUS[status]
    return found


def drawing_statuses(source: str, pid: str) -> list[str]:
    """Each row's status in the needs drawing, in row order (needs, then wants)."""
    label = source[source.index(f'"needs/{pid}" [label=<') :]
    rows = re.findall(r'<TD PORT="r\d+"[^>]*>(.*?)</TD></TR>', label[: label.index("shape=plain")])
    marks = {
        "●": "met",
        "○ <I>not served": "unmet",
        "○": "met",
        "◐": "weak",
        "✗": "failed",
        '<FONT COLOR="white"><B>✗': "failed",
        "<FONT": "unmet",
    }
    return [next(v for k, v in marks.items() if row.startswith(k)) for row in rows]


def test_each_persona_sees_the_same_scope_and_needs(workspace: Workspace) -> None:
    for pid in workspace.personas:
        report = analysed(workspace, [pid])
        scope = set(report.scope.touchpoints)
        assert scope == hand_scope(workspace, pid), pid
        drawn = dot.draw(workspace, report, "touchpoints").source
        assert set(re.findall(r'"touchpoint/([^"]+)" \[label', drawn)) == scope, pid
        page = html.to_html(workspace, report)
        assert map_network_ids(page) == scope, pid

        cover = report.needs.of(pid)
        assert cover is not None
        reported = {item.text: item.status for item in cover.items}
        assert compass_statuses(page, pid) == reported, pid
        rows = [i.status for kind in ("need", "want") for i in cover.items if i.kind == kind]
        assert drawing_statuses(dot.draw(workspace, report, "needs").source, pid) == rows, pid


def figures_on_the_map(page: str) -> dict[str, tuple[str, str]]:
    found = re.findall(
        r'<span class="figure-label">(.*?)</span>\s*<span class="figure-value">(.*?)</span>\s*'
        r'<span class="figure-detail">(.*?)</span>',
        page,
    )
    return {unescape(label): (unescape(value), unescape(detail)) for label, value, detail in found}


def hand_figures(ws: Workspace) -> dict[str, float | int]:
    """The headline figures counted from the raw files with the rules written out here."""
    steps = [s for p in ws.personas.values() for s in p.journey]
    measured = [s for s in steps if s.expectation is not None and s.delivery is not None]
    return {
        "steps": len(steps),
        "mean": round(fmean(s.emotion for s in steps), 1),
        "pains": sum(len(s.pain_points) for s in steps),
        "severe": sum(1 for s in steps for p in s.pain_points if p.severity == 3),
        "over": sum(1 for s in measured if s.delivery > s.expectation.desired),  # type: ignore[operator, union-attr]
        "under": sum(1 for s in measured if s.delivery < s.expectation.adequate),  # type: ignore[operator, union-attr]
        "wow": sum(len(s.wow) for s in steps),
        "moments": sum(1 for t in ws.touchpoints.values() if t.moment_of_truth),
    }


def test_headline_figures_agree_with_a_hand_count(workspace: Workspace) -> None:
    report = analysed(workspace)
    f, hand = report.figures, hand_figures(workspace)
    assert (f.steps, f.pains, f.severe_pains, f.above, f.below, f.wow, f.moments) == (
        hand["steps"], hand["pains"], hand["severe"], hand["over"], hand["under"], hand["wow"],
        hand["moments"],
    )  # fmt: skip
    shown = figures_on_the_map(html.to_html(workspace, report))
    minus = "\u2212"
    assert shown["Mean emotion"][0] == f"{hand['mean']:+.1f}".replace("-", minus).replace(
        "+0.0", "0.0"
    )
    assert shown["Open pain points"] == (str(hand["pains"]), f"{hand['severe']} severe (3 of 3)")
    assert shown["Delivery"][0] == f"\u25b2{hand['over']} \u25bc{hand['under']}"
    assert shown["Wow gestures"][0] == str(hand["wow"])
    assert shown["Moments of truth"][0] == str(hand["moments"])
    needs = [i for c in report.needs.personas for i in c.needs]
    unmet = sum(1 for i in needs if i.status == "unmet")
    assert shown["Needs coverage"][1].startswith(f"{unmet} unmet, ")


def disagreements_on_the_map(page: str) -> list[str]:
    block = re.search(r'<ul class="disagree">(.*?)</ul>', page, re.S)
    return (
        [unescape(n) for n in re.findall(r"<li><strong>(.*?)</strong>", block.group(1))]
        if (block)
        else []
    )


def disagreements_in_the_report(report: Report) -> list[str]:
    text = to_markdown(report, limit=None)
    section = text[text.index("One size does not fit all") :]
    table = section[: section.index("\n## ")] if "\n## " in section else section
    rows = re.findall(r"^\| (.+?) \| (?:guest|cast) \|", table, re.M)
    return [re.sub(r"\\(.)", r"\1", row) for row in rows]


def test_divergent_touchpoints_agree(workspace: Workspace) -> None:
    report = analysed(workspace)
    in_report = disagreements_in_the_report(report)
    assert in_report == [d.name for d in report.divergence.touchpoints]
    assert disagreements_on_the_map(html.to_html(workspace, report)) == in_report[:5]


def test_the_journey_marks_every_failure_and_recovery_the_report_finds(
    workspace: Workspace,
) -> None:
    report = analysed(workspace)
    page = html.to_html(workspace, report)
    for pid in workspace.personas:
        start = page.index(f'id="journey-{pid}"')
        article = page[start : page.index("</article>", start)]
        marks = re.findall(r'<li class="(fails(?: recovered)?|recovers)"', article)
        failures = [f for f in report.recovery.failures if f.persona == pid]
        assert marks.count("fails") == sum(1 for f in failures if f.recovered_by is None), pid
        recovered = sum(1 for f in failures if f.recovered_by is not None)
        assert marks.count("fails recovered") == marks.count("recovers") == recovered, pid
        paradoxes = sum(1 for f in failures if f.paradox)
        assert article.count("recovery paradox") == paradoxes, pid
