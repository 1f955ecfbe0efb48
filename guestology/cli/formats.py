"""An output's format from ``-o``'s suffix, or from ``--format``; a clash is a usage error.

As ``map`` always did, ``report`` and ``diff`` read the format from the suffix of ``-o``
(``report.md`` is Markdown, ``report.json`` JSON). ``--format`` may say the same thing
again, or choose a format for a name without a suffix; ``-o x.svg -f png`` is refused
(exit 2) rather than writing PNG bytes into a ``.svg`` file.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import TypeVar

from guestology.cli.app import EXIT_USAGE
from guestology.cli.common import fail

F = TypeVar("F", bound=Enum)


def choose(
    output: Path | None,
    given: F | None,
    suffixes: Mapping[str, F],
    default: F | None,
) -> F:
    """The format of ``output``: ``--format`` and the suffix must agree when both speak.

    ``default`` is the format of stdout and of a name without a suffix; ``None`` makes
    such a name a usage error (``map -o flow`` would not say what to draw).
    """
    if output is None:
        assert given is not None or default is not None
        return given if given is not None else default  # type: ignore[return-value]
    suffix = output.suffix.lower()
    by_suffix = suffixes.get(suffix)
    names = ", ".join(sorted(suffixes))
    if given is not None:
        if by_suffix is not None and by_suffix is not given:
            raise fail(
                f"`-o {output}` says {by_suffix.value} but `--format {given.value}`: "
                "drop one of them, or make them agree",
                EXIT_USAGE,
            )
        return given
    if by_suffix is not None:
        return by_suffix
    if suffix == "" and default is not None:
        return default
    what = f"the suffix `{suffix}`" if suffix else "no suffix"
    raise fail(
        f"`-o {output}` has {what}: name it with one of {names}, or give --format", EXIT_USAGE
    )
