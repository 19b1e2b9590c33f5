"""The listed-in check: each value of a table column listed in another table."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import column_values
from spec_lint.findings import Violation
from spec_lint.pack.markers import ColumnName, TableName

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("listed-in")
@dataclass(frozen=True, slots=True)
class ListedIn:
    """Each value of a table column is listed in a column of another table (ignoring case). A
    cell holding values one a line (``<br>`` between them) holds several, on either side.

    Quiet when the other table or its column is absent: that table's own rules report it.
    """

    table: TableName
    column: ColumnName
    in_table: TableName
    in_column: ColumnName
    what: str = "value"

    def check(self, ctx: Context) -> Iterator[Violation]:
        found = ctx.table(self.in_table)
        index = found[1].column(self.in_column) if found else None
        if found is None or index is None:
            return
        # Every row, ragged ones too: a variable's row that lacks a cell still lists it.
        listed = {piece.strip().casefold() for row in found[1].rows if (cell := row.get(index)) for piece in cell.pieces}
        where = found[0].section[-1]
        for value in column_values(ctx, self.table, self.column):
            for piece, column in value.located(ctx, value.cell.pieces):
                if piece.casefold() not in listed:
                    message = f'{self.what} "{piece}" is not listed in "{where}" (expected a row for it there)'
                    yield Violation(message, value.row.line, column)
