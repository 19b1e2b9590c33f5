"""The table-syntax check: lines written as table rows read as the author meant."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.rows import broken_rows
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("table-syntax")
@dataclass(frozen=True, slots=True)
class TableSyntax:
    """Lines written as table rows are read as the author meant: no blank line or HTML comment
    line cuts rows off from their table (reported once, naming that line, not as a header without
    its delimiter row), a header has its ``|---|`` delimiter row, a row has as many cells as the
    header. Other table rules skip rows that break this.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for broken in broken_rows(ctx.doc):
            yield Violation(broken.message, broken.line, broken.column)
