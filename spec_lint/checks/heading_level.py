"""The heading-level check: template sections at the template's heading level."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.headings import named
from spec_lint.findings import Fix, Violation
from spec_lint.fixing.headings import relevelled
from spec_lint.model import Section
from spec_lint.template import TemplateSection, stands_for_at_level

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
        parents = {id(child): section for section in ctx.doc.sections for child in section.children}
        moved: dict[int, int] = {}  # a reported section's id: the levels its fix moves it by
        for section in ctx.doc.sections:
            same = named(ctx, section.title)
            if not same or any(s.level == section.level for s in same):
                continue
            parent = parents.get(id(section))
            shift = moved.get(id(parent), 0) if parent is not None else 0
            if shift and any(s.level == section.level + shift for s in same):
                moved[id(section)] = shift  # one cause, one finding: it moves with its parent's fix
                continue
            want = _wanted(section, same, parent)
            moved[id(section)] = want.level - section.level
            yield Violation(
                f'section "{section.title}" is a level-{section.level} heading '
                f'(expected level {want.level}: "{"#" * want.level} {want.title}")',
                section.line,
                fix=_fix(ctx.doc.lines, section, want.level, section_defs),
            )


def _wanted(section: Section, same: Sequence[TemplateSection], parent: Section | None) -> TemplateSection:
    """The template section it stands for: the one right under its parent's level when there is one
    (``Goals`` under ``Motivation`` is its sub-section, though it may also stand at the top)."""
    below = [s for s in same if parent is not None and s.level == parent.level + 1]
    return (below or list(same))[0]


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
