"""Checks on the section tree: title, presence, order, level, duplicates, emptiness."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.context import spec_matches, title_matches
from spec_lint.findings import Violation
from spec_lint.model import Section, normalize_title, strip_hint

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.pack import SectionSpec

Scope = tuple[Section, tuple["SectionSpec", ...]]


def container(ctx: Context) -> Section:
    """The section the template's top-level sections live in (the H1 for H2 sections)."""
    level = ctx.pack.sections[0].level if ctx.pack.sections else 1
    parent = next((s for s in ctx.doc.sections if s.level == level - 1), None)
    return parent or ctx.doc.root


def scopes(ctx: Context) -> Iterator[Scope]:
    """Each present parent with the template sections expected directly under it."""
    pending: list[Scope] = [(container(ctx), ctx.pack.sections)]
    while pending:
        parent, specs = pending.pop(0)
        yield parent, specs
        for spec in specs:
            found = matches(parent, spec)
            if found and spec.children:
                pending.append((found[0], spec.children))


def matches(parent: Section, spec: SectionSpec) -> list[Section]:
    return [child for child in parent.children if spec_matches(child, spec)]


def is_required(ctx: Context, spec: SectionSpec) -> bool:
    if spec.when is None:
        return spec.required
    given = ctx.doc.field(spec.when.field)
    return given is not None and normalize_title(given.value) == normalize_title(spec.when.equals)


def at_other_level(ctx: Context, spec: SectionSpec) -> bool:
    return any(s.level != spec.level and title_matches(s.title, spec.title) for s in ctx.doc.sections)


@register("title")
@dataclass(frozen=True, slots=True)
class Title:
    """One H1, of the pack's title form."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        h1s = [s for s in ctx.doc.sections if s.level == 1]
        example = ctx.pack.params.get("title_example", ctx.pack.title_pattern)
        if not h1s:
            yield Violation(f'missing title (expected an H1 "{example}")', 1)
            return
        title = h1s[0]
        if not re.match(ctx.pack.title_pattern, title.title.strip()) and not ctx.has_placeholder(title.title):
            yield Violation(f'title "{title.title}" is not of the form "{example}"', title.line)
        for extra in h1s[1:]:
            yield Violation(f'second H1 "{extra.title}" (the title is on line {title.line}; use "##")', extra.line)


@register("missing-section")
@dataclass(frozen=True, slots=True)
class MissingSection:
    """Every required template section is present under its parent."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            for index, spec in enumerate(specs):
                found = matches(parent, spec)
                if not found and is_required(ctx, spec) and not at_other_level(ctx, spec):
                    yield Violation(f'missing section "{spec.title}"{_expected(parent, specs, index)}', parent.line)
                elif found and len(found[0].children) < spec.min_children:
                    yield Violation(f'section "{spec.title}" needs at least {spec.min_children} sub-section', found[0].line)


def _expected(parent: Section, specs: tuple[SectionSpec, ...], index: int) -> str:
    present = [s for s in specs[:index] if matches(parent, s)]
    if present:
        return f' (expected after "{present[-1].title}")'
    return f' (expected first under "{parent.title}")' if parent.title else " (expected first)"


@register("section-order")
@dataclass(frozen=True, slots=True)
class SectionOrder:
    """Template sections keep the template's order among their siblings."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            placed = _placed(parent, specs)
            keep = longest_run([index for index, _ in placed])
            for position, (index, section) in enumerate(placed):
                if position not in keep:
                    yield Violation(f'section "{section.title}" is out of order{_hint(placed, keep, index, specs)}', section.line)


def _placed(parent: Section, specs: tuple[SectionSpec, ...]) -> list[tuple[int, Section]]:
    """Each child's template index, first occurrence of each only, in document order."""
    placed: list[tuple[int, Section]] = []
    seen: set[int] = set()
    for child in parent.children:
        index = next((i for i, spec in enumerate(specs) if spec_matches(child, spec)), None)
        if index is not None and index not in seen:
            seen.add(index)
            placed.append((index, child))
    return placed


def _hint(placed: list[tuple[int, Section]], keep: set[int], index: int, specs: tuple[SectionSpec, ...]) -> str:
    in_order = [placed[p][0] for p in sorted(keep)]
    before = [i for i in in_order if i < index]
    if before:
        return f' (expected after "{specs[before[-1]].title}")'
    after = [i for i in in_order if i > index]
    return f' (expected before "{specs[after[0]].title}")' if after else ""


def longest_run(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (earliest on ties)."""
    best: list[list[int]] = []
    for position, value in enumerate(values):
        chains = [chain for chain in best if values[chain[-1]] < value]
        longest = max(chains, key=len, default=[])
        best.append([*longest, position])
    return set(max(best, key=len, default=[]))


@register("unknown-section")
@dataclass(frozen=True, slots=True)
class UnknownSection:
    """Sections at ``levels`` that the template does not know, with a suggestion."""

    levels: tuple[int, ...] = (2,)
    similarity: float = 0.8

    def check(self, ctx: Context) -> Iterator[Violation]:
        specs = ctx.pack.section_titles
        for section in ctx.doc.sections:
            if section.level not in self.levels or any(spec_matches(section, s) for s in specs):
                continue
            known = [s.title for s in specs if s.level == section.level]
            yield Violation(f'unknown section "{section.title}"{self._suggest(section.title, known)}', section.line)

    def _suggest(self, title: str, known: list[str]) -> str:
        folded = normalize_title(strip_hint(title))
        scored = [(difflib.SequenceMatcher(None, folded, normalize_title(k)).ratio(), k) for k in known]
        ratio, best = max(scored, default=(0.0, ""))
        return f' (did you mean "{best}"?)' if ratio >= self.similarity else ""


@register("heading-level")
@dataclass(frozen=True, slots=True)
class HeadingLevel:
    """A template section at a heading level other than the template's."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        specs = ctx.pack.section_titles
        for section in ctx.doc.sections:
            same = [s for s in specs if spec_matches(section, s)]
            if same and all(s.level != section.level for s in same):
                want = same[0].level
                yield Violation(
                    f'section "{section.title}" is a level-{section.level} heading '
                    f'(expected {"#" * want} {same[0].title})',
                    section.line,
                )


@register("duplicate-section")
@dataclass(frozen=True, slots=True)
class DuplicateSection:
    """A template section that appears twice under one parent."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            for spec in specs:
                found = matches(parent, spec)
                for other in found[1:]:
                    yield Violation(f'duplicate section "{other.title}" (first on line {found[0].line})', other.line)


@register("empty-section")
@dataclass(frozen=True, slots=True)
class EmptySection:
    """A template section with nothing in it before the next heading of its level or higher."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            for spec in specs:
                for section in matches(parent, spec)[:1]:
                    if not section.has_content:
                        yield Violation(f'section "{section.title}" is empty', section.line)
