"""The heading-level check: template sections at the template's heading level."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.template import stands_for

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("heading-level")
@dataclass(frozen=True, slots=True)
class HeadingLevel:
    """A template section stands at the template's heading level."""

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
                )
