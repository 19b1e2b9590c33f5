"""Checks on the tables the template gives its sections, and on table syntax anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.rows import broken_rows, cut_tables, first_row
from spec_lint.checks.values import present_tables
from spec_lint.findings import Violation
from spec_lint.model import Paragraph, Table
from spec_lint.specs import quoted

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.specs import TableSpec


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
            if section is None or not section.has_content or section.blocks_of(Table):
                continue
            paragraphs = section.blocks_of(Paragraph)
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
                message = f"table lacks column {quoted(missing)} (expected {_columns(spec)})"
                yield Violation(message, table.line)
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
    """A template table has at least one data row (rows a blank line cut off are left to
    ``table-syntax``)."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        cut = cut_tables(ctx.doc)
        for _spec, table in present_tables(ctx):
            if not table.rows and table.line not in cut:
                yield Violation(
                    "table has no data rows (expected at least one row under the header)", table.line
                )


@register("table-syntax")
@dataclass(frozen=True, slots=True)
class TableSyntax:
    """Lines written as table rows are read as the author meant: no blank line cuts rows off from
    their table, a header has its ``|---|`` delimiter row, a row has as many cells as the header.
    Other table rules skip rows that break this.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for broken in broken_rows(ctx.doc):
            yield Violation(broken.message, broken.line, broken.column)
