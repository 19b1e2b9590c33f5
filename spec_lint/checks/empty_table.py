"""The empty-table check: a template table has data rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import present_tables
from spec_lint.facts.rows import cut_tables
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("empty-table")
@dataclass(frozen=True, slots=True)
class EmptyTable:
    """A template table has at least one data row (rows a blank line cut off are left to
    ``table-syntax``)."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        cut = cut_tables(ctx.doc)
        for _table_def, table in present_tables(ctx):
            if not table.rows and table.line not in cut:
                yield Violation(
                    "table has no data rows (expected at least one row under the header)", table.line
                )
