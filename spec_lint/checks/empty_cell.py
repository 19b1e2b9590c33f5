"""The empty-cell check: required columns of template tables filled."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import LINE_BREAK, Cell, Table
from spec_lint.checks import register
from spec_lint.facts.cells import none_markers, present_tables
from spec_lint.findings import Violation
from spec_lint.template import alternatives

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("empty-cell")
@dataclass(frozen=True, slots=True)
class EmptyCell:
    """The cells of a template table's ``required`` columns are not empty; the pack's
    ``none_markers`` (``-``, ``—``, ``N/A``, ``None``) fill a cell on purpose; a cell holding only
    ``<br>`` is empty."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        marks = alternatives(none_markers(ctx))
        hint = f"expected a value, or {marks} if none applies" if marks else "expected a value"
        for table_def, table in present_tables(ctx):
            for column in table_def.required:
                yield from _empty_cells(table, column, hint)


def _empty_cells(table: Table, column: str, hint: str) -> Iterator[Violation]:
    index = table.column(column)
    for row in table.sound_rows if index is not None else ():
        cell = row.get(index)
        if cell is None or _is_empty(cell):
            yield Violation(f'empty "{column}" cell ({hint})', row.line, cell.column if cell else 1)


def _is_empty(cell: Cell) -> bool:
    """Nothing a reader sees: a ``<br>`` is whitespace; a code span of a space (`` ` ` ``) is a value."""
    return not cell.text.strip() and not LINE_BREAK.sub("", cell.raw).strip()
