"""The cell-values check: cells of a column with a value set hold one of its values. Ragged
rows (more or fewer cells than the header) are left to ``table-syntax``: their cells cannot be
read by column."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from spec_lint.blocks import Cell, Row, Table
from spec_lint.checks import register
from spec_lint.facts.cells import is_checkable, is_none, present_tables
from spec_lint.facts.notes import readings
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
    A note is let be: a status mark ("✅ Complete"), a remark in parentheses ("Direct call
    (profile files)") or a trailing explanation. Where values may be combined, a ``<br>``
    separates them as the set's separators do.
    """

    reads: ClassVar[tuple[str, ...]] = ("none_markers",)

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
            for text in _values(allowed, cell):
                problem = _invalid(ctx, allowed, text)
                if problem:
                    column_at = ctx.doc.column_of(row.line, text, after=cell.column) if cell.lines else cell.column
                    yield Violation(f'"{text}" is not a valid "{column}" ({problem})', row.line, column_at)


def _values(allowed: ValueSet, cell: Cell) -> tuple[str, ...]:
    """The values the cell gives: one a line where the set combines values, else its text."""
    return cell.pieces if allowed.separators else (cell.text,)


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


def _invalid(ctx: Context, allowed: ValueSet, text: str) -> str:
    """Why ``text`` is not a value of ``allowed`` (empty when it is one, or its value part is)."""
    written = " ".join(text.split())
    for part in readings(written):
        spelled = allowed.spelling(part)
        if spelled == part or is_none(ctx, part):
            return ""
        if spelled:
            shown = written.replace(part, spelled, 1) if part in written else spelled
            return f'expected "{shown}", spelled as in the template'
    return f"expected {allowed.expected}"
