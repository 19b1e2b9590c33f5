"""Checks on the tables the template gives its sections."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.model import Paragraph, Row, Table, normalize_title

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.pack import TableSpec


def present_tables(ctx: Context) -> Iterator[tuple[TableSpec, Table]]:
    for name in ctx.pack.tables:
        found = ctx.table(name)
        if found:
            yield found


def is_deliberate(ctx: Context, text: str) -> bool:
    """A cell that is left blank on purpose: ``-``, ``—``, ``N/A`` (the pack's list)."""
    return text.strip().casefold() in {v.casefold() for v in ctx.pack.params.get("deliberate_empty", [])}


def _columns(spec: TableSpec) -> str:
    return " | ".join(spec.columns)


@register("missing-table")
@dataclass(frozen=True, slots=True)
class MissingTable:
    """A section the template gives a table has one, or a sentence saying it does not apply."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        not_applicable = re.compile(str(ctx.pack.params.get("not_applicable", r"(?!)")), re.IGNORECASE)
        for spec in ctx.pack.tables.values():
            section = ctx.section(spec.section)
            if section is None or any(isinstance(b, Table) for b in section.blocks):
                continue
            if any(isinstance(b, Paragraph) and not_applicable.search(b.text) for b in section.blocks):
                continue
            yield Violation(
                f'section "{section.title}" has no table (expected columns {_columns(spec)}, '
                "or a sentence saying none apply)",
                section.line,
            )


@register("table-columns")
@dataclass(frozen=True, slots=True)
class TableColumns:
    """A template table has the template's columns in the template's order; extras are fine."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for spec, table in present_tables(ctx):
            missing = [c for c in spec.columns if table.column(c) is None]
            if missing:
                names = ", ".join(f'"{c}"' for c in missing)
                yield Violation(f"table lacks column {names} (expected {_columns(spec)})", table.line)
                continue
            positions = [table.column(c) for c in spec.columns]
            if positions != sorted(positions, key=lambda p: p or 0):
                yield Violation(f"table columns are out of order (expected {_columns(spec)})", table.line)


@register("empty-table")
@dataclass(frozen=True, slots=True)
class EmptyTable:
    """A template table with a header and no data rows."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for _spec, table in present_tables(ctx):
            if not table.rows:
                yield Violation("table has a header but no rows", table.line)


@register("empty-cell")
@dataclass(frozen=True, slots=True)
class EmptyCell:
    """An empty cell in a column the template needs filled."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for spec, table in present_tables(ctx):
            for column in spec.required:
                index = table.column(column)
                for row in table.rows if index is not None else ():
                    cell = row.get(index)
                    if cell is None or not cell.text.strip():
                        yield Violation(f'empty "{column}" cell (write "-" or "N/A" if nothing applies)', row.line)


@register("cell-values")
@dataclass(frozen=True, slots=True)
class CellValues:
    """A cell outside the closed set of values its column draws from."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for spec, table in present_tables(ctx):
            for row in table.rows:
                yield from self._row(ctx, spec, table, row)

    def _row(self, ctx: Context, spec: TableSpec, table: Table, row: Row) -> Iterator[Violation]:
        key = row.get(table.column(spec.key_column)) if spec.key_column else None
        overrides = next(
            (sets for name, sets in spec.row_values.items() if key and normalize_title(name) == normalize_title(key.text)),
            {},
        )
        for column, set_name in spec.values.items():
            cell = row.get(table.column(column))
            if cell is None or not cell.text.strip() or is_deliberate(ctx, cell.text) or ctx.has_placeholder(cell.raw):
                continue
            allowed = ctx.pack.value_sets[overrides.get(column, set_name)]
            if not allowed.accepts(cell.text):
                yield Violation(f'"{column}" is "{cell.text}" (expected {allowed.expected})', row.line)


@register("required-rows")
@dataclass(frozen=True, slots=True)
class RequiredRows:
    """A table that lacks one of the rows the template lists in its key column."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for spec, table in present_tables(ctx):
            if not spec.rows:
                continue
            index = table.column(spec.key_column)
            present = {normalize_title(cell.text) for row in table.rows if (cell := row.get(index))}
            for wanted in spec.rows:
                if normalize_title(wanted) not in present:
                    yield Violation(f'table lacks the row "{wanted}"', table.line)
