"""Replacing a file so that a reader sees the old one or the whole new one, never half of it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _nothing() -> None:
    return None


def replace_atomically(path: Path, data: bytes, mode: int, before: Callable[[], None] = _nothing,
                       durable: bool = True) -> None:
    """Write ``data`` to a temporary file in ``path``'s folder, flush it to disk (unless not
    ``durable``: after a crash the file may then be empty), give it ``mode`` and rename it over
    ``path``; ``before`` runs just before the rename and may raise to leave ``path`` as it is. The
    temporary file never outlives a failure."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".spec-lint", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temporary, mode)
        before()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
