"""Checks on headings: the title, and sections the template does not know or places elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.tree import likeness, misspellings
from spec_lint.findings import Violation
from spec_lint.specs import spec_matches

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("title")
@dataclass(frozen=True, slots=True)
class Title:
    """The document has exactly one H1, and it matches the pack's ``title_pattern`` (the message
    shows the ``title_example`` parameter)."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        h1s = [s for s in ctx.doc.sections if s.level == 1]
        example = ctx.pack.params.get("title_example", ctx.pack.title_pattern)
        if not h1s:
            yield Violation(f'missing title (expected an H1 "# {example}")', 1)
            return
        title = h1s[0]
        if not ctx.has_placeholder(title.title) and not re.fullmatch(ctx.pack.title_pattern, title.title.strip()):
            yield Violation(f'title "{title.title}" is not of the form "{example}"', title.line)
        for extra in h1s[1:]:
            yield Violation(
                f'second H1 "{extra.title}" (expected one H1, the title on line {title.line}; '
                'use "##" for a section)',
                extra.line,
            )


@register("unknown-section")
@dataclass(frozen=True, slots=True)
class UnknownSection:
    """Every heading at one of ``levels`` is a section the template knows. For one that is not,
    the message names the closest template title when it is within ``similarity`` (as difflib
    measures it).

    A heading close to a required section that is missing is left to ``missing-section``, which
    reports it as a typo.
    """

    levels: tuple[int, ...] = (2,)
    similarity: float = 0.8

    def check(self, ctx: Context) -> Iterator[Violation]:
        specs = ctx.pack.all_sections
        typos = misspellings(ctx, self.similarity)
        for section in ctx.doc.sections:
            if section.level not in self.levels or ctx.has_placeholder(section.title) or section.line in typos:
                continue
            if not any(spec_matches(section, s) for s in specs):
                suggestion = self._suggest(section.title, [s.title for s in specs])
                yield Violation(f'unknown section "{section.title}"{suggestion}', section.line)

    def _suggest(self, title: str, known: list[str]) -> str:
        scored = [(likeness(title, k), k) for k in known]
        ratio, best = max(scored, key=lambda pair: pair[0], default=(0.0, ""))
        return f' (did you mean "{best}"?)' if ratio >= self.similarity else " (not a section of the template)"


@register("heading-level")
@dataclass(frozen=True, slots=True)
class HeadingLevel:
    """A template section stands at the template's heading level."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        specs = ctx.pack.all_sections
        for section in ctx.doc.sections:
            same = [s for s in specs if spec_matches(section, s)]
            if same and all(s.level != section.level for s in same):
                want = same[0].level
                yield Violation(
                    f'section "{section.title}" is a level-{section.level} heading '
                    f'(expected level {want}: "{"#" * want} {same[0].title}")',
                    section.line,
                )
