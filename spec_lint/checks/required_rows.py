"""The required-rows check: a template table has a row for each of its rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import present_tables
from spec_lint.facts.rows import cut_tables
from spec_lint.findings import Violation
from spec_lint.titles import normalize_title

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("required-rows")
@dataclass(frozen=True, slots=True)
class RequiredRows:
    """A template table has a row for each of its ``rows``, named in its ``key_column``.

    A ragged row counts: its first cells, the key among them, are read as written. A table whose
    rows a blank line cut off is left to ``table-syntax``.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        cut = cut_tables(ctx.doc)
        for table_def, table in present_tables(ctx):
            index = table.column(table_def.key_column) if table_def.key_column else None
            if not table_def.rows or index is None or table.line in cut:
                continue
            present = {normalize_title(cell.text) for row in table.rows if (cell := row.get(index))}
            for wanted in table_def.rows:
                if normalize_title(wanted) not in present:
                    yield Violation(
                        f'table lacks the row "{wanted}" (expected in the "{table_def.key_column}" column)',
                        table.line,
                    )
