"""The table-columns check: a template table has the template's columns, in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import present_tables
from spec_lint.findings import Edit, Fix, Violation
from spec_lint.fixing.tables import plain, reordered
from spec_lint.template import quoted

if TYPE_CHECKING:
    from spec_lint.blocks import Table
    from spec_lint.context import Context
    from spec_lint.template import TemplateTable


def column_list(table_def: TemplateTable) -> str:
    return " | ".join(table_def.columns)


@register("table-columns")
@dataclass(frozen=True, slots=True)
class TableColumns:
    """A template table has the template's columns in the template's order; extras are fine.

    Fix (safe): the template's columns are moved into its order, cells and all (extra columns
    keep their places), and the table is rendered anew as mdformat does. A table in a quote or
    a list item, or with a row of another number of cells than the header, is left alone.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for table_def, table in present_tables(ctx):
            missing = [c for c in table_def.columns if table.column(c) is None]
            if missing:
                message = f"table lacks column {quoted(missing)} (expected {column_list(table_def)})"
                yield Violation(message, table.line)
                continue
            positions = [p for c in table_def.columns if (p := table.column(c)) is not None]
            if positions != sorted(positions):
                found = " | ".join(table.header[p].text for p in sorted(positions))
                first = next(want for p, want in zip(positions, sorted(positions)) if p != want)
                yield Violation(
                    f'table columns out of order: "{found}" (expected {column_list(table_def)})',
                    table.line,
                    table.header[first].column,
                    fix=_fix(ctx.doc.lines, table, positions),
                )


def _fix(lines: list[str], table: Table, positions: list[int]) -> Fix | None:
    """The table with the template's columns at the places they hold, in the template's order."""
    order = list(range(len(table.header)))
    for place, index in zip(sorted(positions), positions):
        order[place] = index
    end = table.rows[-1].line + 1 if table.rows else table.line + 2
    source = lines[table.line - 1 : end - 1]
    text = reordered(source, order) if plain(source) else None
    return Fix("put the columns in the template's order", (Edit(table.line, end, text),)) if text else None
