"""The wheel: it declares what it imports, carries the templates, and installs and runs."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _venv_with_our_dependencies(env: Path) -> Path:
    """A fresh venv that sees the dependencies of this interpreter, without the network.

    Its own site-packages, where the wheel goes, comes first; a ``.pth`` file adds this
    interpreter's site-packages after it. (``system_site_packages`` would not do: when the
    tests run in a venv, as README's ``.venv``, it shows the *base* interpreter's packages,
    where the dependencies are not. The ``.pth`` lists folders only, so this interpreter's
    own ``.pth`` files, such as the editable install of this checkout, are not run.)
    """
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    probe = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = subprocess.run(
        [str(python), "-c", probe], check=True, capture_output=True, text=True
    ).stdout.strip()
    ours = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")]
    (Path(site) / "_guestology_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    return python


def test_wheel_installs_with_its_templates(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("guestology-*.whl"))
    env = tmp_path / "venv"
    python = _venv_with_our_dependencies(env)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = "import guestology.resources as r; print(r.templates_dir())"
    where = subprocess.run(
        [str(python), "-c", probe], cwd=tmp_path, check=True, capture_output=True, text=True
    ).stdout.strip()
    assert where.startswith(str(env)) and where.endswith("guestology/templates")
    source = ROOT / "templates"
    expected = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()}
    shipped = {p.relative_to(where).as_posix() for p in Path(where).rglob("*") if p.is_file()}
    assert "init/service.yaml" in shipped and shipped == expected
    starter = tmp_path / "starter"
    cli = env / "bin" / "guestology"
    made = subprocess.run([str(cli), "init", str(starter)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([str(cli), "validate", str(starter)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def _imported_top_level_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "guestology").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_every_imported_library_is_a_declared_dependency() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def name(requirement: str) -> str:
        return re.split(r"[\s<>=!~\[;]", requirement, maxsplit=1)[0].lower().replace("_", "-")

    declared = {name(r) for r in project["dependencies"]}
    libraries = _imported_top_level_modules() - set(sys.stdlib_module_names) - {"guestology"}
    distributions = importlib.metadata.packages_distributions()
    needed = {name(distributions[module][0]) for module in libraries}
    assert needed - {"pydantic-core"} <= declared  # pydantic pins its own core
