"""docs/git.md's ready-to-copy snippets stay true to the hook and the commands they name."""

from __future__ import annotations

import posixpath
import re
import shlex
from pathlib import Path

import typer.main
import yaml

from guestology.cli import app

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "git.md").read_text(encoding="utf-8")
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOCS, re.S)


def _options(command: str) -> set[str]:
    commands = getattr(typer.main.get_command(app), "commands", {})
    assert command in commands, command
    return {opt for p in commands[command].params for opt in getattr(p, "opts", [])}


def test_the_hook_validates_the_whole_workspace() -> None:
    [hook] = HOOKS
    assert hook["id"] == "guestology-validate" and hook["language"] == "python"
    assert hook["entry"] == "guestology validate" and hook["pass_filenames"] is False
    assert hook["args"] == ["personas"]
    assert re.search(hook["files"], "personas/guests/family.yml")
    assert not re.search(hook["files"], "personas/notes.md")


def test_the_pre_commit_snippets() -> None:
    remote, local = (yaml.safe_load(b) for b in _blocks("yaml")[:2])
    [hook] = remote["repos"][0]["hooks"]
    assert hook["id"] == HOOKS[0]["id"] and hook["args"] == ["personas"]
    assert re.search(hook["files"], "personas/service.yaml")
    assert not re.search(hook["files"], ".github/workflows/guestology.yml")
    [own] = local["repos"][0]["hooks"]
    assert own["entry"] == "guestology validate personas" and own["pass_filenames"] is False


def test_the_workflow_runs_commands_that_exist() -> None:
    workflow = yaml.safe_load(_blocks("yaml")[2])
    steps = workflow["jobs"]["personas"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    script = "\n".join(step.get("run", "") for step in steps)
    commands = re.findall(r"^\s*(guestology .+)$", script, re.M)
    assert len(commands) == 3
    for line in commands:
        words = shlex.split(line.replace("${{ github.base_ref }}", "main"))
        options = {w.split("=")[0] for w in words if w.startswith("-")}
        assert options <= _options(words[1]), line
    assert "--format github" in script and "report personas --format markdown" in script
    assert "diff" in script and "--format markdown" in script


def test_the_schema_line_points_at_the_generated_file() -> None:
    [command] = [b for b in _blocks("sh") if "guestology schema" in b]
    target = command.split("-o", 1)[1].strip()
    [line] = [b for b in _blocks("yaml") if "yaml-language-server" in b]
    relative = line.split("$schema=", 1)[1].strip()
    assert posixpath.normpath(posixpath.join("personas/guests", relative)) == target
