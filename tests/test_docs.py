"""The docs stay true: README's commands, CI's test command, every command and problem code."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from guestology.cli import app
from guestology.problems import CODES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _registered_commands() -> set[str]:
    return {c.name or c.callback.__name__ for c in app.registered_commands}  # type: ignore[union-attr]


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    test_command = commands[1].split(" && ")[-1]
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text()


def test_every_command_is_in_the_readme_with_help() -> None:
    commands = _registered_commands()
    assert {"validate", "init", "map"} <= commands
    for name in commands:
        assert f"### `guestology {name}" in README, name
    for command in app.registered_commands:
        assert command.callback is not None and "Examples" in (command.callback.__doc__ or "")


def test_every_problem_code_is_documented_and_has_a_case() -> None:
    table = (ROOT / "docs" / "format.md").read_text().split("## Problems", 1)[1]
    documented = set(re.findall(r"^\| `([a-z0-9-]+)`", table, re.M))
    documented |= set(re.findall(r"`(unknown-[a-z]+)`", table))
    assert documented == CODES - {"invalid"}
    cases = {p.name for p in (ROOT / "tests" / "data" / "invalid").iterdir()}
    tested_elsewhere = {"file-too-large", "unreadable", "invalid"}  # tests/test_loading.py
    tested_elsewhere |= {"not-a-file"}  # a FIFO cannot be kept in git: tests/test_hostile_*.py
    assert cases <= CODES and CODES - cases == tested_elsewhere


def test_changelog_keeps_unreleased_on_top() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    versions = re.findall(r"^## (.+)$", changelog, re.M)
    assert versions[0] == "Unreleased"


def test_readme_git_snippets_match_the_docs() -> None:
    docs = (ROOT / "docs" / "git.md").read_text()
    readme_git = README.split("## Using guestology in git", 1)[1].split("\n## ", 1)[0]
    snippets = re.findall(r"```yaml\n(.*?)```", readme_git, re.S)
    assert len(snippets) == 3
    for snippet in snippets:
        assert snippet in docs


CITED_FILE = re.compile(
    r"(?<![\w/.-])((?:[\w.-]+/)*[\w-]+\.(?:py|md|toml|j2|css|js|yaml)|(?:[\w.-]+/)+)(?![\w/])"
)
WHEEL_ONLY = {"guestology/templates/"}  # where pyproject puts templates/ in the wheel


def test_module_docstrings_cite_files_that_exist() -> None:
    missing = []
    for module in sorted((ROOT / "guestology").rglob("*.py")):
        doc = ast.get_docstring(ast.parse(module.read_text(encoding="utf-8"))) or ""
        for cited in set(CITED_FILE.findall(doc)) - WHEEL_ONLY:
            places = (ROOT, ROOT / "docs", ROOT / "templates", module.parent)
            if not any((place / cited).exists() for place in places):
                missing.append(f"{module.relative_to(ROOT)}: {cited}")
    assert missing == []


def test_markers_are_registered_documented_and_all_run_in_ci() -> None:
    tomllib = pytest.importorskip("tomllib")
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    markers = {line.split(":", 1)[0] for line in options["markers"]}
    assert markers == {"browser", "graphviz", "network", "slow"}
    assert "--strict-markers" in options["addopts"]
    development = README.split("## Development", 1)[1]
    assert all(f"`{marker}`" in development for marker in markers)
    test_command = re.findall(r"```sh\n(.+?)\n```", README)[1].split(" && ")[-1]
    assert " -m " not in test_command.split("pytest", 1)[1]  # CI runs it: every marker
    for path in (ROOT / "tests" / "browser").glob("test_*.py"):
        assert "pytestmark = pytest.mark.browser" in path.read_text(), path
    hook = (ROOT / "tests" / "test_precommit_hook.py").read_text()
    assert "pytest.mark.network" in hook


TABLE_HEAD = "| option | meaning |\n| --- | --- |\n"
TABLE = r"^\| option \| meaning \|\n(?:\|.*\n)+"


def option_table(command: Any) -> str:
    """The README table of a Click command's options, from the code: names, choices, help."""
    rows = []
    for param in command.params:
        if param.param_type_name != "option" or param.hidden or param.name == "help":
            continue
        cell = ", ".join(f"`{name}`" for name in [*param.opts, *param.secondary_opts])
        choices = _choices(getattr(param, "type_descriptor", None))
        if choices:
            cell += " " + "\\|".join(choices)
        meaning = (param.help or "").strip()
        default = getattr(param.default, "value", param.default)
        if default not in (None, False, [], ()) and not param.is_flag:
            meaning += f" Default: {default}."
        rows.append(f"| {cell} | {meaning} |\n")
    return TABLE_HEAD + "".join(rows)


