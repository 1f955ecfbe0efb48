"""Read a workspace as it was at a git revision, without touching the working tree or index.

Only read-only git commands run (``rev-parse``, ``merge-base``, ``ls-tree``, ``cat-file``):
the revision's YAML files are copied into a temporary folder, at their path in the
repository, and checked there. Paths are then shown as git names them, ``REV:path`` for a
file at a revision and ``path`` (relative to the repository) for the working tree.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from guestology.loading import MAX_FILE_BYTES, YAML_SUFFIXES
from guestology.problems import GuestologyError


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run a read-only git command in ``repo``; its stdout, or a ``GuestologyError``."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=repo, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GuestologyError("git is not installed: it is needed to read revisions") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GuestologyError(f"git {args[0]} failed: {message[-1] if message else 'no output'}")
    return done.stdout


@dataclass(frozen=True)
class Location:
    """Where a workspace lives: its repository and its path inside it (POSIX, ``.`` for root)."""

    repo: Path
    path: str

    @classmethod
    def of(cls, workspace: Path) -> Location:
        """The repository holding ``workspace`` (which may not exist in the working tree)."""
        absolute = workspace.resolve()
        probe = absolute
        while not probe.is_dir() and probe != probe.parent:
            probe = probe.parent
        try:
            top = git(probe, "rev-parse", "--show-toplevel").decode().strip()
        except GuestologyError:
            msg = f"`{workspace}` is not inside a git repository: to compare two folders, "
            raise GuestologyError(msg + "name both (guestology diff OLD_DIR NEW_DIR)") from None
        repo = Path(top).resolve()
        try:
            relative = absolute.relative_to(repo).as_posix()
        except ValueError:
            raise GuestologyError(f"`{workspace}` is outside the repository at {repo}") from None
        return cls(repo, relative or ".")


def resolve(repo: Path, revision: str) -> str:
    """The commit a revision names (full hash), or a clear error."""
    try:
        out = git(
            repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except GuestologyError:
        raise GuestologyError(f"unknown revision `{revision}` in {repo}") from None
    return out.decode().strip()


def merge_base(repo: Path, a: str, b: str) -> str:
    """The best common ancestor of two revisions (what ``git diff A...B`` starts from)."""
    first, second = resolve(repo, a), resolve(repo, b)
    try:
        return git(repo, "merge-base", first, second).decode().strip()
    except GuestologyError:
        msg = f"`{a}` and `{b}` have no common ancestor (in a shallow clone, fetch the history:"
        raise GuestologyError(msg + " `git fetch --unshallow`, or fetch-depth: 0 in CI)") from None


def yaml_blobs(repo: Path, commit: str, path: str) -> list[tuple[str, str]]:
    """``(path, blob id)`` of every YAML file under ``path`` at ``commit`` (symlinks skipped)."""
    listing = git(repo, "ls-tree", "-r", "-z", commit, "--", path).decode("utf-8", "replace")
    found = []
    for entry in filter(None, listing.split("\0")):
        meta, name = entry.split("\t", 1)
        mode, kind, blob = meta.split()
        if kind == "blob" and mode != "120000" and name.endswith(YAML_SUFFIXES):
            found.append((name, blob))
    return found


def exists(repo: Path, commit: str, path: str) -> bool:
    """Is ``path`` a folder (or file) at ``commit``?"""
    return path == "." or bool(git(repo, "ls-tree", commit, "--", path).strip())


def extract(
    repo: Path, commit: str, path: str, dest: Path, max_bytes: int = MAX_FILE_BYTES
) -> None:
    """Copy the YAML files under ``path`` at ``commit`` into ``dest`` (at the same paths).

    Files over ``max_bytes`` are written truncated to one byte more than the limit, so that
    the loader reports them as too large without this reading them whole.
    """
    blobs = yaml_blobs(repo, commit, path)
    (dest / path).mkdir(parents=True, exist_ok=True)
    if not blobs:
        return
    data = git(repo, "cat-file", "--batch", stdin="".join(f"{b}\n" for _, b in blobs).encode())
    offset = 0
    for name, _ in blobs:
        header_end = data.index(b"\n", offset)
        size = int(data[offset:header_end].split()[2])
        body = data[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1
        target = dest.joinpath(*_safe_parts(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body[: max_bytes + 1])


def _safe_parts(name: str) -> tuple[str, ...]:
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
        raise GuestologyError(f"refusing to read an unsafe path from git: {name!r}")
    return parts


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="guestology-diff-")


def shown_path(path: str, base: Path, prefix: str = "") -> str:
    """A checked file's path as the user should see it: relative to ``base``, with a prefix."""
    try:
        relative = Path(path).resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return path
    return prefix + relative if relative else path


def short(commit: str) -> str:
    return commit[:7]
