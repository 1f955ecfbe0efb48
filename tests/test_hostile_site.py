"""Issue 16, ``map -o DIR/``: the site is swapped in whole (the old one or the new one, never
a mix, no temporary folder left), a folder of other files is refused, and a persona id too
long for a file name gets a short page name that the links agree with."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app, site
from guestology.cli.site import NotASite, write_site
from guestology.render.html.view import PAGE_NAME_BYTES, page_path

ROOT = Path(__file__).resolve().parent.parent
OLD = [("index.html", "old index"), ("personas/a.html", "old a"), ("personas/gone.html", "old")]
NEW = [("index.html", "new index"), ("personas/a.html", "new a")]


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _hidden(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith(".")]


def test_a_new_site(tmp_path: Path) -> None:
    write_site(tmp_path / "site", NEW)
    assert _tree(tmp_path / "site") == dict(NEW)
    assert oct((tmp_path / "site").stat().st_mode)[-3:] == "755"
    assert _hidden(tmp_path) == []


@pytest.mark.parametrize("exchange", [True, False])
def test_a_site_replaces_the_old_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:  # a system without renameat2: two renames
        monkeypatch.setattr(site, "_exchange", lambda first, second: False)
    write_site(tmp_path / "site", OLD)
    write_site(tmp_path / "site", NEW)
    assert _tree(tmp_path / "site") == dict(NEW)  # `gone.html` went with the old site
    assert _hidden(tmp_path) == []


def test_a_failure_halfway_leaves_the_old_site(tmp_path: Path) -> None:
    write_site(tmp_path / "site", OLD)

    def pages() -> Iterator[tuple[str, str]]:
        yield NEW[0]
        raise RuntimeError("a template broke")

    with pytest.raises(RuntimeError):
        write_site(tmp_path / "site", pages())
    assert _tree(tmp_path / "site") == dict(OLD)
    assert _hidden(tmp_path) == []


def test_a_folder_of_other_files_is_refused_and_untouched(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("mine")
    with pytest.raises(NotASite, match="it holds `notes.txt`"):
        write_site(tmp_path / "docs", NEW)
    assert _tree(tmp_path / "docs") == {"notes.txt": "mine"} and _hidden(tmp_path) == []


def test_the_current_folder_is_not_swapped_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "site").mkdir()
    monkeypatch.chdir(tmp_path / "site")
    with pytest.raises(NotASite, match="the current folder is inside it"):
        write_site(Path("."), NEW)


def test_a_link_to_a_site_is_followed(tmp_path: Path) -> None:
    write_site(tmp_path / "real", OLD)
    (tmp_path / "link").symlink_to("real")
    write_site(tmp_path / "link", NEW)
    assert (tmp_path / "link").is_symlink() and _tree(tmp_path / "real") == dict(NEW)


def test_leftovers_of_killed_runs_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = tmp_path / f".site.guestology-{dead.stdout.strip()}-abc"
    alive = tmp_path / f".site.guestology-{os.getppid()}-abc"  # a run still going
    for folder in (stale, alive):
        (folder / "personas").mkdir(parents=True)
    write_site(tmp_path / "site", NEW)
    assert _hidden(tmp_path) == [alive.name]


KILLED = """
import sys, time
from pathlib import Path
from guestology.cli.site import write_site

def pages():
    for i in range(1000):
        yield f"personas/p{i}.html", "new"
        if i == 5:
            print("writing", flush=True)
            time.sleep(30)

write_site(Path(sys.argv[1]), pages())
"""


def test_kill_9_leaves_the_old_site_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    write_site(tmp_path / "site", OLD)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(tmp_path / "site")], stdout=subprocess.PIPE, cwd=ROOT
    )
    assert child.stdout is not None and child.stdout.readline() == b"writing\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert _tree(tmp_path / "site") == dict(OLD)  # untouched: the new pages were elsewhere
    assert len(_hidden(tmp_path)) == 1  # the killed run's temporary folder...
    write_site(tmp_path / "site", NEW)
    assert _hidden(tmp_path) == []  # ...which the next run removes
    assert _tree(tmp_path / "site") == dict(NEW)


def test_long_ids_get_short_page_names() -> None:
    cjk = "\u6f22" * 85  # 255 bytes in UTF-8: with `.html`, too long for a file name
    short = page_path("ramirez-family")
    assert short == "personas/ramirez-family.html"
    long_a, long_b = page_path(cjk), page_path(cjk + "x")
    name = long_a.removeprefix("personas/")
    assert len(name.encode()) <= PAGE_NAME_BYTES + len(".html") and long_a != long_b
    assert re.fullmatch("\u6f22{29}-[0-9a-f]{12}\\.html", name)
    assert page_path(cjk) == long_a  # the same id, the same name: links agree across runs


def test_a_site_with_a_long_persona_id(tmp_path: Path) -> None:
    cjk = "\u6f22" * 85
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "service.yaml").write_text(
        "service: S\nstages: [a]\ntouchpoints:\n  - {id: t, name: T, stage: a, owner: o}\n"
    )
    (ws / "p.yaml").write_text(
        f"persona: {cjk}\nname: Long\njourney:\n  - {{touchpoint: t, emotion: 0}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["map", str(ws), "-o", f"{tmp_path / 'site'}/"])
    assert result.exit_code == 0, result.output
    pages = sorted(
        p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*.html")
    )
    assert pages == ["index.html", page_path(cjk)]
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="(personas/[^"#]+)', index))
    assert linked == {page_path(cjk)}
    assert _hidden(tmp_path) == []


def test_dash_is_no_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").mkdir()  # even with a folder named `-` here, `-o -` is stdout
    result = CliRunner().invoke(app, ["map", str(ROOT / "personas"), "-o", "-", "-q"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert list((tmp_path / "-").iterdir()) == []


def test_a_site_below_a_file_is_exit_1(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = CliRunner().invoke(
        app, ["map", str(ROOT / "personas"), "-o", f"{tmp_path}/afile/site/"]
    )
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr == f"guestology: error: {tmp_path}/afile/site: Not a directory\n"


def test_a_site_in_a_read_only_folder_is_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> str:  # as root, chmod would not stop us
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(site.tempfile, "mkdtemp", refuse)
    target = tmp_path / "site"
    result = CliRunner().invoke(app, ["map", str(ROOT / "personas"), "-o", f"{target}/"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr == f"guestology: error: {target}: Permission denied\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "ids",
    [
        ["ana", "Ana", "ANA"],  # one file on a case-insensitive file system
        ["caf\u00e9", "cafe\u0301"],  # é composed and decomposed: one file on macOS
        [".", "..", ".hidden"],  # valid ids; a page must not be hidden or a folder
    ],
)
def test_ids_that_one_file_system_would_merge_get_their_own_pages(ids: list[str]) -> None:
    pages = [page_path(pid) for pid in ids]
    names = [p.removeprefix("personas/") for p in pages]
    folded = {unicodedata.normalize("NFC", n).casefold() for n in names}
    assert len(folded) == len(ids), pages
    assert all(not n.startswith(".") and n.endswith(".html") and "/" not in n for n in names)
    assert page_path("ana") == "personas/ana.html"  # plain ids keep their plain name
