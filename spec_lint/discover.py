"""Which files a run looks at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

SKIPPED_DIRS = frozenset({"node_modules"})


def markdown_files(root: Path) -> Iterator[Path]:
    """``*.md`` below ``root``, sorted, skipping hidden folders and ``node_modules``."""
    for path in sorted(root.rglob("*.md")):
        parts = path.relative_to(root).parts[:-1]
        if any(p.startswith(".") or p in SKIPPED_DIRS for p in parts):
            continue
        if path.is_file():
            yield path


def expand(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split what the user named into files to lint and paths that do not exist."""
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(markdown_files(path))
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    return files, missing
