"""Shared fixtures: the example workspace, a temporary copy of it, and golden files.

Golden files live in ``tests/golden/``; ``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "personas"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(autouse=True, scope="session")
def _no_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test writes a cache into the repository's workspaces or the user's home folder:
    the file cache is off (the cache tests turn it on) and the user's cache folder is a
    temporary one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GUESTOLOGY_NO_CACHE", "1")
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        yield


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite the golden files.")


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example workspace that a test may change."""
    target = tmp_path / "personas"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: compare ``text`` with ``tests/golden/name`` (or rewrite it)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not update:
                pytest.fail(f"golden file {name} was missing and has been written; run again")
        assert text == path.read_text(encoding="utf-8"), f"{name} differs (--update-golden?)"

    return check
