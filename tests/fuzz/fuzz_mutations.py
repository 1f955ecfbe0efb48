"""A seeded mutator of workspaces: bytes, YAML structure and the file system (issue 16).

``mutate(rng, files, root, outside)`` writes a mutated copy of ``files`` (relative path ->
text) into ``root`` and returns what it did, for the failure message. Every hostile input
that issue 16 found is among the mutations: huge numbers, empty tagged values, control
characters and line separators, long texts, duplicate references, FIFOs, links to
``/dev/zero`` and out of the workspace, unreadable names.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import yaml

SNIPPETS = [
    "9" * 5000,
    "-" + "9" * 4400,
    "0x" + "f" * 3000,
    "!!int ''",
    "!!float ''",
    "!!timestamp foo",
    "!!bool ''",
    "!!python/object/apply:os.system ['true']",
    "&a [1]",
    "*a",
    "<<: *a",
    "\x1b[31m",
    "\u2028",
    "\u202e",
    "\t",
    "\r\n",
    "\ufeff",
    "{",
    "[",
    "- ",
    ": ",
    "? ",
    "---\n",
    "'",
    '"',
    "#",
    "x" * 20_000,
    "\u6f22" * 100,
    ".inf",
    ".nan",
    "~",
    "no",
    "12:30",
    "2026-13-45",
]

# Values a structural mutation puts in place of a value of the parsed data.
VALUES: list[Any] = [
    None,
    True,
    0,
    -3,
    10**999,
    1.5e308,
    float("inf"),
    "",
    "a\nb",
    "esc\x1b[2Jclear",
    "sep\u2028arated",
    "x" * 20_000,
    "\u6f22" * 85,
    [],
    {},
    ["same"] * 50,
    {"id": "x", "text": "y"},
    [[[[[[[["deep"]]]]]]]],
]


def mutate(rng: random.Random, files: dict[str, str], root: Path, outside: Path) -> list[str]:
    """Write a mutated copy of ``files`` into ``root``; the names of the mutations done."""
    files = dict(files)
    done = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["bytes", "snippet", "structure", "structure", "file"])
        done.append(kind + ": " + _MUTATIONS[kind](rng, files, root, outside))
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.path.lexists(path):
            path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return done


def _bytes(rng: random.Random, files: dict[str, str], root: Path, outside: Path) -> str:
    name = rng.choice(sorted(files))
    data = bytearray(files[name].encode("utf-8", "surrogateescape"))
    at = rng.randrange(len(data) + 1)
    op = rng.choice(["flip", "insert", "delete", "duplicate"])
    if op == "flip" and data:
        data[min(at, len(data) - 1)] = rng.randrange(256)
    elif op == "insert":
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    elif op == "delete":
        del data[at : at + rng.randint(1, 40)]
    else:
        data[at:at] = data[at : at + rng.randint(1, 200)]
    files[name] = data.decode("utf-8", "surrogateescape")
    return f"{op} at {at} of {name}"


def _snippet(rng: random.Random, files: dict[str, str], root: Path, outside: Path) -> str:
    name = rng.choice(sorted(files))
    text = files[name]
    at = rng.randrange(len(text) + 1)
    snippet = rng.choice(SNIPPETS)
    files[name] = text[:at] + snippet + text[at:]
    return f"{snippet[:20]!r} at {at} of {name}"


def _structure(rng: random.Random, files: dict[str, str], root: Path, outside: Path) -> str:
    name = rng.choice(sorted(files))
    try:
        data = yaml.safe_load(files[name])
    except yaml.YAMLError:
        return f"(not YAML: {name})"
    places = list(_places(data, ()))
    if not places:
        return f"(nothing in {name})"
    parent, key = rng.choice(places)
    value = rng.choice(VALUES)
    if rng.random() < 0.3 and isinstance(parent[key], list) and parent[key]:
        value = parent[key] * rng.choice([2, 500])  # duplicate references, long lists
    parent[key] = value
    files[name] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    return f"{key!r} in {name} = {str(value)[:30]!r}"


def _places(data: Any, path: tuple[Any, ...]) -> Any:
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        yield data, key
        yield from _places(value, (*path, key))


def _file(rng: random.Random, files: dict[str, str], root: Path, outside: Path) -> str:
    root.mkdir(parents=True, exist_ok=True)
    kind = rng.choice(
        ["fifo", "zero", "outside", "loop", "dangling", "folder", "name", "empty", "hidden"]
    )
    target = root / f"{kind}.yaml"
    if os.path.lexists(target):
        return f"{kind} (again)"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "zero":
        target.symlink_to("/dev/zero")
    elif kind == "outside":
        target.symlink_to(outside)
    elif kind == "loop":
        target.symlink_to(target.name)
    elif kind == "dangling":
        target.symlink_to("nowhere.yaml")
    elif kind == "folder":
        target.mkdir()
    elif kind == "name":
        name = rng.choice(
            ["new\nline.yaml", "esc\x1b[31m.yaml", "sep\u2028.yaml", "bad\udcff.yaml"]
        )
        files[name] = next(iter(files.values()))
    elif kind == "empty":
        files["empty.yaml"] = ""
    else:
        files[".hidden.yaml"] = "not: [yaml"
    return kind


_MUTATIONS = {
    "bytes": _bytes,
    "snippet": _snippet,
    "structure": _structure,
    "file": _file,
}
