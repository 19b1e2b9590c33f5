"""The unknown-section check: headings the template does not know."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.tree import likeness, misspellings
from spec_lint.findings import Fix, Violation
from spec_lint.fixing.headings import retitled
from spec_lint.template import stands_for

if TYPE_CHECKING:
    from spec_lint.context import Context


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
            if not any(stands_for(section, s) for s in section_defs):
                best = self._closest(section.title, [s.title for s in section_defs])
                if best is None:
                    yield Violation(f'unknown section "{section.title}" (not a section of the template)', section.line)
                    continue
                rename = retitled(ctx.doc.lines, section.line, best)
                fix = Fix(f'rename to "{best}"', (rename,), safe=False) if rename else None
                yield Violation(f'unknown section "{section.title}" (did you mean "{best}"?)', section.line, fix=fix)

    def _closest(self, title: str, known: list[str]) -> str | None:
        """The template title closest to ``title``, when within ``similarity``."""
        scored = [(likeness(title, k), k) for k in known]
        ratio, best = max(scored, key=lambda pair: pair[0], default=(0.0, ""))
        return best if ratio >= self.similarity else None
