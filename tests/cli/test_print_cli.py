"""``guestology print`` and ``guestology serve`` at the command line (no browser needed)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from guestology.cli import app

PARK = str(Path(__file__).resolve().parents[2] / "personas")


def test_html_needs_nothing(tmp_path: Path) -> None:
    out = tmp_path / "pack.html"
    result = CliRunner().invoke(app, ["print", PARK, "-o", str(out), "--pages", "cards"])
    assert result.exit_code == 0, result.output
    assert 'class="sheet cards-page"' in out.read_text(encoding="utf-8")


def test_without_a_browser_the_html_is_written_and_the_way_explained(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    empty = tmp_path / "bin"
    empty.mkdir()
    args = ["print", PARK, "-o", str(out), "--pages", "canvas"]
    result = CliRunner().invoke(app, args, env={"PATH": str(empty)})
    assert result.exit_code == 1
    assert "cannot print a PDF" in result.output and "pack.html" in result.output
    assert not out.exists() and (tmp_path / "pack.html").is_file()
    result = CliRunner().invoke(app, [*args, "--browser", str(tmp_path / "no-such-chrome")])
    assert result.exit_code == 1 and "no-such-chrome" in result.output


def test_wrong_suffix_pages_and_persona(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["print", PARK, "-o", str(tmp_path / "pack.txt")])
    assert result.exit_code == 2
    result = runner.invoke(app, ["print", PARK, "-o", str(tmp_path / "p.html"), "--pages", "x"])
    assert result.exit_code == 2 and "cards,compass" in result.output
    result = runner.invoke(app, ["print", PARK, "-o", str(tmp_path / "p.html"), "-p", "ramirez"])
    assert result.exit_code == 1 and "ramirez-family" in result.output


def test_the_designed_future_pack(tmp_path: Path) -> None:
    """`--state future` prints the personas that have a `future:` journey, with their future
    steps, and says so on every journey page and card; today's pack never does."""
    import re

    runner = CliRunner()
    future, today = tmp_path / "future.html", tmp_path / "today.html"
    pages = ["--pages", "cards,journeys"]
    result = runner.invoke(app, ["print", PARK, "-o", str(future), *pages, "--state", "future"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["print", PARK, "-o", str(today), *pages])
    assert result.exit_code == 0, result.output
    text, before = future.read_text(encoding="utf-8"), today.read_text(encoding="utf-8")
    heads = re.findall(r'<span class="rh-what">([^<]+)</span>', text)
    assert heads and set(heads) == {"Designed future"}
    assert text.count("Emotion along the designed future") == 2  # Marcus Bell, the Ramirez family
    assert "Magic Harbor Theme Park (designed future)" in text
    assert "designed future" not in before.lower() and "Jordan Lee" in before
    assert "Jordan Lee" not in text  # no future journey of his
    result = runner.invoke(app, ["print", PARK, "-o", str(future), "--state", "future",
                                 "-p", "jordan-lee"])  # fmt: skip
    assert result.exit_code == 1 and "has no `future:` journey" in result.output
