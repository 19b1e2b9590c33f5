"""The metric-naming check: metric names that follow Prometheus naming."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.cells import column_values
from spec_lint.facts.naming import snake_case
from spec_lint.findings import Violation
from spec_lint.pack.markers import ColumnName, TableName

if TYPE_CHECKING:
    from spec_lint.context import Context

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_TOTAL = "_total"
# The series a histogram exposes; a metric of any other type must not end in them.
_SERIES = ("_bucket", "_count", "_sum")


@register("metric-naming")
@dataclass(frozen=True, slots=True)
class MetricNaming:
    """Metric names follow Prometheus naming: lower snake case; ``_total`` on Counters and only
    there; the histogram series suffixes only on Histograms; base units (``units`` maps a base
    unit to the units it replaces). A unit is not required. The message names the better name.
    """

    table: TableName = "metrics"
    column: ColumnName = "Metric Name"
    type_column: ColumnName = "Type"
    units: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def check(self, ctx: Context) -> Iterator[Violation]:
        types = {value.row: value.text for value in column_values(ctx, self.table, self.type_column)}
        for value in column_values(ctx, self.table, self.column):
            better, problems = self._review(value.text, types.get(value.row, "").casefold())
            if problems:
                yield Violation(
                    f'metric "{value.text}" breaks Prometheus naming: {"; ".join(problems)} (expected "{better}")',
                    value.row.line,
                    value.column,
                )

    def _review(self, name: str, kind: str) -> tuple[str, list[str]]:
        problems = []
        if not _NAME.fullmatch(name) or "__" in name:
            problems.append("name is not lower snake case")
        base, suffix = _split_suffix(snake_case(name))
        base, unit_problem = self._base_unit(base)
        suffix, suffix_problem = _type_suffix(kind, suffix)
        problems.extend(p for p in (unit_problem, suffix_problem) if p)
        return base + suffix, problems

    def _base_unit(self, base: str) -> tuple[str, str]:
        stem, _, unit = base.rpartition("_")
        for good, bad in self.units.items():
            if stem and unit in bad:
                return f"{stem}_{good}", f'unit "{unit}" is not the base unit "{good}"'
        return base, ""


def _split_suffix(name: str) -> tuple[str, str]:
    for suffix in (_TOTAL, *_SERIES):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def _type_suffix(kind: str, suffix: str) -> tuple[str, str]:
    """The suffix a metric of this type should have, and what is wrong with the one it has."""
    if kind == "counter":
        return _TOTAL, "" if suffix == _TOTAL else f'a Counter ends in "{_TOTAL}"'
    if kind in ("gauge", "histogram", "summary") and suffix == _TOTAL:
        return "", f'a {kind.capitalize()} does not end in "{_TOTAL}"'
    if kind in ("gauge", "summary") and suffix in _SERIES:
        return "", f'only a Histogram ends in "{suffix}"'
    return suffix, ""
