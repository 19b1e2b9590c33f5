"""A spec's requirements, read from its status table: the pack table with a key column and rows
(the Dynamo pack's "1.0 Standardization Status"), so that the requirements are the pack's data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spec_lint.blocks import Row, Table
from spec_lint.context import Context
from spec_lint.facts.notes import readings
from spec_lint.report.data import STATUS_WORDS, Requirement, Status
from spec_lint.template import TemplateTable, ValueSet
from spec_lint.titles import normalize_title

_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")


class NoStatus(ValueError):
    """The spec gives no status table to read (the message says what is missing)."""


@dataclass(frozen=True, slots=True)
class StatusTable:
    """The pack's status table: its definition, the column of each requirement's status and of its target."""

    name: str
    definition: TemplateTable
    current: str
    target: str

    @property
    def title(self) -> str:
        return " > ".join(self.definition.section)

    def value_set(self, ctx: Context, requirement: str) -> ValueSet | None:
        """The values the requirement's status may take (a coverage row's set has a pattern)."""
        own = self.definition.row_values.get(requirement, {})
        return ctx.pack.value_sets.get(own.get(self.current, self.definition.values[self.current]))


def status_table(definitions: Mapping[str, TemplateTable]) -> StatusTable | None:
    """The first pack table with required rows and at least one value column: the first such
    column holds the status, the next (if any) the target."""
    for name, definition in definitions.items():
        columns = list(definition.values)
        if definition.rows and definition.key_column and columns:
            return StatusTable(name, definition, columns[0], columns[1] if len(columns) > 1 else "")
    return None


def requirements(ctx: Context, spec: StatusTable) -> tuple[Requirement, ...]:
    """Each required row's status, in the pack's order; a row the spec lacks is ``MISSING``."""
    found = ctx.table(spec.name)
    if found is None:
        raise NoStatus(f'no "{spec.title}" table')
    table = found[1]
    if table.column(spec.definition.key_column) is None or table.column(spec.current) is None:
        raise NoStatus(f'"{spec.title}" table lacks its "{spec.definition.key_column}" or "{spec.current}" column')
    rows = dict(_keyed(table, spec.definition.key_column))
    return tuple(_requirement(ctx, spec, table, name, rows.get(normalize_title(name))) for name in spec.definition.rows)


def coverage(ctx: Context, spec: StatusTable, found: tuple[Requirement, ...]) -> str:
    """The current value of the first requirement whose status may be a measure (a percentage)."""
    measured = (r for r in found if (values := spec.value_set(ctx, r.name)) and values.pattern)
    return next((r.current for r in measured if r.status is not Status.MISSING), "")


def _keyed(table: Table, key_column: str) -> Iterator[tuple[str, Row]]:
    index = table.column(key_column)
    for row in reversed(table.rows):  # the first row of a key wins, as the dict keeps the last
        if cell := row.get(index):
            yield normalize_title(cell.text), row


def _requirement(ctx: Context, spec: StatusTable, table: Table, name: str, row: Row | None) -> Requirement:
    if row is None:
        return Requirement(name, Status.MISSING)
    current, target = (_cell(table, row, column) for column in (spec.current, spec.target))
    return Requirement(name, _status(current, target, spec.value_set(ctx, name)), current, target)


def _cell(table: Table, row: Row, column: str) -> str:
    cell = row.get(table.column(column)) if column else None
    return " ".join(cell.text.split()) if cell else ""


def _status(current: str, target: str, values: ValueSet | None) -> Status:
    """A status word, with or without a mark or note ("✅ Complete"); a measure against its target."""
    for part in readings(current):
        if part.casefold() in STATUS_WORDS:
            return STATUS_WORDS[part.casefold()]
        if values and values.pattern and re.fullmatch(values.pattern, part):
            return _measured(part, target)
    return Status.UNKNOWN


def _measured(current: str, target: str) -> Status:
    """A percentage: complete at or above the target's (100% without one), not started at 0."""
    value = _percent(current)
    goal = _percent(target)
    if value is None:
        return Status.UNKNOWN
    if value >= (goal if goal is not None else 100.0):
        return Status.COMPLETE
    return Status.NOT_STARTED if value == 0 else Status.IN_PROGRESS


def _percent(text: str) -> float | None:
    found = _PERCENT.search(text)
    return float(found[1]) if found else None
