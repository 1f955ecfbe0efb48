"""The configuration file: a team's defaults, so that nobody types them on every command.

As ruff and yamllint do, guestology looks from the current folder upwards and takes the first
folder that has ``.guestology.yaml`` (or ``.guestology.yml``), or a ``pyproject.toml`` with a
``[tool.guestology]`` table (a ``pyproject.toml`` without one is passed over)::

    [tool.guestology]
    workspace = "research/personas"   # relative to the file's folder
    paper = "a4"                      # guestology map --paper
    strict = true                     # guestology validate --strict
    max-file-size = 2                 # MB, every command's --max-file-size

Options given on the command line win. ``guestology --show-config`` prints what is in force
and where it comes from.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

YAML_NAMES = (".guestology.yaml", ".guestology.yml")
DEFAULTS: dict[str, Any] = {"workspace": "personas", "paper": "a3", "strict": False}
DEFAULTS["max-file-size"] = 5.0
COMMANDS = {  # which command options each setting gives its default to
    "paper": ("map",),
    "strict": ("validate",),
    "max-file-size": ("validate", "report", "map", "diff"),
}


class ConfigError(Exception):
    """A configuration file that cannot be read or holds a wrong setting (exit 1)."""


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (``path`` is ``None`` when there is none)."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def source(self) -> str:
        if self.path is None:
            return "default"
        toml = self.path.name == "pyproject.toml"
        return f"{self.path} [tool.guestology]" if toml else str(self.path)

    def workspace(self) -> Path | None:
        """The configured workspace, relative to the configuration file's folder."""
        if self.path is None or "workspace" not in self.values:
            return None
        return _relative(self.path.parent / self.values["workspace"])

    def default_map(self) -> dict[str, dict[str, Any]]:
        """Click's ``default_map``: each command's option defaults from this file."""
        out: dict[str, dict[str, Any]] = {}
        for key, value in self.values.items():
            for command in COMMANDS.get(key, ()):
                out.setdefault(command, {})[key.replace("-", "_")] = value
        return out

    def lines(self) -> list[str]:
        """``key = value  # from where``, for every setting (``--show-config``)."""
        out = []
        for key, default in DEFAULTS.items():
            given = key in self.values
            value = self.values.get(key, default)
            if key == "workspace" and given:
                value = str(self.workspace())
            shown = str(value).lower() if isinstance(value, bool) else repr(value)
            shown = shown.replace("'", '"')
            out.append(f"{key} = {shown}".ljust(36) + f"# {self.source if given else 'default'}")
        return out


def find_config(start: Path | None = None) -> Config:
    """The configuration in force from ``start`` (the current folder): the nearest file."""
    folder = (start or Path.cwd()).resolve()
    for place in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (place / name).is_file():
                return Config(place / name, _check(place / name, _read_yaml(place / name)))
        pyproject = place / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("guestology")
            if table is not None:
                return Config(pyproject, _check(pyproject, table))
    return Config()


def _relative(path: Path) -> Path:
    """``path`` as seen from the current folder (``../personas``), as problems show it."""
    try:
        return Path(os.path.relpath(path, Path.cwd()))
    except ValueError:  # another drive (Windows)
        return path


def _read_toml(path: Path) -> dict[str, Any]:
    toml = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    try:
        return dict(toml.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, toml.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it: {exc}") from None


def _read_yaml(path: Path) -> Any:
    from guestology.parsing import parse_yaml

    try:
        parsed = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it: {exc}") from None
    if parsed.problems:
        problem = parsed.problems[0]
        raise ConfigError(problem.format())
    return {} if parsed.data is None else parsed.data


def _check(path: Path, table: Any) -> dict[str, Any]:
    """The settings of ``table``, each checked; an unknown key or a wrong value is an error."""
    from guestology.problems import did_you_mean

    if not isinstance(table, dict):
        raise ConfigError(f"{path}: the settings should be a table of `key = value`")
    for key, value in table.items():
        if key not in DEFAULTS:
            hint = did_you_mean(key.replace("_", "-"), DEFAULTS)
            raise ConfigError(f"{path}: unknown setting `{key}`{hint}")
        problem = _wrong(key, value)
        if problem:
            raise ConfigError(f"{path}: `{key}` should be {problem}, got {value!r}")
    return {k: float(v) if k == "max-file-size" else v for k, v in table.items()}


def _wrong(key: str, value: Any) -> str:
    if key == "workspace" and not (isinstance(value, str) and value.strip()):
        return "a folder (text)"
    if key == "paper" and value not in ("a3", "a4"):
        return '"a3" or "a4"'
    if key == "strict" and not isinstance(value, bool):
        return "true or false"
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if key == "max-file-size" and not (number and value >= 0.001):
        return "a number of MB (at least 0.001)"
    return ""
