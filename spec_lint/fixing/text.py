"""A file's text as lines with their own line ends, so that edits leave every other byte as it was."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spec_lint.findings import Edit

BOM = "\ufeff"
# The line ends the parser splits on, so that line N here is line N of the document model.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")


@dataclass(frozen=True, slots=True)
class Text:
    """``lines`` each with its line end (the last may have none), and the BOM before them."""

    bom: str
    lines: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Text:
        body = text.removeprefix(BOM)
        return cls(text[: len(text) - len(body)], tuple(_LINE.findall(body)))

    def __str__(self) -> str:
        return self.bom + "".join(self.lines)

    @property
    def newline(self) -> str:
        """The file's line end, as its first line has it (``\\n`` for a file of one line)."""
        first = self.lines[0] if self.lines else ""
        return first[len(first.rstrip("\r\n")):] or "\n"

    def applied(self, edits: Sequence[Edit]) -> Text:
        """The text with ``edits`` (which must not overlap) applied bottom-up, their lines given
        the file's line end."""
        lines = list(self.lines)
        if lines and not lines[-1].endswith(("\n", "\r")) and any(e.end > len(lines) for e in edits):
            lines[-1] += self.newline  # text goes after the last line: it needs an end of its own
        for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            lines[edit.start - 1 : edit.end - 1] = self._lines_of(edit.text)
        return Text(self.bom, tuple(lines))

    def _lines_of(self, text: str) -> list[str]:
        return [line + self.newline for line in text.removesuffix("\n").split("\n")] if text else []


def overlap(first: Edit, second: Edit) -> bool:
    """Do two edits touch the same lines? An insert overlaps a range it falls inside, and two
    inserts at one place overlap too: which goes first is unclear."""
    if first.inserts and second.inserts:
        return first.start == second.start
    return first.start < second.end and second.start < first.end
