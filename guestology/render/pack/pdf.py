"""The pack as PDF: printed by a headless Chromium (or Chrome), found on ``PATH`` or given.

The HTML goes into a private temporary folder with its own browser profile; Chromium prints
it to PDF there, and the bytes come back (the caller writes them). Nothing is fetched: the
page is self-contained and Chromium runs with its background networking off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from guestology.problems import GuestologyError

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_S = 180
FLAGS = (
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",
)


def find_browser(given: str | Path | None = None) -> str | None:
    """``given`` (a path or a program on ``PATH``), else the first of ``BROWSERS`` on
    ``PATH``; ``None`` when there is none."""
    if given is not None:
        return shutil.which(str(given))
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html: str, browser: str, timeout: float = TIMEOUT_S) -> bytes:
    """Print ``html`` to PDF with ``browser`` (headless); the PDF's bytes."""
    with tempfile.TemporaryDirectory(prefix="guestology-print-") as tmp:
        source, target = Path(tmp) / "pack.html", Path(tmp) / "pack.pdf"
        source.write_text(html, encoding="utf-8")
        args = [browser, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        args += [f"--print-to-pdf={target}", source.as_uri()]
        try:
            done = subprocess.run(args, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise GuestologyError(f"{browser} did not finish printing in {timeout:.0f} s") from None
        except OSError as exc:
            raise GuestologyError(f"cannot run {browser}: {exc.strerror or exc}") from None
        if not target.is_file() or target.stat().st_size == 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            why = f": {said[-1]}" if said else ""
            raise GuestologyError(f"{browser} printed no PDF (exit {done.returncode}){why}")
        return target.read_bytes()
