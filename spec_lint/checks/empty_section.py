"""The empty-section check: template sections with content under them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.missing_table import table_or_stand_in
from spec_lint.facts.tree import is_excused, scopes, standing_for
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.model import Section
    from spec_lint.template import TemplateSection


@register("empty-section")
@dataclass(frozen=True, slots=True)
class EmptySection:
    """A template section has content before the next heading of its level or higher.

    Sections that must hold sub-sections are left to ``missing-section``, which names what is
    missing; a section kept against its condition is not looked into. An empty section the
    template gives a table is told what would be right: the table, or a sentence saying it does
    not apply (see ``missing-table``).
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, section_defs in scopes(ctx):
            for section_def in section_defs:
                found = standing_for(ctx, parent, section_def)
                if (
                    found
                    and not found[0].has_content
                    and not _expects_children(section_def)
                    and not is_excused(ctx, section_def)
                ):
                    yield Violation(f'section "{found[0].title}" is empty (expected {_content(ctx, found[0])})',
                                    found[0].line)


def _expects_children(section_def: TemplateSection) -> bool:
    return section_def.min_children > 0 or any(child.required for child in section_def.children)


def _content(ctx: Context, section: Section) -> str:
    """What the section should hold: its template table, or a sentence standing in for it."""
    table_def = next((t for t in ctx.pack.tables.values() if ctx.section(t.section) is section), None)
    return table_or_stand_in(table_def) if table_def else "content under it"
