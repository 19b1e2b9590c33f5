"""Checks on the tables the template gives its sections, and on table syntax anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.rows import broken_rows, first_row
from spec_lint.findings import Violation
from spec_lint.model import Cell, Paragraph, Row, Table

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.specs import TableSpec


def present_tables(ctx: Context) -> Iterator[tuple[TableSpec, Table]]:
    for name in ctx.pack.tables:
        found = ctx.table(name)
        if found:
            yield found


def is_deliberate(ctx: Context, text: str) -> bool:
    """A cell that is left blank on purpose: ``-``, ``—``, ``N/A`` (the pack's list)."""
    return text.strip().casefold() in {v.casefold() for v in ctx.pack.params.get("deliberate_empty", [])}


@dataclass(frozen=True, slots=True)
class Value:
    """A cell to check, in its row."""

    row: Row
    cell: Cell

    @property
    def text(self) -> str:
        return self.cell.text.strip()

    @property
    def column(self) -> int:
        return self.cell.column

    def located(self, ctx: Context, parts: Iterable[str]) -> Iterator[tuple[str, int]]:
        """Each of ``parts`` (pieces of the value, in order, such as the labels of a list) with
        its column; the cell's column for the whole value and for a piece not found as written."""
        line, at = ctx.doc.lines[self.row.line - 1], self.column - 1
        for part in parts:
            found = -1 if part == self.text else line.find(part, at)
            yield part, found + 1 if found >= 0 else self.column
            at = found + len(part) if found >= 0 else at


def column_values(ctx: Context, table: str, column: str) -> Iterator[Value]:
    """The values of ``column`` in a pack table that are there to check (see ``table_values``)."""
    found = ctx.table(table)
    return table_values(ctx, found[1], column) if found else iter(())


def table_values(ctx: Context, table: Table, column: str) -> Iterator[Value]:
    """The cells of ``column`` to check: not blank on purpose, no placeholder, not in a ragged
    row (``table-syntax`` reports it)."""
    index = table.column(column)
    for row in table.sound_rows if index is not None else ():
        cell = row.get(index)
        if cell and cell.text.strip() and not is_deliberate(ctx, cell.text) and not ctx.has_placeholder(cell.raw):
            yield Value(row, cell)


def _columns(spec: TableSpec) -> str:
    return " | ".join(spec.columns)


@register("missing-table")
@dataclass(frozen=True, slots=True)
class MissingTable:
    """A section the template gives a table has one, or a sentence saying it does not apply.

    An empty section is left to ``empty-section``, one still holding a placeholder to
    ``placeholder``, a table that markdown does not read as one (no delimiter row) to
    ``table-syntax``.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        not_applicable = re.compile(str(ctx.pack.params.get("not_applicable", r"(?!)")), re.IGNORECASE)
        for spec in ctx.pack.tables.values():
            section = ctx.section(spec.section)
            if section is None or not section.has_content or any(isinstance(b, Table) for b in section.blocks):
                continue
            paragraphs = [b for b in section.blocks if isinstance(b, Paragraph)]
            if any(not_applicable.search(p.text) or ctx.has_placeholder(p.text) or first_row(p) for p in paragraphs):
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
            positions = [p for c in spec.columns if (p := table.column(c)) is not None]
            if positions != sorted(positions):
                found = " | ".join(table.header[p].text for p in sorted(positions))
                first = next(want for p, want in zip(positions, sorted(positions)) if p != want)
                yield Violation(
                    f'table columns out of order: "{found}" (expected {_columns(spec)})',
                    table.line,
                    table.header[first].column,
                )


@register("empty-table")
@dataclass(frozen=True, slots=True)
class EmptyTable:
    """A template table with a header and no data rows (unless a blank line cut them off, which
    ``table-syntax`` reports)."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        cut = {broken.cut for broken in broken_rows(ctx.doc)}
        for _spec, table in present_tables(ctx):
            if not table.rows and table.line not in cut:
                yield Violation(
                    "table has no data rows (expected at least one row under the header)", table.line
                )


@register("table-syntax")
@dataclass(frozen=True, slots=True)
class TableSyntax:
    """Lines written as table rows that markdown does not read as the author meant: rows a blank
    line cuts off from their table, a header without its ``|---|`` delimiter row, a row with more
    or fewer cells than the header. Other table rules skip such rows.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for broken in broken_rows(ctx.doc):
            yield Violation(broken.message, broken.line, broken.column)
