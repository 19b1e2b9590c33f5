"""Checks on the rows and cells of template tables: required rows present, required cells filled,
closed sets of values. Ragged rows (more or fewer cells than the header) are left to
``table-syntax``: their cells cannot be read by column."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.rows import cut_tables
from spec_lint.checks.values import deliberate_marks, is_checkable, present_tables
from spec_lint.findings import Violation
from spec_lint.model import Row, Table
from spec_lint.specs import alternatives
from spec_lint.titles import normalize_title

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.specs import TableSpec, ValueSet


@register("empty-cell")
@dataclass(frozen=True, slots=True)
class EmptyCell:
    """The cells of a template table's ``required`` columns are not empty; the pack's
    ``deliberate_empty`` values (``-``, ``—``, ``N/A``) fill a cell on purpose."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        marks = alternatives(deliberate_marks(ctx))
        hint = f"expected a value, or {marks} if none applies" if marks else "expected a value"
        for spec, table in present_tables(ctx):
            for column in spec.required:
                yield from _empty_cells(table, column, hint)


def _empty_cells(table: Table, column: str, hint: str) -> Iterator[Violation]:
    index = table.column(column)
    for row in table.sound_rows if index is not None else ():
        cell = row.get(index)
        if cell is None or not (cell.text.strip() or cell.raw.strip()):
            yield Violation(f'empty "{column}" cell ({hint})', row.line, cell.column if cell else 1)


@register("cell-values")
@dataclass(frozen=True, slots=True)
class CellValues:
    """A cell of a column with a value set (the table's ``values``, or its key row's
    ``row_values``) holds one of its values, spelled as the template does.

    Case counts: "complete" is reported with the template's spelling, "Complete", as expected.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for spec, table in present_tables(ctx):
            for row in table.sound_rows:
                yield from self._row(ctx, spec, table, row)

    def _row(self, ctx: Context, spec: TableSpec, table: Table, row: Row) -> Iterator[Violation]:
        for column in spec.values:
            cell = row.get(table.column(column))
            allowed = ctx.pack.value_sets.get(_set_for(spec, table, row, column) or "")
            if cell is None or allowed is None or not is_checkable(ctx, cell):
                continue
            problem = _invalid(allowed, cell.text)
            if problem:
                yield Violation(f'"{cell.text}" is not a valid "{column}" ({problem})', row.line, cell.column)


def _set_for(spec: TableSpec, table: Table, row: Row, column: str) -> str | None:
    """The value set of ``column`` on ``row``: the row's own when the pack gives one; None when
    that depends on a key column the table lacks (``table-columns`` reports it)."""
    base = spec.values[column]
    key = row.get(table.column(spec.key_column)) if spec.key_column else None
    if key is None:
        depends = spec.key_column and any(column in sets for sets in spec.row_values.values())
        return None if depends else base
    wanted = normalize_title(key.text)
    return next(
        (s.get(column, base) for n, s in spec.row_values.items() if normalize_title(n) == wanted), base
    )


def _invalid(allowed: ValueSet, text: str) -> str:
    """Why ``text`` is not a value of ``allowed`` (empty when it is one)."""
    written = " ".join(text.split())
    spelled = allowed.spelling(written)
    if spelled == written:
        return ""
    return f'expected "{spelled}", spelled as in the template' if spelled else f"expected {allowed.expected}"


@register("required-rows")
@dataclass(frozen=True, slots=True)
class RequiredRows:
    """A template table has a row for each of its ``rows``, named in its ``key_column``.

    A ragged row counts: its first cells, the key among them, are read as written. A table whose
    rows a blank line cut off is left to ``table-syntax``.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        cut = cut_tables(ctx.doc)
        for spec, table in present_tables(ctx):
            index = table.column(spec.key_column) if spec.key_column else None
            if not spec.rows or index is None or table.line in cut:
                continue
            present = {normalize_title(cell.text) for row in table.rows if (cell := row.get(index))}
            for wanted in spec.rows:
                if normalize_title(wanted) not in present:
                    yield Violation(
                        f'table lacks the row "{wanted}" (expected in the "{spec.key_column}" column)',
                        table.line,
                    )
