"""Writing a fixed file: atomically, with its permissions, and never over a change made since it was read."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from spec_lint.atomic import replace_atomically


class StaleFileError(OSError):
    """The file changed on disk after it was read: writing would lose that change."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a file was when read: its content's hash, size and modification time."""

    digest: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path, data: bytes) -> Snapshot:
        status = path.stat()
        return cls(hashlib.sha256(data).hexdigest(), status.st_size, status.st_mtime_ns)

    def holds(self, path: Path) -> bool:
        """Is the file still as it was? The hash decides; size and time spare reading a changed one."""
        status = path.stat()
        if (status.st_size, status.st_mtime_ns) != (self.size, self.mtime_ns):
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == self.digest


def write_fixed(path: Path, data: bytes, read: Snapshot) -> None:
    """Replace the file with ``data`` atomically, keeping its permission bits, unless it changed
    since it was ``read``. A symlink is followed: the file it points to is replaced, and the link
    stays."""
    target = path.resolve()

    def unchanged() -> None:
        if not read.holds(target):
            raise StaleFileError(f"{path}: changed on disk while it was being fixed, not written (run again)")

    replace_atomically(target, data, stat.S_IMODE(target.stat().st_mode), unchanged)
