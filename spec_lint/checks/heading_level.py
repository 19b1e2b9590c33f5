"""The heading-level check: template sections at the template's heading level."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Fix, Violation
from spec_lint.fixing.headings import relevelled
from spec_lint.model import Section
from spec_lint.template import TemplateSection, stands_for, stands_for_at_level

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("heading-level")
@dataclass(frozen=True, slots=True)
class HeadingLevel:
    """A template section stands at the template's heading level.

    Fix (safe): the heading gets the template's level, and its sub-sections move by as many
    levels, except those (and what is under them) already at their own template level.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        section_defs = ctx.pack.all_sections
        for section in ctx.doc.sections:
            same = [s for s in section_defs if stands_for(section, s)]
            if same and all(s.level != section.level for s in same):
                want = same[0].level
                yield Violation(
                    f'section "{section.title}" is a level-{section.level} heading '
                    f'(expected level {want}: "{"#" * want} {same[0].title}")',
                    section.line,
                    fix=_fix(ctx.doc.lines, section, want, section_defs),
                )


def _fix(lines: list[str], section: Section, level: int, section_defs: Sequence[TemplateSection]) -> Fix | None:
    delta = level - section.level
    moves = [(section.line, level), *_moves(section, delta, section_defs)]
    edits = [relevelled(lines, line, new) if 1 <= new <= 6 else None for line, new in moves]
    if any(edit is None for edit in edits):
        return None  # a setext heading, or a sub-section that would fall off the six levels
    return Fix(f"make it a level-{level} heading", tuple(e for e in edits if e is not None))


def _moves(section: Section, delta: int, section_defs: Sequence[TemplateSection]) -> list[tuple[int, int]]:
    """The sub-sections' lines and new levels: each moves with its parent unless it already
    stands at its template level (then it stays, with what is under it)."""
    moves: list[tuple[int, int]] = []
    for child in section.children:
        if not any(stands_for_at_level(child, s) for s in section_defs):
            moves += [(child.line, child.level + delta), *_moves(child, delta, section_defs)]
    return moves
