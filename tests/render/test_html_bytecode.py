"""Compiled templates kept between runs (``guestology.render.html.bytecode``): an edited
``--templates`` file is compiled again, a corrupt cache file is ignored, and
``GUESTOLOGY_NO_CACHE`` writes nothing. Each run is a fresh process, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKSPACE = ROOT / "tests" / "golden" / "html_workspace"


def run_map(tmp_path: Path, templates: Path, **env: str) -> str:
    out = tmp_path / "map.html"
    environ = {k: v for k, v in os.environ.items() if k != "GUESTOLOGY_NO_CACHE"}
    environ |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), **env}
    argv = [sys.executable, "-m", "guestology", "map", str(WORKSPACE), "-o", str(out)]
    argv += ["--templates", str(templates), "-q", "--no-cache"]  # the file cache stays off
    done = subprocess.run(argv, env=environ, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def cached(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "guestology").glob("templates-*/*.cache"))


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    footer = templates / "footer.html.j2"
    footer.write_text("<p>FIRST-FOOTER</p>\n", encoding="utf-8")
    first = run_map(tmp_path, templates)
    assert "FIRST-FOOTER" in first
    assert cached(tmp_path), "the compiled templates were not kept"
    stamp = footer.stat()
    footer.write_text("<p>OTHER-FOOTER</p>\n", encoding="utf-8")  # same size
    os.utime(footer, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # and the same time
    second = run_map(tmp_path, templates)
    assert "OTHER-FOOTER" in second and "FIRST-FOOTER" not in second


def test_a_corrupt_cache_file_is_ignored(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    expected = run_map(tmp_path, templates, GUESTOLOGY_NO_CACHE="1")
    assert not cached(tmp_path), "GUESTOLOGY_NO_CACHE wrote a cache"
    assert run_map(tmp_path, templates) == expected
    files = cached(tmp_path)
    assert len(files) >= 10
    for index, path in enumerate(files):
        data = path.read_bytes()
        broken = [b"", b"garbage", data[: len(data) // 2], data[:40] + b"\0" * 64]
        path.write_bytes(broken[index % 4])
    assert run_map(tmp_path, templates) == expected
    assert run_map(tmp_path, templates) == expected  # and the cache was written anew
