"""A bug exits 3 and leaves its traceback in a log the message names (or on stderr when debugging).

The bug is planted in ``check_workspace``, with persona data in a local variable that must
not reach the log or the terminal.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from guestology.cli import main

MINIMAL = Path(__file__).resolve().parent.parent / "data" / "valid" / "minimal"
SECRET = "Grandpa Lev's diagnosis"


def _planted_bug(*args: object, **kwargs: object) -> None:
    persona_notes = SECRET  # a local variable: never shown
    raise RuntimeError(f"planted bug ({len(persona_notes)})")


@pytest.fixture
def crash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[[], str]:
    """Run ``guestology validate`` with the planted bug; returns its stderr."""
    monkeypatch.delenv("GUESTOLOGY_DEBUG", raising=False)
    monkeypatch.setattr("guestology.workspace.check_workspace", _planted_bug)
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/guestology", "validate", str(MINIMAL)])

    def run() -> str:
        with pytest.raises(SystemExit) as exit_info:
            main()
        assert exit_info.value.code == 3
        return capsys.readouterr().err

    return run


def _named_log(err: str) -> Path:
    assert err.startswith("guestology: unexpected error: RuntimeError\n")
    assert "This is a bug in guestology: please report it" in err and "Traceback" not in err
    assert "GUESTOLOGY_DEBUG=1" in err and SECRET not in err
    return Path(err.split("the log written to ", 1)[1].split("\n", 1)[0])


def _check_log(log: Path) -> None:
    text = log.read_text(encoding="utf-8")
    assert text.startswith("guestology 0.") and f"command: guestology validate {MINIMAL}" in text
    assert "Traceback (most recent call last):" in text and "_planted_bug" in text
    assert "RuntimeError: planted bug (23)" in text and SECRET not in text


def test_the_log_goes_to_the_xdg_cache(
    crash: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    log = _named_log(crash())
    assert log == tmp_path / "cache" / "guestology" / "guestology.log"
    _check_log(log)
    crash()  # a second bug replaces the log, as pre-commit's does
    assert log.read_text(encoding="utf-8").count("Traceback") == 1


def test_without_xdg_the_log_goes_to_the_home_cache(
    crash: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    log = _named_log(crash())
    assert log == tmp_path / ".cache" / "guestology" / "guestology.log"
    _check_log(log)


def test_an_unwritable_cache_falls_back_to_a_temporary_file(
    crash: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    log = _named_log(crash())
    assert log.parent == tmp_path / "tmp" and log.name.startswith("guestology-")
    _check_log(log)


def test_debug_prints_the_traceback_and_writes_no_log(
    crash: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("GUESTOLOGY_DEBUG", "1")
    err = crash()
    assert "Traceback (most recent call last):" in err and "RuntimeError: planted bug" in err
    assert "please report it" in err and SECRET not in err
    assert not (tmp_path / "cache").exists()


def test_user_errors_write_no_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "argv", ["guestology", "validate", str(tmp_path / "nowhere")])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1 and "no such workspace folder" in capsys.readouterr().err
    assert not (tmp_path / "cache").exists()
