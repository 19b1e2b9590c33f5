"""The missing-table check: a section the template gives a table has one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from spec_lint.blocks import Paragraph, Table
from spec_lint.checks import register
from spec_lint.checks.table_columns import column_list
from spec_lint.facts.rows import first_row
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("missing-table")
@dataclass(frozen=True, slots=True)
class MissingTable:
    """A section the template gives a table has one, or a sentence saying it does not apply.

    An empty section is left to ``empty-section``, one still holding a placeholder to
    ``placeholder``, a table that markdown does not read as one (no delimiter row) to
    ``table-syntax``.
    """

    params: ClassVar[tuple[str, ...]] = ("not_applicable",)

    def check(self, ctx: Context) -> Iterator[Violation]:
        not_applicable = re.compile(ctx.render_pattern("{not_applicable}"), re.IGNORECASE)
        for table_def in ctx.pack.tables.values():
            section = ctx.section(table_def.section)
            if section is None or not section.has_content or section.blocks_of(Table):
                continue
            paragraphs = section.blocks_of(Paragraph)
            if any(not_applicable.search(p.text) or ctx.has_placeholder(p.text) or first_row(p) for p in paragraphs):
                continue
            yield Violation(
                f'section "{section.title}" has no table (expected columns {column_list(table_def)}, '
                "or a sentence saying none apply)",
                section.line,
            )
