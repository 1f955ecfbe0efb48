"""The HTML map: one self-contained page, the five views in order, escaping, options, site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape
from render_helpers import analysed, load

from guestology.problems import GuestologyError
from guestology.render import html
from guestology.render.html.svg import el, safe_json
from guestology.resources import templates_dir

WORKSPACE = Path(__file__).resolve().parent.parent / "golden" / "html_workspace"
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
VIEWS = ["overview", "compass", "journeys", "together", "network"]


def render(root: Path = WORKSPACE, personas: tuple[str, ...] = (), **options) -> str:  # type: ignore[no-untyped-def]
    ws = load(root)
    return html.to_html(ws, analysed(ws, personas), html.MapOptions(**options))


def article(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</article>", start)]


def make_hostile(tmp_path: Path) -> Path:
    """The test workspace with persona, touchpoint and need texts that try to run script."""
    root = tmp_path / "hostile"
    shutil.copytree(WORKSPACE, root)
    family = root / "personas" / "okafor-family.yaml"
    text = family.read_text(encoding="utf-8")
    text = text.replace("name: The Okafor family", f"name: {json.dumps(HOSTILE[0])}")
    text = text.replace("Food the children will eat", "</script><script>alert(2)</script>")
    family.write_text(text, encoding="utf-8")
    lev = root / "personas" / "grandpa-lev.yaml"
    text = lev.read_text(encoding="utf-8").replace("name: Grandpa Lev", f"name: '{HOSTILE[1]}'")
    lev.write_text(text, encoding="utf-8")
    service = root / "service.yaml"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("name: Shark tunnel", "name: '<b>Shark</b> & tunnel'"))
    return root


@pytest.fixture(scope="module")
def page() -> str:
    return render()


def test_one_self_contained_page(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page and "<script>" in page
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    assert not re.search(r"<script[^>]+src=", page)
    assert "Content-Security-Policy" in page


def test_views_in_order(page: str) -> None:
    ids = re.findall(r'<section id="([\w-]+)"', page)
    assert ids == VIEWS
    every = re.findall(r' id="([^"]+)"', page)
    assert len(every) == len(set(every))  # ids are unique: anchors and aria labels work


def test_every_persona_has_a_compass_and_a_journey(page: str) -> None:
    for pid in ["okafor-family", "grandpa-lev", "sam-student", "floor-host"]:
        assert f'id="compass-{pid}"' in page
        assert f'id="journey-{pid}"' in page
    assert page.index('id="journey-sam-student"') < page.index('id="journey-floor-host"')


def test_journey_lanes_and_line_of_visibility(page: str) -> None:
    journey = article(page, "journey-okafor-family")
    for lane in ["doing", "thinking", "onstage", "backstage", "compass-lane", "emotion"]:
        assert f'class="lane {lane}"' in journey
    for lane in ["expectation", "pains", "opportunities", "wow"]:
        assert f'class="lane {lane}"' in journey
    assert 'class="lov"' in journey
    assert "moment of truth" in journey
    assert "over-delivers by 1" in journey and "under-delivers by 2" in journey
    assert "supported by" in journey  # the backstage huddle behind the entrance


def test_emotion_is_shown_by_sign_not_colour_alone(page: str) -> None:
    journey = article(page, "journey-okafor-family")
    curve = re.search(r'<svg[^>]*class="curve".*?</svg>', journey, re.S)
    assert curve is not None
    labels = re.findall(r'text-anchor="middle">([^<]+)</text>', curve.group(0))
    assert labels == ["+1", "\u22121", "+2", "+2", "+1", "\u22122", "0", "+1"]
    assert "<title" in curve.group(0) and "<desc" in curve.group(0)


def test_overview_figures_and_findings(page: str) -> None:
    overview = page[: page.index('<section id="compass"')]
    for label in ["Needs coverage", "Mean emotion", "Moments of truth", "Open pain points"]:
        assert label in overview
    assert 'class="findings"' in overview
    assert "If the kids are happy, we are happy." in overview
    assert "Cast: internal customers" in overview


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_is_escaped(tmp_path: Path, name: str) -> None:
    page = render(make_hostile(tmp_path))
    assert name not in page
    assert str(escape(name)) in page
    assert "<script>alert" not in page and "</script><script>" not in page
    assert "<b>Shark</b>" not in page and "&lt;b&gt;Shark&lt;/b&gt; &amp; tunnel" in page
    data = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S)
    assert data is not None
    assert "<" not in data.group(1) and ">" not in data.group(1)
    assert "\\u003cscript\\u003e" in data.group(1)
    assert any(p["name"] == HOSTILE[0] for p in json.loads(data.group(1))["network"]["personas"])


def test_safe_json_and_svg_helpers() -> None:
    text = str(safe_json({"a": "</script><!-- & \u2028"}))
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}
    assert str(el("text", {"class_": '"x"', "data-a": 1.25}, "<b>")) == (
        '<text class="&#34;x&#34;" data-a="1.2">&lt;b&gt;</text>'
    )


def test_persona_filter(tmp_path: Path) -> None:
    page = render(personas=["grandpa-lev", "floor-host"])
    assert 'id="journey-grandpa-lev"' in page and 'id="journey-floor-host"' in page
    assert 'id="journey-okafor-family"' not in page
    with pytest.raises(GuestologyError, match="unknown persona"):
        render(personas=["nobody"])


def test_paper_sizes() -> None:
    assert "@page { size: A3 landscape;" in render()
    a4 = render(paper="a4")
    assert "@page { size: A4 landscape;" in a4 and 'class="paper-a4 page-map"' in a4
    with pytest.raises(GuestologyError, match="paper"):
        render(paper="letter")


def test_long_journeys_continue_on_pages_that_fit_the_paper(tmp_path: Path) -> None:
    root = tmp_path / "long"
    shutil.copytree(WORKSPACE, root)
    sam = root / "personas" / "sam-student.yaml"
    text = sam.read_text(encoding="utf-8")
    steps = text[text.index("  - touchpoint: website") :]
    sam.write_text(text + steps + steps, encoding="utf-8")  # 15 steps
    heads = r'steps (\d+)\u2013(\d+) of 15</span> <span class="rh-page">page (\d) of (\d)'
    a4 = re.findall(heads, article(render(root, paper="a4"), "journey-sam-student"))
    assert len(a4) == 2 and a4[0][0] == "1" and a4[1][1] == "15"
    assert int(a4[1][0]) == int(a4[0][1]) + 1 and [p[2:] for p in a4] == [("1", "2"), ("2", "2")]
    a3 = re.findall(heads, article(render(root, paper="a3"), "journey-sam-student"))
    assert a3 == [("1", "15", "1", "1")]


def test_team_templates_come_first(tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "brand.html.j2").write_text('<p class="brand">Acme {{ page.service }}</p>\n')
    (brand / "brand.css").write_text(":root { --accent: #6b2d8f; }\n")
    page = render(templates=brand)
    assert '<p class="brand">Acme Lakeside Aquarium</p>' in page
    assert ":root { --accent: #6b2d8f; }" in page
    assert 'id="journey-okafor-family"' in page  # everything else still built in


def test_template_problems_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(GuestologyError, match="no such templates folder"):
        render(templates=tmp_path / "missing")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "brand.html.j2").write_text("{% if %}\n")
    with pytest.raises(GuestologyError, match="brand.html.j2:1"):
        render(templates=broken)


def test_the_environment_is_cached() -> None:
    assert html.environment(None) is html.environment(None)
    assert html.environment(None).autoescape is True


def test_site_pages() -> None:
    ws = load(WORKSPACE)
    pages = html.to_site(ws, analysed(ws), html.MapOptions())
    names = {"okafor-family", "grandpa-lev", "sam-student", "floor-host"}
    assert set(pages) == {"index.html"} | {f"personas/{p}.html" for p in names}
    index = pages["index.html"]
    assert re.findall(r'<section id="([\w-]+)"', index) == ["overview", "together", "network"]
    assert 'class="journey-table"' not in index  # no journey embedded in the index
    assert 'href="personas/okafor-family.html#journey-okafor-family"' in index
    persona = pages["personas/okafor-family.html"]
    assert re.findall(r'<section id="([\w-]+)"', persona) == ["compass", "journeys"]
    assert 'href="../index.html"' in persona and 'id="journey-okafor-family"' in persona
    assert 'id="journey-grandpa-lev"' not in persona


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_meet_wcag_aa() -> None:
    css = (templates_dir() / "map.css").read_text(encoding="utf-8")
    colour = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{6});", css))
    pairs = [("ink", "panel"), ("muted", "back-bg"), ("muted", "panel"), ("accent", "accent-bg")]
    pairs += [("pos", "pos-bg"), ("neg", "neg-bg"), ("mot", "mot-bg"), ("muted", "mot-bg")]
    for text, background in pairs:
        assert contrast(colour[text], colour[background]) >= 4.5, (text, background)
    for text in ("ink", "muted", "accent", "pos", "neg", "mot", "zero"):
        assert contrast(colour[text], "#ffffff") >= 4.5, text


def test_every_chart_has_a_title_and_a_description(page: str) -> None:
    charts = re.findall(r"<svg(?![^>]*aria-hidden)[^>]*>.*?</svg>", page, re.S)
    assert len(charts) >= 10  # compass roses, emotion curves, all together, network
    for chart in charts:
        head = chart[: chart.index(">") + 1]
        assert 'role="img"' in head or 'role="group"' in head
        labels = re.search(r'aria-labelledby="([\w-]+) ([\w-]+)"', head)
        assert labels is not None, head
        assert f'<title id="{labels.group(1)}">' in chart
        assert f'<desc id="{labels.group(2)}">' in chart
