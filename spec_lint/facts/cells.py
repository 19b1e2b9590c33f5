"""The values in the tables of a spec that checks read: cells with something to check, and where."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import Cell, Row, Table

# How much markup (backticks, escapes, entities) may stand between two parts of a value.
_MARKUP_SLACK = 256

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateTable


def present_tables(ctx: Context) -> Iterator[tuple[TemplateTable, Table]]:
    """Each pack table the document has, with its template table."""
    for name in ctx.pack.tables:
        found = ctx.table(name)
        if found:
            yield found


def none_markers(ctx: Context) -> list[str]:
    """The values that say "none" on purpose (``-``, ``N/A``, ``None``, ...: the pack's
    ``none_markers``), each once whatever its case; an empty cell is no marker a user writes."""
    marks: dict[str, str] = {}
    for mark in ctx.pack.strings("none_markers"):
        if mark.strip():
            marks.setdefault(mark.strip().casefold(), mark.strip())
    return list(marks.values())


def is_none(ctx: Context, text: str) -> bool:
    """Does ``text`` say there is no value: a marker of the pack's ``none_markers`` (any case)?"""
    return text.strip().casefold() in ctx.fact("none-markers", lambda: _folded_markers(ctx))


def _folded_markers(ctx: Context) -> frozenset[str]:
    return frozenset(mark.strip().casefold() for mark in ctx.pack.strings("none_markers"))


def is_checkable(ctx: Context, cell: Cell) -> bool:
    """Does the cell hold a value to check: not blank, not "none" on purpose, no placeholder?"""
    return bool(cell.text.strip()) and not ctx.has_placeholder(cell.raw) and not is_none(ctx, cell.text)


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
            # Looked for near where the last part ended: markup between parts is short, and a
            # part not written as read (an entity) must not send a search to the line's end.
            found = -1 if part == self.text else line.find(part, at, at + 2 * len(part) + _MARKUP_SLACK)
            yield part, found + 1 if found >= 0 else self.column
            at = found + len(part) if found >= 0 else at


def column_values(ctx: Context, table: str, column: str) -> Iterator[Value]:
    """The values of ``column`` in a pack table that are there to check (see ``table_values``)."""
    found = ctx.table(table)
    return table_values(ctx, found[1], column) if found else iter(())


def table_values(ctx: Context, table: Table, column: str) -> Iterator[Value]:
    """The cells of ``column`` to check: not "none" on purpose, no placeholder, not in a ragged
    row (``table-syntax`` reports it). Found once a file: several checks read the same column."""
    found = ctx.fact("table-values", _by_table_column)
    if (id(table), column) not in found:
        found[id(table), column] = list(_checkable(ctx, table, column))
    return iter(found[id(table), column])


def _by_table_column() -> dict[tuple[int, str], list[Value]]:
    return {}


def _checkable(ctx: Context, table: Table, column: str) -> Iterator[Value]:
    index = table.column(column)
    for row in table.sound_rows if index is not None else ():
        cell = row.get(index)
        if cell and is_checkable(ctx, cell):
            yield Value(row, cell)