def _choices(descriptor: Any) -> list[str]:
    """The values of an option typed with an Enum (or an optional one)."""
    import enum
    import typing

    annotation = getattr(descriptor, "annotation", None)
    for kind in (annotation, *typing.get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return [str(member.value) for member in kind]
    return []


def readme_sections() -> dict[str, str]:
    """``guestology NAME`` (``guestology`` for the root) -> its part of the README."""
    reference = README.split("## Command reference", 1)[1].split("\n## ", 1)[0]
    parts = re.split(r"^### `guestology (\w+)[^\n]*\n", reference, flags=re.M)
    names = parts[1::2]
    twice = sorted({n for n in names if names.count(n) > 1})
    assert not twice, f"README has two sections for `guestology {twice[0]}`"
    sections = {"guestology": parts[0]}
    sections.update(
        {f"guestology {n}": text for n, text in zip(parts[1::2], parts[2::2], strict=True)}
    )
    return sections


def expected_tables() -> dict[str, str]:
    import typer.main

    root = typer.main.get_command(app)
    tables = {"guestology": option_table(root)}
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        tables[f"guestology {name}"] = option_table(command)
    return tables


def test_readme_option_tables_match_the_help(request: pytest.FixtureRequest) -> None:
    """Each command's table in README is generated from its options (``--update-golden``)."""
    sections, wrong = readme_sections(), []
    for name, table in expected_tables().items():
        found = re.search(TABLE, sections.get(name, ""), re.M)
        if found is None:
            wrong.append(f"README has no `### `{name}` section with an option table:\n{table}")
            continue
        sections[name] = sections[name].replace(found.group(0), table, 1)
        if found.group(0) != table and not request.config.getoption("--update-golden"):
            wrong.append(f"README's `{name}` table drifted; it should be:\n{table}")
    if request.config.getoption("--update-golden") and sections != readme_sections():
        head, reference = README.split("## Command reference", 1)
        rest = reference.split("\n## ", 1)[1]
        parts = [sections.pop("guestology")]
        parts += [f"### `{name}{title}\n{body}" for name, (title, body) in _titled(sections)]
        text = f"{head}## Command reference{''.join(parts)}\n## {rest}"
        (ROOT / "README.md").write_text(text, encoding="utf-8")
    assert wrong == []


def _titled(sections: dict[str, str]) -> list[tuple[str, tuple[str, str]]]:
    """Each section's heading tail (`` [WORKSPACE]`` ...) beside its new body, in order."""
    reference = README.split("## Command reference", 1)[1].split("\n## ", 1)[0]
    titles = re.findall(r"^### `(guestology \w+)([^\n]*)\n", reference, flags=re.M)
    return [(name, (tail, sections[name])) for name, tail in titles]


def test_the_table_generator_sees_choices_defaults_and_flags() -> None:
    import typer.main

    validate = typer.main.get_command(app).commands["validate"]  # type: ignore[attr-defined]
    table = option_table(validate)
    assert "| `--strict`, `--no-strict` | Warnings fail the run too (exit 1). |" in table
    assert "| `--format`, `-f` text\\|json\\|github |" in table
    assert "Largest YAML file to read, in MB. Default: 5.0. |" in table
