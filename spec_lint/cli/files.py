"""Files a run writes besides standard output: the report file and GitHub's step summary."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from spec_lint.cli.output import fail


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, so a reader sees the
    old file or the whole new one; an existing file's permissions are kept."""
    mode = _mode_of(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogateescape", newline="") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def append_summary(path: Path, markdown: str) -> bool:
    """Append to GitHub's step summary file (earlier steps' summaries stay); False when it cannot."""
    try:
        with path.open("a", encoding="utf-8", errors="surrogateescape") as out:
            out.write(markdown)
    except OSError as error:
        fail(f"cannot append the step summary to {path}: {error.strerror or error}")
        return False
    return True
