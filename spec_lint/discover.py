"""Which files a run looks at, and what could not be looked at."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from spec_lint.config.globs import Glob, glob, matches_any

SKIPPED_DIRS = frozenset({"node_modules"})
_MISSING = (errno.ENOENT, errno.ENOTDIR)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which files a folder walk takes: those ``include`` matches and ``exclude`` does not, nor a
    folder they are in (globs relative to ``root``, the current folder when None). With ``force``, ``exclude`` also applies to the paths
    named on the command line, which otherwise are always linted (as ruff's ``--force-exclude``)."""

    include: tuple[Glob, ...] = (glob("*.md"),)
    exclude: tuple[Glob, ...] = ()
    root: Path | None = None
    force: bool = False

    def excluded(self, path: Path) -> bool:
        return bool(self.exclude) and matches_any(self.exclude, path, self.root or Path.cwd())

    def takes(self, path: Path) -> bool:
        return matches_any(self.include, path, self.root or Path.cwd(), itself=True) and not self.excluded(path)


DEFAULT_SCOPE = Scope()


@dataclass(frozen=True, slots=True)
class Found:
    """The files a walk found, and one line for each path or folder it could not look at."""

    files: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()


def markdown_files(root: Path, scope: Scope = DEFAULT_SCOPE) -> Found:
    """The files below ``root`` that ``scope`` takes (``*.md``), in sorted order, skipping hidden
    folders, ``node_modules`` and excluded folders.

    Iterative (a tree thousands of levels deep is no RecursionError) and never follows a folder
    symlink, so a link loop ends. A folder that cannot be listed is a problem, and the walk goes on.
    """
    files: list[Path] = []
    problems: list[str] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(_entries(folder), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(f"{folder}: cannot read folder: {error.strerror or error}")
            continue
        files.extend(Path(e.path) for e in entries if not _is_folder(e) and scope.takes(Path(e.path)))
        folders = [Path(e.path) for e in entries if _is_folder(e) and _walked(e)]
        pending.extend(reversed([folder for folder in folders if not scope.excluded(folder)]))
    return Found(tuple(files), tuple(problems))


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as found:
        return list(found)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    # A file that is not a folder (even a FIFO or a dangling link) goes to the reader, which reports it.
    try:
        return entry.is_dir()
    except OSError:
        return False


def _walked(entry: os.DirEntry[str]) -> bool:
    return not entry.is_symlink() and not entry.name.startswith(".") and entry.name not in SKIPPED_DIRS


def expand(paths: list[Path], scope: Scope = DEFAULT_SCOPE) -> Found:
    """What the user named, as files to lint (each once) and one-line problems (a path that does
    not exist or cannot be looked at, a folder that cannot be listed)."""
    files: dict[Path, None] = {}
    problems: list[str] = []
    for path in paths:
        if scope.force and scope.excluded(path):
            continue
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as error:
            problems.append(f"{path}: {_stat_problem(error)}")
            continue
        found = markdown_files(path, scope) if is_folder else Found((path,))
        files.update(dict.fromkeys(found.files))
        problems.extend(found.problems)
    return Found(tuple(files), tuple(problems))


def _stat_problem(error: OSError) -> str:
    if error.errno in _MISSING:
        return "no such file or directory"
    return f"cannot read: {error.strerror or error}"
