"""The missing-section check: required template sections present under their parent."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.fences import holds_unclosed
from spec_lint.facts.tree import Gap, gaps, is_excused, misspelt, place, scopes, standing_for, template_path
from spec_lint.findings import Fix, Violation
from spec_lint.fixing.headings import rename
from spec_lint.fixing.stubs import insertion
from spec_lint.model import Section
from spec_lint.pack.markers import SectionPath
from spec_lint.pack.names import names_section

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateSection


@dataclass(frozen=True, slots=True)
class SubSections:
    """What a section's sub-sections are called, with an example heading."""

    name: str = "sub-section"
    example: str = ""


@register("missing-section")
@dataclass(frozen=True, slots=True)
class MissingSection:
    """Every required template section is present under its parent.

    A missing section with a close unknown sibling (``similarity``, as difflib measures it) is
    reported at that heading, as a likely typo. ``sub_sections`` names what a section's
    sub-sections are, with an example, for sections that need ``min_children`` of them.

    Fix (safe): the section is inserted where it belongs as the pack's template writes it (its
    fields, tables and sub-sections, filled in as ``spec-lint new`` fills them), for the author
    to replace its placeholders; a pack without a template gets a stub of its heading, its table
    (header and a row of ``...``) and its ``guidance`` sentence, or ``...``. A likely typo is
    renamed to the template's title instead, an unsafe fix.
    """

    similarity: float = 0.8
    sub_sections: Mapping[SectionPath, SubSections] = field(default_factory=dict)
    guidance: Mapping[SectionPath, str] = field(default_factory=dict)

    def check(self, ctx: Context) -> Iterator[Violation]:
        for gap in gaps(ctx):
            yield self._missing(ctx, gap)
        for parent, section_defs in scopes(ctx):
            for section_def in section_defs:
                found = standing_for(ctx, parent, section_def)
                if (
                    found
                    and len(found[0].children) < section_def.min_children
                    and not _excused(ctx, found[0], section_def)
                ):
                    yield Violation(self._too_few(found[0], section_def, self._named(ctx, section_def)), found[0].line)

    def _missing(self, ctx: Context, gap: Gap) -> Violation:
        parent, section_defs, index = gap
        title = section_defs[index].title
        message = f'missing section "{title}"'
        typo = misspelt(ctx, gap, self.similarity)
        if typo is not None:
            fix = rename(ctx.doc.lines, typo.line, title)
            return Violation(f'{message} (found "{typo.title}": a typo?)', typo.line, fix=fix)
        stub = Fix(f'insert section "{title}"', (insertion(ctx, gap, self.guidance),))
        return Violation(f"{message}{place(ctx, gap)}", parent.line, fix=stub)

    def _named(self, ctx: Context, section_def: TemplateSection) -> SubSections:
        """What ``sub_sections`` calls the section's sub-sections: keyed by its path or its title."""
        path = [template_path(ctx, section_def)]
        return next((named for key, named in self.sub_sections.items() if names_section(key, path)), SubSections())

    @staticmethod
    def _too_few(section: Section, section_def: TemplateSection, named: SubSections) -> str:
        count, wanted = len(section.children), section_def.min_children
        name = named.name
        has = f"no {name}" if count == 0 else f"{count} {name}{'s' if count > 1 else ''}"
        example = f', such as "{named.example}"' if named.example else ""
        return f'section "{section.title}" has {has} (expected at least {wanted}{example})'


def _excused(ctx: Context, section: Section, section_def: TemplateSection) -> bool:
    """Kept against its condition, or its sub-sections swallowed by an unclosed code block."""
    return is_excused(ctx, section_def) or holds_unclosed(ctx, section)
