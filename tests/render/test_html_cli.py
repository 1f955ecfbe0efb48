"""``guestology map`` writing HTML: the README's command, a site for big workspaces, errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from guestology.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_readme_command_maps_the_example_park(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "personas", tmp_path / "personas")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(app, ["map", "personas", "-o", "map.html"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "<h1>Magic Harbor Theme Park</h1>" in page
    assert page.count('<article class="journey') >= 5


def test_a_folder_output_writes_a_site(tmp_path: Path) -> None:
    workspace = ROOT / "tests" / "golden" / "html_workspace"
    result = runner.invoke(app, ["map", str(workspace), "-o", f"{tmp_path / 'site'}/"])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(tmp_path / "site").as_posix() for p in tmp_path.rglob("*.html"))
    assert written == [
        "index.html",
        "personas/floor-host.html",
        "personas/grandpa-lev.html",
        "personas/okafor-family.html",
        "personas/sam-student.html",
    ]


def test_options_reach_the_map(tmp_path: Path) -> None:
    workspace = ROOT / "tests" / "golden" / "html_workspace"
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "brand.html.j2").write_text("<p>Aquarium design team</p>\n")
    out = tmp_path / "out.htm"
    args = ["map", str(workspace), "-o", str(out), "--paper", "a4", "-p", "sam-student"]
    result = runner.invoke(app, [*args, "--templates", str(brand)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "size: A4 landscape" in page and "<p>Aquarium design team</p>" in page
    assert 'id="journey-sam-student"' in page and 'id="journey-grandpa-lev"' not in page


def test_template_errors_are_clear(tmp_path: Path) -> None:
    workspace = ROOT / "tests" / "golden" / "html_workspace"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "footer.html.j2").write_text("{{ page.nothing_here }}\n")
    args = ["map", str(workspace), "-o", str(tmp_path / "m.html"), "--templates", str(broken)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "template error" in result.output and "nothing_here" in result.output
    assert not (tmp_path / "m.html").exists()
