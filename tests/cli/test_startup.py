"""The command line loads without the garbage collector walking what it loads (issue 15)."""

from __future__ import annotations

import subprocess
import sys

from guestology.perf import CLI_THRESHOLDS


def _after_import(before: str) -> list[str]:
    probe = (
        f"import gc; {before}; import guestology.cli; "
        "print(gc.isenabled(), gc.get_threshold(), gc.get_freeze_count() > 10_000)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.split(" ", 1)


def test_loading_the_cli_freezes_what_it_loaded_and_collects_rarely() -> None:
    enabled, rest = _after_import("pass")
    assert enabled == "True"
    assert rest.strip() == f"{CLI_THRESHOLDS} True"


def test_a_collector_turned_off_before_stays_off() -> None:
    enabled, _rest = _after_import("gc.disable()")
    assert enabled == "False"
