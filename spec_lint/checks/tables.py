"""Checks on the tables the template gives its sections."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.model import Paragraph, Table, normalize_title

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


def _columns(spec: TableSpec) -> str:
    return " | ".join(spec.columns)


@register("missing-table")
@dataclass(frozen=True, slots=True)
class MissingTable:
    """A section the template gives a table has one, or a sentence saying it does not apply.

    An empty section is left to ``empty-section``, one still holding a placeholder to
    ``placeholder``.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        not_applicable = re.compile(str(ctx.pack.params.get("not_applicable", r"(?!)")), re.IGNORECASE)
        for spec in ctx.pack.tables.values():
            section = ctx.section(spec.section)
            if (
                section is None
                or not section.has_content
                or any(isinstance(b, Table) for b in section.blocks)
            ):
                continue
            texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
            if any(not_applicable.search(t) or ctx.has_placeholder(t) for t in texts):
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
    """A template table with a header and no data rows."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for _spec, table in present_tables(ctx):
            if not table.rows:
                yield Violation(
                    "table has no data rows (expected at least one row under the header)", table.line
                )


@register("required-rows")
@dataclass(frozen=True, slots=True)
class RequiredRows:
    """A table that lacks one of the rows the template lists in its key column."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for spec, table in present_tables(ctx):
            index = table.column(spec.key_column) if spec.key_column else None
            if not spec.rows or index is None:
                continue
            present = {normalize_title(cell.text) for row in table.rows if (cell := row.get(index))}
            for wanted in spec.rows:
                if normalize_title(wanted) not in present:
                    yield Violation(
                        f'table lacks the row "{wanted}" (expected in the "{spec.key_column}" column)',
                        table.line,
                    )
