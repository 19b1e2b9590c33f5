"""The unknown-section check: headings the template does not know."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from spec_lint.checks import register
from spec_lint.facts.headings import is_known
from spec_lint.facts.tree import likeness, misspellings
from spec_lint.findings import Violation
from spec_lint.fixing.headings import rename

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.model import Section


@register("unknown-section")
@dataclass(frozen=True, slots=True)
class UnknownSection:
    """Every heading at one of ``levels`` (none given: the template's top level) is a section the
    template knows. For one that is not, the message names the closest template title when it is
    within ``similarity`` (as difflib measures it).

    A heading close to a required section that is missing is left to ``missing-section``, which
    reports it as a typo.

    Fix (unsafe: the heading may be a section of its own): a near miss is renamed to the
    template's title.
    """

    # Its only fix is unsafe: `spec-lint rules` says so (the catalog reads it).
    fixes: ClassVar[str] = "unsafe"
    levels: tuple[int, ...] = ()
    similarity: float = 0.8

    def check(self, ctx: Context) -> Iterator[Violation]:
        section_defs = ctx.pack.all_sections
        typos = misspellings(ctx, self.similarity)
        levels = self.levels or (ctx.pack.top_level,)
        for section in ctx.doc.sections:
            if section.level not in levels or section is ctx.title:
                continue
            if ctx.has_placeholder(section.title) or section.line in typos:
                continue
            if not is_known(ctx, section):
                yield self._unknown(ctx, section, [s.title for s in section_defs])

    def _unknown(self, ctx: Context, section: Section, known: list[str]) -> Violation:
        best = self._closest(section.title, known)
        if best is None:
            return Violation(f'unknown section "{section.title}" (not a section of the template)', section.line)
        return Violation(f'unknown section "{section.title}" (did you mean "{best}"?)', section.line,
                         fix=rename(ctx.doc.lines, section.line, best))

    def _closest(self, title: str, known: list[str]) -> str | None:
        """The template title closest to ``title``, when within ``similarity``."""
        scored = [(likeness(title, k), k) for k in known]
        ratio, best = max(scored, key=lambda pair: pair[0], default=(0.0, ""))
        return best if ratio >= self.similarity else None
