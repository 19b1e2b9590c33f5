"""Which files a run looks at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

SKIPPED_DIRS = frozenset({"node_modules"})


def markdown_files(root: Path) -> Iterator[Path]:
    """``*.md`` below ``root``, sorted, skipping hidden folders and ``node_modules``."""
    for folder, dirs, files in os.walk(root):
        # Pruning in place keeps the walk out of .git, .venv and node_modules entirely.
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        for name in sorted(files):
            path = Path(folder, name)
            if name.endswith(".md") and path.is_file():
                yield path


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_DIRS


def expand(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split what the user named into files to lint (each once) and paths that do not exist."""
    files: dict[Path, None] = {}
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.update(dict.fromkeys(markdown_files(path)))
        elif path.exists():
            files[path] = None
        else:
            missing.append(path)
    return list(files), missing
