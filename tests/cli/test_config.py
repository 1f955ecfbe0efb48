"""The configuration file: found upwards from the current folder; options given win."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from guestology.cli import app
from guestology.cli.config import ConfigError, find_config

runner = CliRunner()


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose workspace is ``research/personas``, run from ``research/notes``."""
    assert runner.invoke(app, ["init", str(tmp_path / "research" / "personas")]).exit_code == 0
    (tmp_path / "research" / "notes").mkdir()
    monkeypatch.chdir(tmp_path / "research" / "notes")
    return tmp_path


def pyproject(repo: Path, body: str) -> None:
    (repo / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[tool.guestology]\n{body}')


def test_no_file_means_the_defaults(repo: Path) -> None:
    config = find_config()
    assert config.path is None and config.workspace() is None and config.default_map() == {}
    result = runner.invoke(app, ["--show-config"])
    assert result.stdout.splitlines()[0] == 'workspace = "personas"'.ljust(36) + "# default"


def test_pyproject_gives_the_workspace_and_defaults(repo: Path) -> None:
    pyproject(repo, 'workspace = "research/personas"\nstrict = true\nmax-file-size = 2\n')
    guest = repo / "research" / "personas" / "guests" / "first-guest.yaml"
    guest.write_text(guest.read_text() + "  - touchpoint: website\n    emotion: -2\n")  # a warning
    strict = runner.invoke(app, ["validate"])
    assert strict.exit_code == 1, strict.output  # the workspace found, the warning fails it
    assert "../personas/guests/first-guest.yaml:" in strict.stdout
    assert runner.invoke(app, ["validate", "--no-strict"]).exit_code == 0  # the option wins
    shown = runner.invoke(app, ["--show-config"]).stdout.splitlines()
    source = f"# {repo / 'pyproject.toml'} [tool.guestology]"
    assert shown == [
        'workspace = "../personas"'.ljust(36) + source,
        'paper = "a3"'.ljust(36) + "# default",
        "strict = true".ljust(36) + source,
        "max-file-size = 2.0".ljust(36) + source,
    ]


def test_max_file_size_from_the_file_and_from_the_option(repo: Path) -> None:
    pyproject(repo, 'workspace = "research/personas"\nmax-file-size = 0.001\n')
    small = runner.invoke(app, ["validate"])
    assert small.exit_code == 1 and "(file-too-large)" in small.stdout
    assert runner.invoke(app, ["validate", "--max-file-size", "5"]).exit_code == 0


def test_paper_reaches_the_map(repo: Path) -> None:
    (repo / ".guestology.yaml").write_text("workspace: research/personas\npaper: a4\n")
    target = repo / "map.html"
    assert runner.invoke(app, ["map", "-o", str(target)]).exit_code == 0
    a4 = target.read_text()
    assert runner.invoke(app, ["map", "-o", str(target), "--paper", "a3"]).exit_code == 0
    assert "A4" in a4 or "a4" in a4
    assert a4 != target.read_text()


def test_the_yaml_file_wins_over_pyproject_in_the_same_folder(repo: Path) -> None:
    pyproject(repo, "strict = true\n")
    (repo / ".guestology.yaml").write_text("strict: false\n")
    assert find_config().values == {"strict": False}
    assert find_config().path == repo / ".guestology.yaml"


def test_a_pyproject_without_the_table_is_passed_over(repo: Path) -> None:
    (repo / "research" / "pyproject.toml").write_text('[project]\nname = "inner"\n')
    pyproject(repo, 'paper = "a4"\n')
    assert find_config().path == repo / "pyproject.toml"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('workspce = "x"\n', "unknown setting `workspce` (did you mean `workspace`?)"),
        ('paper = "a5"\n', '`paper` should be "a3" or "a4", got \'a5\''),
        ('strict = "yes"\n', "`strict` should be true or false"),
        ("max-file-size = 0\n", "`max-file-size` should be a number of MB"),
        ("strict = \n", "cannot read it"),
    ],
)
def test_a_wrong_setting_is_a_user_error(repo: Path, body: str, words: str) -> None:
    pyproject(repo, body)
    with pytest.raises(ConfigError, match=".*"):
        find_config()
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1 and words in result.stderr, result.stderr
