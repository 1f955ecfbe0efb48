"""Writing outputs: atomic, and an ``OSError`` on the output path is a user error (exit 1).

Outputs here go to ``tmp_path``, or below ``/proc`` where nothing can be created. Never
to ``/dev/*``: the tests may run as root, and a rename there would replace a device node.
"""

from __future__ import annotations

import errno
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
runner = CliRunner()


def schema_to(target: Path | str) -> tuple[int, str]:
    result = runner.invoke(app, ["schema", "-o", str(target)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr


def test_a_file_where_a_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("mine\n")
    target = tmp_path / "afile" / "schema.json"
    assert schema_to(target) == (1, f"guestology: error: {target}: Not a directory\n")
    deeper = tmp_path / "afile" / "sub" / "schema.json"
    assert schema_to(deeper) == (1, f"guestology: error: {deeper}: Not a directory\n")
    assert (tmp_path / "afile").read_text() == "mine\n"


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "somedir").mkdir()
    assert schema_to(tmp_path / "somedir") == (
        1,
        f"guestology: error: {tmp_path / 'somedir'}: Is a directory\n",
    )
    assert list((tmp_path / "somedir").iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["somedir"]  # no temporary file left


def test_a_folder_for_a_single_file_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(ROOT / "personas"), "-o", str(tmp_path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr == f"guestology: error: {tmp_path}: Is a directory\n"


def test_a_place_where_nothing_can_be_created() -> None:
    target = "/proc/guestology-test/schema.json"
    code, err = schema_to(target)
    assert code == 1 and err == f"guestology: error: {target}: No such file or directory\n"


def test_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root, permissions do not stop a write: the refusal is simulated where it happens.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "schema.json"
    assert schema_to(target) == (1, f"guestology: error: {target}: Permission denied\n")


def test_init_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    result = runner.invoke(app, ["init", str(tmp_path / "afile")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert ": Not a directory\n" in result.stderr


def test_a_real_process_says_user_error_not_bug(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    target = tmp_path / "afile" / "schema.json"
    done = subprocess.run(
        [sys.executable, "-m", "guestology", "schema", "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == f"guestology: error: {target}: Not a directory\n"


def test_the_output_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "schema.json"
    assert schema_to(target)[0] == 0
    assert target.read_text().startswith("{") and oct(target.stat().st_mode)[-3:] == "644"
