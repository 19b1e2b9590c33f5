"""The cell-values check: cells of a column with a value set hold one of its values. Ragged
rows (more or fewer cells than the header) are left to ``table-syntax``: their cells cannot be
read by column."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import Row, Table
from spec_lint.checks import register
from spec_lint.facts.cells import is_checkable, present_tables
from spec_lint.findings import Violation
from spec_lint.titles import normalize_title

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateTable, ValueSet


@register("cell-values")
@dataclass(frozen=True, slots=True)
class CellValues:
    """A cell of a column with a value set (the table's ``values``, or its key row's
    ``row_values``) holds one of its values, spelled as the template does.

    Case counts: "complete" is reported with the template's spelling, "Complete", as expected.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for table_def, table in present_tables(ctx):
            for row in table.sound_rows:
                yield from self._row(ctx, table_def, table, row)

    def _row(self, ctx: Context, table_def: TemplateTable, table: Table, row: Row) -> Iterator[Violation]:
        for column in table_def.values:
            cell = row.get(table.column(column))
            allowed = ctx.pack.value_sets.get(_set_for(table_def, table, row, column) or "")
            if cell is None or allowed is None or not is_checkable(ctx, cell):
                continue
            problem = _invalid(allowed, cell.text)
            if problem:
                yield Violation(f'"{cell.text}" is not a valid "{column}" ({problem})', row.line, cell.column)


def _set_for(table_def: TemplateTable, table: Table, row: Row, column: str) -> str | None:
    """The value set of ``column`` on ``row``: the row's own when the pack gives one; None when
    that depends on a key column the table lacks (``table-columns`` reports it)."""
    base = table_def.values[column]
    key = row.get(table.column(table_def.key_column)) if table_def.key_column else None
    if key is None:
        depends = table_def.key_column and any(column in sets for sets in table_def.row_values.values())
        return None if depends else base
    wanted = normalize_title(key.text)
    return next(
        (s.get(column, base) for n, s in table_def.row_values.items() if normalize_title(n) == wanted), base
    )


def _invalid(allowed: ValueSet, text: str) -> str:
    """Why ``text`` is not a value of ``allowed`` (empty when it is one)."""
    written = " ".join(text.split())
    spelled = allowed.spelling(written)
    if spelled == written:
        return ""
    return f'expected "{spelled}", spelled as in the template' if spelled else f"expected {allowed.expected}"
