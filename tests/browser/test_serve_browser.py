"""``guestology serve`` for real: a server in a subprocess, a page in Debian's Chromium, an
edit, a broken file and its fix, each seen in the open page without a click; Ctrl-C stops it.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from test_map_browser import FIXTURE, browser  # noqa: F401

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
UPDATE_S = 2.0  # the issue: an open page shows a saved edit within 2 s


def test_serve_updates_the_open_page_and_survives_a_broken_file(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    root = tmp_path / "ws"
    shutil.copytree(FIXTURE, root)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    server = subprocess.Popen(
        [sys.executable, "-m", "guestology", "serve", str(root), "--port", "0"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stderr.readline() if server.stderr else ""
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        page = browser.new_page()
        page.goto(url.group(0))
        assert page.locator("#journey-grandpa-lev").count() == 1
        time.sleep(0.3)  # the event stream is open

        lev = root / "personas" / "grandpa-lev.yaml"
        good = lev.read_text(encoding="utf-8")
        lev.write_text(good.replace("name: Grandpa Lev", "name: Grandpa Levi"), encoding="utf-8")
        start = time.monotonic()
        page.wait_for_function(
            "() => document.body && document.body.innerText.includes('Grandpa Levi')",
            timeout=10_000,
        )
        assert time.monotonic() - start < UPDATE_S

        lev.write_text(good + "\njourney: [\n", encoding="utf-8")  # a broken file
        page.wait_for_selector(".problem-list", timeout=10_000)
        problems = page.locator(".problem-list").inner_text()
        assert re.search(r"grandpa-lev\.yaml:\d+:\d+: \[error\]", problems), problems
        assert server.poll() is None  # still serving

        lev.write_text(good, encoding="utf-8")  # fixed: the map is back
        page.wait_for_selector("#journey-grandpa-lev", timeout=10_000)
        assert page.locator(".problem-list").count() == 0
        page.close()
        lev.write_text(good, encoding="utf-8")
        assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C
        code = server.wait(timeout=10)
    assert code == 0
    assert "stopped" in (server.stderr.read() if server.stderr else "")
