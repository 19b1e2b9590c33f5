"""Tables a fix writes or touches, rendered as mdformat with mdformat-gfm renders GFM tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

_PIPE = re.compile(r"(?<!\\)\|")
# What a row of a table in a quote, a list item or indented starts with: such a table is left alone.
_CONTAINED = re.compile(r"[\s>]|[*+-]\s|\d{1,9}[.)]\s")


def cells_of(line: str) -> list[str]:
    """A row's cells as written, split as GitHub splits them (at each unescaped pipe, also in
    code; the outer pipes optional)."""
    cells = [cell.strip() for cell in _PIPE.split(line.strip())]
    if cells and not cells[0]:
        cells.pop(0)
    if len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells


def plain(lines: Sequence[str]) -> bool:
    """Are these table lines outside any container (a quote, a list item), not indented?"""
    return not any(_CONTAINED.match(line) for line in lines)


def render(rows: Sequence[Sequence[str]]) -> str:
    """The table (header, delimiter row, then data rows), canonical: one space around each cell,
    columns padded to one width, one ``---`` run per column (``:`` for alignment kept)."""
    import mdformat  # here: a check that renders no table never loads mdformat

    source = "".join(f"| {' | '.join(row)} |\n" for row in rows)
    return mdformat.text(source, extensions={"gfm"})


def reordered(lines: Sequence[str], order: Sequence[int]) -> str | None:
    """The table with its columns in ``order`` (old indices, one per column), rendered; None when
    a row holds another number of cells than the header, which cannot be moved column by column."""
    rows = [cells_of(line) for line in lines]
    if any(len(row) != len(order) for row in rows):
        return None
    return render([[row[index] for index in order] for row in rows])


def stub(columns: Sequence[str], key: int, keys: Sequence[str], filler: str) -> str:
    """A table of ``columns`` with a row per key (in column ``key``; one row when there are no
    keys), every other cell ``filler``."""
    body = [[name if index == key else filler for index in range(len(columns))] for name in keys]
    return render([columns, ["---"] * len(columns), *(body or [[filler] * len(columns)])])
