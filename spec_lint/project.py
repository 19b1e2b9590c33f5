"""Which specs form the project that the cross-file rules compare: the files named, and the other
specs below the project root (the configuration file's folder, else the git root)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spec_lint.discover import Scope, markdown_files


@dataclass(frozen=True, slots=True)
class Project:
    """The files below ``root`` that ``scope`` takes (the configured ``include`` and ``exclude``)."""

    root: Path
    scope: Scope

    def holds(self, path: Path) -> bool:
        return inside(key_of(path), key_of(self.root))

    def name_of(self, path: Path) -> str:
        """How a message names a spec of the project: its path from the root."""
        return Path(os.path.relpath(key_of(path), key_of(self.root))).as_posix()


def git_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git`` (a worktree's is a file)."""
    return next((folder for folder in (start, *start.parents) if (folder / ".git").exists()), None)


def project_of(config_root: Path | None, scope: Scope, cwd: Path) -> Project | None:
    """The configuration's folder and globs; without a configuration, every spec under the git root."""
    if config_root is not None:
        return Project(config_root, scope)
    root = git_root(cwd)
    return Project(root, Scope(root=root)) if root is not None else None


def others(project: Project | None, named: Sequence[Path]) -> list[Path]:
    """The project's files not named, read only when a named file is in the project: a file
    linted from elsewhere is compared with the other files named, not with this folder's specs."""
    if project is None or not any(project.holds(path) for path in named):
        return []
    seen = {os.path.realpath(path) for path in named}
    found: list[Path] = []
    for path in markdown_files(project.root, project.scope).files:
        real = os.path.realpath(path)  # a link to a spec is that spec, not a second one
        if real not in seen:
            seen.add(real)
            found.append(path)
    return found


def key_of(path: Path) -> str:
    """The path's absolute form, which orders the specs of one root as their relative paths do."""
    return os.path.abspath(path)


def inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
