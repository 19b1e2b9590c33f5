"""Reading a file as text: only regular files, at most a size limit, UTF-8 without NUL bytes.

The head of a file that is too large or not text is still at hand, for detection to tell
whether it is a document at all."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MIB = 1024 * 1024
DEFAULT_MAX_FILE_SIZE = MIB

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class UnreadableError(ValueError):
    """A file that cannot be read as text: not a regular file, no access, binary or not UTF-8."""


class TooLargeError(ValueError):
    """A file over the size limit."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file is too large: {size} bytes (expected at most {limit} bytes, see --max-file-size)")


@dataclass(frozen=True, slots=True)
class Head:
    """A regular file's bytes, at most ``limit`` of them (0: no limit), and the file's size."""

    data: bytes
    size: int
    limit: int

    @property
    def too_large(self) -> bool:
        return bool(self.limit) and self.size > self.limit


def read(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """The text of the regular file at ``path``; ``max_size`` 0 means no limit."""
    return text_of(read_head(path, max_size))


def text_of(head: Head) -> str:
    """The whole file as text; raises ``TooLargeError`` over the limit, ``UnreadableError`` for
    binary or non-UTF-8 content."""
    if head.too_large:
        raise TooLargeError(head.size, head.limit)
    return decode(head.data)


def read_head(path: Path, max_size: int) -> Head:
    """The first ``max_size`` bytes (all for 0): enough to tell a document from other Markdown."""
    # stat before open: opening a FIFO for reading blocks until a writer comes, maybe forever.
    _require_regular(_stat(path))
    with os.fdopen(_open(path), "rb") as file:
        status = os.fstat(file.fileno())
        _require_regular(status)
        # One byte past the limit tells a file that grew after the stat: never read it whole.
        data = _read_upto(file, max_size + 1 if max_size else -1)
    return Head(data[:max_size] if max_size else data, max(status.st_size, len(data)), max_size)


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as error:
        raise UnreadableError(_os_reason(error)) from None
    except ValueError as error:  # a NUL in the path, which only a caller of the library can give
        raise UnreadableError(f"cannot read file: {error}") from None


def _open(path: Path) -> int:
    # O_NONBLOCK guards against a swap to a FIFO between the stat and the open.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags)
    except OSError as error:
        raise UnreadableError(_os_reason(error)) from None


def _require_regular(status: os.stat_result) -> None:
    kind = _kind(status)
    if kind:
        raise UnreadableError(f"not a regular file ({kind})")


def _kind(status: os.stat_result) -> str:
    """What the file is when it is not a regular file ("" for a regular file)."""
    if stat.S_ISREG(status.st_mode):
        return ""
    return next((name for test, name in _KINDS if test(status.st_mode)), "an unknown kind of file")


def _read_upto(file: BinaryIO, count: int) -> bytes:
    try:
        return file.read(count)
    except OSError as error:
        raise UnreadableError(_os_reason(error)) from None


def _os_reason(error: OSError) -> str:
    return f"cannot read file: {error.strerror or error}"


def decode(data: bytes) -> str:
    """The bytes as text; raises ``UnreadableError`` for binary or non-UTF-8 content."""
    if b"\x00" in data:
        raise UnreadableError("cannot read file: binary content (NUL byte)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise UnreadableError(f"file is not UTF-8 text (byte 0x{byte:02x} on line {line})") from None
