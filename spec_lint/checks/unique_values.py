"""The unique-values check: each value of a table column listed once."""

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


@register("unique-values")
@dataclass(frozen=True, slots=True)
class UniqueValues:
    """Each value of a table column is listed once; the second listing is reported."""

    table: TableName
    column: ColumnName
    what: str = "value"

    def check(self, ctx: Context) -> Iterator[Violation]:
        first: dict[str, int] = {}
        for value in column_values(ctx, self.table, self.column):
            text, line = value.text, value.row.line
            if text in first:
                yield Violation(listed_twice(self.what, text, first[text]), line, value.column)
            first.setdefault(text, line)


def listed_twice(what: str, value: str, first: int) -> str:
    """What is wrong with a value listed again, first listed on line ``first``."""
    return f'{what} "{value}" is listed twice (first on line {first}; expected each once)'
