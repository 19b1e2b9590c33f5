"""Finding the configuration file: upward from a folder, stopping at the repository root."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEDICATED = ".spec-lint.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """A configuration that cannot be used; the message is ``file: key: what is wrong``."""


@dataclass(frozen=True, slots=True)
class ConfigFile:
    """A configuration file and its spec-lint keys (``[tool.spec-lint]`` of a pyproject.toml)."""

    path: Path
    data: Mapping[str, Any]
    prefix: str = ""  # how messages name a key: "tool.spec-lint." in a pyproject.toml

    @property
    def root(self) -> Path:
        """The folder the configuration's paths and globs are relative to."""
        return self.path.parent


def find(start: Path) -> ConfigFile | None:
    """The nearest configuration at or above ``start``: ``.spec-lint.toml`` before a
    ``pyproject.toml`` with ``[tool.spec-lint]`` in the same folder. The search stops at the
    folder holding ``.git`` (a worktree's ``.git`` is a file), else at the file system root."""
    for folder in (start, *start.parents):
        found = _in_folder(folder)
        if found is not None or (folder / ".git").exists():
            return found
    return None


def _in_folder(folder: Path) -> ConfigFile | None:
    if (folder / DEDICATED).is_file():
        return read(folder / DEDICATED)
    if (folder / PYPROJECT).is_file():
        found = read(folder / PYPROJECT)
        return found if found.prefix else None
    return None


def named(path: Path) -> ConfigFile:
    """The configuration ``--config`` names: a pyproject.toml must have ``[tool.spec-lint]``."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such file (expected a .spec-lint.toml or a pyproject.toml)")
    found = read(path)
    if path.name == PYPROJECT and not found.prefix:
        raise ConfigError(f"{path}: tool.spec-lint: missing (expected a [tool.spec-lint] table)")
    return found


def read(path: Path) -> ConfigFile:
    """The configuration in ``path``: a pyproject.toml's ``[tool.spec-lint]``, or a whole file's keys."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error
    if path.name != PYPROJECT:
        return ConfigFile(path, data)
    tool = data.get("tool", {})
    table = tool.get("spec-lint") if isinstance(tool, dict) else None
    if table is None:
        return ConfigFile(path, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.spec-lint: expected a table")
    return ConfigFile(path, table, "tool.spec-lint.")
