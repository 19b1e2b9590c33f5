"""Files a run writes besides standard output: the report file and GitHub's step summary."""

from __future__ import annotations

import os
from pathlib import Path

from spec_lint.cli.output import fail


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically; an existing file's permissions are kept."""
    from spec_lint.atomic import replace_atomically  # here: a run without --output-file never loads tempfile

    replace_atomically(path, text.encode("utf-8", errors="surrogateescape"), _mode_of(path))


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
