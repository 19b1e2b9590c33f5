"""The metric-labels check: metric labels that follow Prometheus naming."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import column_values
from spec_lint.facts.naming import snake_case
from spec_lint.facts.notes import without_remarks
from spec_lint.findings import Violation
from spec_lint.pack.markers import ColumnName, TableName

if TYPE_CHECKING:
    from spec_lint.context import Context

_LABEL = re.compile(r"[a-z_][a-z0-9_]*")


@register("metric-labels")
@dataclass(frozen=True, slots=True)
class MetricLabels:
    """Metric labels (a list separated by commas or ``<br>``, backticked or not) are lower snake case, do not start
    with ``__`` and are not one of the ``reserved`` names. A remark in parentheses after a label
    is a note: `` `status` (ok/error) `` is the label ``status``.
    """

    table: TableName = "metrics"
    column: ColumnName = "Labels"
    reserved: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        for value in column_values(ctx, self.table, self.column):
            # A remark goes before the list is split: it may hold a comma ("(ok, error)").
            parts = (part for piece in value.cell.pieces for part in without_remarks(piece).split(","))
            labels = filter(None, (part.strip(" `") for part in parts))
            for label, column in value.located(ctx, labels):
                problem = self._problem(label)
                if problem:
                    yield Violation(f'label "{label}" {problem}', value.row.line, column)

    def _problem(self, label: str) -> str:
        if label in self.reserved:
            return "is reserved by Prometheus (expected another name)"
        if label.startswith("__"):
            problem = 'starts with "__", which Prometheus reserves'
        elif not _LABEL.fullmatch(label):
            problem = "is not lower snake case"
        else:
            return ""
        better = snake_case(label)
        if better in self.reserved:
            return f'{problem}, and "{better}" is reserved by Prometheus (expected another name)'
        # snake_case cannot fix every name ("9lives" stays as it is): then there is none to propose.
        fixed = better and better != label and _LABEL.fullmatch(better)
        return f'{problem} (expected "{better}")' if fixed else f"{problem} (expected another name)"
