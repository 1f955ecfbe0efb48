"""The cache of unchanged files (``guestology.filecache``): the same bytes out with and
without it, an edited file read again, a broken, foreign or other-version entry ignored,
and nothing written when it is turned off."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.generate import Spec, write_workspace
from guestology import filecache
from guestology.cli import app
from guestology.filecache import FOLDER, FileCache
from guestology.model import dump
from guestology.workspace import _check_file, check_workspace

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GUESTOLOGY_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


@pytest.fixture
def park(tmp_path: Path) -> Path:
    ignore = shutil.ignore_patterns(FOLDER)
    return Path(shutil.copytree(ROOT / "personas", tmp_path / "park", ignore=ignore))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "ws"
    write_workspace(out, Spec(personas=40, touchpoints=40, steps=12, seed=3))
    return out


def outputs(ws: Path, out: Path, *extra: str) -> dict[str, bytes]:
    """What validate, report, map HTML and DOT give for ``ws``: stdout and files, as bytes."""
    out.mkdir(exist_ok=True)
    runs = {
        "validate": ["validate", str(ws)],
        "validate json": ["validate", str(ws), "-f", "json"],
        "report": ["report", str(ws), "-f", "json", "-o", str(out / "report.json")],
        "report md": ["report", str(ws), "-f", "markdown"],
        "map html": ["map", str(ws), "-o", str(out / "map.html")],
        "map dot": ["map", str(ws), "-o", str(out / "map.dot")],
    }
    seen = {}
    for name, argv in runs.items():
        result = runner.invoke(app, [*argv, *extra])
        assert result.exit_code in (0, 1), result.output
        seen[name] = result.stdout_bytes + bytes([result.exit_code])
    for path in sorted(out.iterdir()):
        seen[path.name] = path.read_bytes()
    return seen


def entries(ws: Path) -> list[Path]:
    return sorted((ws / FOLDER).glob("v*/*"))


@pytest.mark.parametrize("which", ["park", "generated"])
def test_outputs_are_the_same_bytes_with_and_without_the_cache(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    ws = request.getfixturevalue(which)
    if which == "generated":  # shared by the module: start from no cache
        shutil.rmtree(ws / FOLDER, ignore_errors=True)
    without = outputs(ws, tmp_path / "without", "--no-cache")
    assert not (ws / FOLDER).exists(), "--no-cache wrote a cache"
    cold = outputs(ws, tmp_path / "cold")
    files = check_workspace(ws).files
    assert len(entries(ws)) == files
    warm = outputs(ws, tmp_path / "warm")
    assert cold == without
    assert warm == without
    cache = FileCache.for_workspace(ws)
    assert cache is not None
    check_workspace(ws, cache=cache)
    assert (cache.hits, cache.misses) == (files, 0)


def test_the_cache_folder_keeps_out_of_git_and_out_of_the_workspace(park: Path) -> None:
    assert runner.invoke(app, ["validate", str(park)]).exit_code == 0
    assert (park / FOLDER / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (park / FOLDER / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d")
    (park / FOLDER / "stray.yaml").write_text("not: [valid\n", encoding="utf-8")
    result = check_workspace(park, cache=FileCache.for_workspace(park))
    assert result.ok and result.files == check_workspace(park).files


def test_an_edited_file_is_read_again_even_with_the_same_size_and_time(park: Path) -> None:
    assert runner.invoke(app, ["validate", str(park)]).exit_code == 0
    path = next(p for p in sorted(park.rglob("*.yaml")) if "emotion: -2" in p.read_text())
    stamp = path.stat()
    path.write_text(path.read_text().replace("emotion: -2", "emotion: +9", 1))
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size
    cached = runner.invoke(app, ["validate", str(park)])
    fresh = runner.invoke(app, ["validate", str(park), "--no-cache"])
    assert cached.exit_code == fresh.exit_code == 1
    assert cached.stdout == fresh.stdout and f"{path}:" in cached.stdout


def test_a_stored_result_round_trips_exactly(park: Path) -> None:
    for path in sorted(park.rglob("*.yaml")):
        result = _check_file(path.relative_to(park).as_posix(), path, 5_000_000)
        again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == result  # pydantic compares fields and private positions, deeply
        if result.model is not None:
            assert type(again.model) is type(result.model)
            assert again.model.where() == result.model.where()
            assert dump(again.model) == dump(result.model)
            assert again.model == result.model


def test_broken_foreign_and_other_version_entries_are_ignored(
    park: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = outputs(park, tmp_path / "expected", "--no-cache")
    outputs(park, tmp_path / "fill")
    for index, entry in enumerate(entries(park)):
        data = entry.read_bytes()
        forged = filecache.MAGIC + b"\0" * 32 + pickle.dumps(("key", (0, 0, b""), None))
        entry.write_bytes([b"", data[: len(data) // 2], data[:-1] + b"!", forged][index % 4])
    assert outputs(park, tmp_path / "broken") == expected
    cache = FileCache.for_workspace(park)
    assert cache is not None
    check_workspace(park, cache=cache)
    assert cache.misses == 0, "the broken entries were not written anew"
    (tmp_path / "user-cache" / "guestology" / filecache.KEY_FILE).unlink()  # another user
    foreign = FileCache.for_workspace(park)
    assert foreign is not None
    check_workspace(park, cache=foreign)
    assert foreign.hits == 0
    monkeypatch.setattr(filecache, "__version__", "99.0")
    other = FileCache.for_workspace(park)
    assert other is not None and other.folder.name == "v99.0"
    check_workspace(park, cache=other)
    assert other.hits == 0


def test_an_unwritable_workspace_uses_the_user_cache_folder(park: Path, tmp_path: Path) -> None:
    (park / FOLDER).write_text("a file where the cache folder would be")
    assert runner.invoke(app, ["validate", str(park)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(park)]).exit_code == 0
    stored = list((tmp_path / "user-cache" / "guestology" / "workspaces").glob("*/v*/*"))
    assert len(stored) == check_workspace(park).files


def test_no_cache_from_the_environment(park: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUESTOLOGY_NO_CACHE", "1")
    assert runner.invoke(app, ["validate", str(park)]).exit_code == 0
    assert not (park / FOLDER).exists()
    assert FileCache.for_workspace(park) is None


def test_two_runs_at_once_share_the_cache(generated: Path, tmp_path: Path) -> None:
    shutil.rmtree(generated / FOLDER, ignore_errors=True)
    argv = [sys.executable, "-m", "guestology", "report", str(generated), "-f", "json"]
    env = {**os.environ}
    runs = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE) for _ in range(3)]
    texts = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert texts[0] == texts[1] == texts[2]
    fresh = subprocess.run([*argv, "--no-cache"], env=env, capture_output=True, check=True)
    assert fresh.stdout == texts[0]
    cache = FileCache.for_workspace(generated)
    assert cache is not None
    check_workspace(generated, cache=cache)
    assert cache.misses == 0
    assert not list((generated / FOLDER).rglob(".tmp-*")), "a temporary file was left behind"


def test_a_run_from_the_cache_never_builds_the_pydantic_classes(park: Path) -> None:
    """Building the checking classes costs 0.07 s of a workshop's run: a run whose files
    all come from the cache goes without them (and gives the same workspace)."""
    probe = (
        "import sys; from pathlib import Path; from guestology.filecache import FileCache;"
        "from guestology.workspace import check_workspace;"
        f"ws = Path({str(park)!r}); r = check_workspace(ws, cache=FileCache.for_workspace(ws));"
        "print(r.ok, len(r.workspace.personas), 'guestology.schema_model' in sys.modules)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert [r.stdout.split() for r in runs] == [["True", "7", "True"], ["True", "7", "False"]]
