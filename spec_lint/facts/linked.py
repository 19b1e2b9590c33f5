"""The anchors of the files a spec links to, read safely, and the anchor a broken link meant."""

from __future__ import annotations

import difflib
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from spec_lint.facts.anchors import anchors
from spec_lint.parser import parse
from spec_lint.reading import MIB, read

# A linked file larger than this is not read for its anchors (nor a FIFO or a device: those
# could block forever or never end).
MAX_LINKED_SIZE = MIB
# A fragment longer than this gets no did-you-mean: difflib's work grows with both lengths.
_MAX_HINTED = 100
# How many anchors difflib may compare, in all, for the did-you-mean hints of one document:
# many headings and many broken links would otherwise cost their product.
_COMPARISONS = 20_000


# A URL (any scheme, or scheme-relative), not a path.
_EXTERNAL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")

def linked_anchors(path: Path) -> frozenset[str] | None:
    """A linked file's anchors; None when it cannot be read as a linted file is read (not a
    regular file, over ``MAX_LINKED_SIZE`` bytes, binary or not UTF-8)."""
    try:
        return _anchors_of(path, os.stat(path).st_mtime_ns)
    except (OSError, ValueError):  # ValueError: reading's errors, a NUL byte in the name, ...
        return None


@functools.lru_cache(maxsize=256)
def _anchors_of(path: Path, mtime: int) -> frozenset[str]:
    """A linked file's anchors, parsed once per run for every spec that links to it."""
    # Read as a linted file is: a FIFO or a device linked as "x.md#a" must not block the run.
    return anchors(parse(read(path, MAX_LINKED_SIZE)))


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


def relative_path(target: str) -> str | None:
    """The path a link's target names from its file's folder ("" for the file itself), unquoted and
    without fragment or query; None for a URL (any scheme) or a path from the repository root."""
    path = unquote(target.partition("#")[0].partition("?")[0])
    return None if _EXTERNAL.match(target) or path.startswith("/") else path
