"""The wheel carries the templates: build it, install it in a fresh venv, use it."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    # The venv sees this interpreter's packages for the dependencies (no network), but its
    # own site-packages, where the wheel goes, comes first.
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env)
    python = env / "bin" / "python"
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
    subprocess.run([str(cli), "init", str(starter)], check=True, capture_output=True)
    done = subprocess.run([str(cli), "validate", str(starter)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
