"""Which template sections a document's headings stand for: an index of the sections' names,
made once a file, where each heading was compared with every section."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.titles import qualifies, title_forms

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.model import Section
    from spec_lint.template import TemplateSection


@dataclass(frozen=True, slots=True)
class HeadingIndex:
    """The template's sections by each of their names as compared, and what each heading names."""

    sections: tuple[TemplateSection, ...]
    by_name: dict[str, list[int]]  # a title or alias, normalized: where in ``sections`` it is one
    qualified: tuple[int, ...]  # the sections a qualifier may follow
    found: dict[str, tuple[TemplateSection, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, sections: Sequence[TemplateSection]) -> HeadingIndex:
        by_name: dict[str, list[int]] = {}
        for index, section in enumerate(sections):
            for name in dict.fromkeys(section.names):
                by_name.setdefault(name, []).append(index)
        return cls(tuple(sections), by_name, tuple(i for i, s in enumerate(sections) if s.qualified))

    def named(self, heading: str) -> tuple[TemplateSection, ...]:
        """The sections a heading names (``TemplateSection.named_by``), in the index's order."""
        found = self.found.get(heading)
        if found is None:
            forms = title_forms(heading)
            hits = {index for form in forms for index in self.by_name.get(form, ())}
            hits.update(i for i in self.qualified if qualifies(forms, self.sections[i].names))
            found = self.found[heading] = tuple(self.sections[index] for index in sorted(hits))
        return found


def named(ctx: Context, heading: str) -> tuple[TemplateSection, ...]:
    """The sections of the template (``pack.all_sections``, in its order) that a heading stands
    for, at any level."""
    return ctx.fact("heading-index", lambda: HeadingIndex.of(ctx.pack.all_sections)).named(heading)


def is_known(ctx: Context, section: Section) -> bool:
    """Does the heading stand for a section of the template, at any level?"""
    return bool(named(ctx, section.title))


def headings_for(ctx: Context, section_def: TemplateSection) -> list[Section]:
    """The document's headings that stand for a template section, at any level, in order."""
    by_section = ctx.fact("headings-by-section", lambda: _headings_by_section(ctx))
    found = by_section.get(id(section_def))
    return found if found is not None else [s for s in ctx.doc.sections if section_def.named_by(s.title)]


def _headings_by_section(ctx: Context) -> dict[int, list[Section]]:
    """Each template section's headings, by the section's id (every section of the template has one)."""
    by_section: dict[int, list[Section]] = {id(s): [] for s in ctx.pack.all_sections}
    for section in ctx.doc.sections:
        for section_def in named(ctx, section.title):
            by_section[id(section_def)].append(section)
    return by_section
