"""The anchors of the files a spec links to, read safely, and the anchor a broken link meant."""

from __future__ import annotations

import difflib
import functools
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from spec_lint.facts.anchors import anchors
from spec_lint.parser import parse

# A linked file larger than this is not read for its anchors (nor a FIFO or a device: those
# could block forever or never end).
MAX_LINKED_SIZE = 1 << 20
# A fragment longer than this gets no did-you-mean: difflib's work grows with both lengths.
_MAX_HINTED = 100
# How many anchors difflib may compare, in all, for the did-you-mean hints of one document:
# many headings and many broken links would otherwise cost their product.
_COMPARISONS = 20_000


def linked_anchors(path: Path) -> frozenset[str] | None:
    """A linked file's anchors; None when it is not a regular, readable UTF-8 file of at most
    ``MAX_LINKED_SIZE`` bytes."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_LINKED_SIZE:
            return None
        return _anchors_of(path, info.st_mtime_ns)
    except (OSError, ValueError):  # ValueError: a NUL byte in the name, or bytes not UTF-8
        return None


@functools.lru_cache(maxsize=256)
def _anchors_of(path: Path, mtime: int) -> frozenset[str] | None:
    """A linked file's anchors, parsed once per run for every spec that links to it."""
    text = _read_regular(path)
    return anchors(parse(text)) if text is not None else None


def _read_regular(path: Path) -> str | None:
    # Opened without blocking, and checked again once open: a FIFO put in its place after
    # the stat would otherwise block the open.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = file.read(MAX_LINKED_SIZE + 1)
    return data.decode("utf-8") if len(data) <= MAX_LINKED_SIZE else None


@dataclass(slots=True)
class Suggestions:
    """Did-you-mean anchors for broken fragments, within one document's budget of comparisons."""

    budget: int = _COMPARISONS
    sorted_anchors: dict[frozenset[str], list[str]] = field(default_factory=dict)

    def closest(self, fragment: str, found: frozenset[str]) -> str | None:
        """The anchor the author most likely meant: the shortest that starts with what they wrote
        (a heading's "(if applicable)" is in its anchor), else the most similar one."""
        if found not in self.sorted_anchors:
            self.sorted_anchors[found] = sorted(found)
        ordered = self.sorted_anchors[found]
        if len(fragment) > _MAX_HINTED or self.budget < len(ordered):
            return None
        self.budget -= len(ordered)
        longer = sorted((a for a in ordered if a.startswith(fragment)), key=lambda a: (len(a), a))
        close = longer or difflib.get_close_matches(fragment, ordered, n=1, cutoff=0.6)
        return close[0] if close else None
