"""Escaping user text for Graphviz: every hostile label gives valid DOT (checked by ``dot``)
and reads back as the text the user wrote; the emotion scale survives a grayscale print."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import graphviz
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_helpers import load, to_dot

from guestology.render import dot
from guestology.render.dot.text import EMOTION_COLORS, clean, emotion_fill, html, label

pytestmark = pytest.mark.graphviz  # `dot` checks every label
HOSTILE = [
    'She said "hi"',
    "C:\\new\\table\\",
    'back\\"slash',
    "{braces} [brackets] | pipe ; semi -> arrow -- edge",
    "<b>bold</b> <<double>> & &amp; <!-- comment -->",
    "line one\nline two\r\nline three",
    "emoji 🎢🍦👨‍👩‍👧 and ZWJ",
    "RTL مرحبا עברית and combining é",
    "tab\tand control \x01\x07 chars",
    "\\N \\G \\E \\T \\H \\L \\l \\r \\n",
    "digraph node edge graph subgraph strict",
    "trailing backslash \\",
]


def run_dot(source: str, fmt: str = "json") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["dot", f"-T{fmt}"], input=source.encode(), capture_output=True)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nlr" else m.group(1), text)


def read_back(texts: list[str]) -> tuple[list[str], list[str]]:
    """Plain labels and HTML-like labels of ``texts`` as Graphviz reads them back."""
    canvas = graphviz.Digraph("t")
    for i, text in enumerate(texts):
        canvas.node(f"plain{i}", label=label(text))
        canvas.node(f"html{i}", label=f"<<TABLE><TR><TD>{html(text)}</TD></TR></TABLE>>")
    done = run_dot(canvas.source)
    assert done.returncode == 0, done.stderr.decode()
    objects = {o["name"]: o for o in json.loads(done.stdout)["objects"]}
    plain = [unescape(objects[f"plain{i}"]["label"]) for i in range(len(texts))]
    return plain, [objects[f"html{i}"]["label"] for i in range(len(texts))]


def test_hostile_labels_are_valid_dot_and_read_back() -> None:
    plain, marked = read_back(HOSTILE)
    assert plain == [clean(text) for text in HOSTILE]
    assert all("<b>" not in m for m in marked[4:5]) and "&lt;b&gt;" in marked[4]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_any_text_gives_valid_dot(texts: list[str]) -> None:
    plain, _ = read_back(texts)
    assert plain == [clean(text) for text in texts]


def test_label_escapes_backslashes_and_is_never_html() -> None:
    assert label("a\\b") == "a\\\\b"
    assert label("one\ntwo") == "one\\ntwo"
    assert label(["left", "lines"], justify="l") == "left\\llines\\l"
    assert isinstance(label("<b>x</b>"), graphviz.quoting.NoHtml)
    assert graphviz.quoting.quote(label("<b>x</b>")) == '"<b>x</b>"'


def test_clean_drops_controls_and_lone_surrogates() -> None:
    assert clean("a\x00b\x1fc\u2028d") == "abcd"
    assert clean("x\ud800y") == "x?y"
    assert clean("a\r\nb\rc\td") == "a\nb\nc d"


def luminance(color: str) -> float:
    """WCAG relative luminance: what a grayscale print keeps."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_emotion_scale_is_ordered_in_grayscale() -> None:
    """Lightness rises from -2 to +2 in clear steps, so a grayscale print keeps the order."""
    values = [luminance(emotion_fill(v)[0]) for v in (-2.0, -1.0, 0.0, 1.0, 2.0)]
    assert values == sorted(values)
    assert all(b - a > 0.08 for a, b in zip(values, values[1:], strict=False))
    assert emotion_fill(-2.0) == (EMOTION_COLORS[0], "white")
    assert emotion_fill(2.0)[1] == "black" and emotion_fill(None) == ("white", "black")
    assert emotion_fill(9.0) == emotion_fill(2.0)


HOSTILE_SERVICE = """\
service: "Park \\"<&>\\" {x} \\\\"
stages:
  - {id: plan, name: "Plan <b>it</b>\\nnow"}
  - {id: "café", name: "Café ☕ \\\\"}
touchpoints:
  - {id: web, name: "Buy \\"tickets\\" \\\\ {now} <here> 🎟️", stage: plan, channel: web}
  - {id: "büro.desk", name: "Desk\\nwith\\ttab \\u200f RTL مرحبا", stage: "café",
     moment_of_truth: true}
  - {id: graph, name: "\\\\", stage: "café", visibility: backstage, supports: ["büro.desk"]}
"""
HOSTILE_PERSONA = """\
persona: "émilie"
name: "Émilie \\"the <critic>\\" \\\\o/ 👩‍👧"
quote: "It's {fine}\\n]]> -->"
summary: "<table>not html</table> \\\\N \\\\G"
compass:
  needs: [{id: n1, text: "Need \\"<x>\\"\\\\"}, "Plain & simple ☂"]
  wants: [{id: w1, text: "Want {a|b}", for: [n1]}]
  stereotypes: [{id: s1, text: "<<Stereo>>"}]
  emotions: [{id: e1, text: "Joy\\n\\\\n"}]
journey:
  - {touchpoint: web, emotion: -2, serves: [w1], evokes: [e1],
     doing: "Types \\"\\\\\\" into <input>"}
  - {touchpoint: "büro.desk", emotion: 2, counters: [s1],
     pain_points: [{text: "Pain \\\\", severity: 3}]}
  - {touchpoint: graph, emotion: 0}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("hostile")
    (root / "service.yaml").write_text(HOSTILE_SERVICE, encoding="utf-8")
    (root / "emilie.yaml").write_text(HOSTILE_PERSONA, encoding="utf-8")
    return load(root)


@pytest.mark.parametrize(
    ("view", "personas"),
    [("touchpoints", []), ("needs", []), ("compass", ["émilie"]), ("blueprint", ["émilie"])],
)
def test_hostile_workspace_renders_every_view(hostile, view: str, personas: list[str]) -> None:  # type: ignore[no-untyped-def]
    source = to_dot(hostile, view, personas)
    done = run_dot(source, "svg")
    assert done.returncode == 0 and b"syntax error" not in done.stderr, done.stderr.decode()
    assert b"Warning" not in done.stderr, done.stderr.decode()


def test_hostile_names_read_back_exactly(hostile) -> None:  # type: ignore[no-untyped-def]
    done = run_dot(to_dot(hostile))
    assert done.returncode == 0, done.stderr.decode()
    tips = {o["name"]: unescape(o.get("tooltip", "")) for o in json.loads(done.stdout)["objects"]}
    for tp in hostile.touchpoints.values():
        assert tips[f"touchpoint/{tp.id}"] == clean(f"{tp.name} ({tp.id})")


def test_hostile_svg_is_xml(hostile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import xml.etree.ElementTree as ET

    root = ET.fromstring(dot.render(to_dot(hostile), "svg"))
    titles = {e.text for e in root.iter("{http://www.w3.org/2000/svg}title")}
    assert {"touchpoint/web", "touchpoint/büro.desk", "touchpoint/graph"} <= titles
