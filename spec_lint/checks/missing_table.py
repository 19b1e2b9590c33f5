"""The missing-table check: a section the template gives a table has one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from spec_lint.blocks import Paragraph, Table
from spec_lint.checks import register
from spec_lint.checks.table_columns import column_list
from spec_lint.facts.rows import first_row
from spec_lint.facts.stand_ins import STAND_IN_PARAMS, StandIns
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateTable


@register("missing-table")
@dataclass(frozen=True, slots=True)
class MissingTable:
    """A section the template gives a table has one, or a sentence saying it does not apply.

    Such a sentence is a short paragraph (one or two sentences) that says there is nothing of
    the subject ("None: this is a library.", "This component exposes no metrics.", "... are out
    of scope"), that the section does not apply, is not needed or not required, negates its
    subject ("The router does not take flags."), or that another part handles it ("Handled by
    the Frontend."); see ``facts.stand_ins``. The words are the pack's ``stand_in_*``
    parameters. A text that only talks about the subject ("Health is important.", "Health is no
    joke.") is no stand-in, nor is one saying the content is still to come ("TODO", "not yet
    documented"): the message says that it is missing.

    An empty section is left to ``empty-section``, one still holding a placeholder to
    ``placeholder``, a table that markdown does not read as one (no delimiter row) to
    ``table-syntax``.
    """

    params: ClassVar[tuple[str, ...]] = STAND_IN_PARAMS

    def check(self, ctx: Context) -> Iterator[Violation]:
        stand_ins = StandIns.of(ctx)
        for table_def in ctx.pack.tables.values():
            section = ctx.section(table_def.section)
            if section is None or not section.has_content or section.blocks_of(Table):
                continue
            paragraphs = section.blocks_of(Paragraph)
            if any(ctx.has_placeholder(p.text) or first_row(p) or stand_ins.stands_in(p, section.title)
                   for p in paragraphs):
                continue
            # "TODO", "not yet documented": the author knows; say the content is what is missing.
            note = ", only a note that it is still to be written" if any(map(stand_ins.is_unwritten, paragraphs)) else ""
            yield Violation(f'section "{section.title}" has no table{note} (expected {table_or_stand_in(table_def)})',
                            section.line)


def table_or_stand_in(table_def: TemplateTable) -> str:
    """What a section the template gives a table holds instead of nothing."""
    return f"a table with columns {column_list(table_def)}, or a sentence saying it does not apply"
