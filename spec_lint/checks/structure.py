"""Checks on the template's section tree: presence, order, duplicates, emptiness."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.context import spec_matches
from spec_lint.findings import Violation
from spec_lint.model import Section, normalize_title

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.specs import SectionSpec

Scope = tuple[Section, tuple["SectionSpec", ...]]


def container(ctx: Context) -> Section:
    """A level-0 section holding the template's top sections, at the title's line.

    The sections under every H1 (and any before the first) count, so that a second H1 is
    reported once, by the title rule, rather than as a run of missing sections.
    """
    level = ctx.pack.sections[0].level if ctx.pack.sections else 1
    above = [ctx.doc.root, *(s for s in ctx.doc.sections if s.level < level)]
    tops = sorted((c for s in above for c in s.children if c.level == level), key=lambda s: s.line)
    title = ctx.doc.title
    return Section("", 0, title.line if title else 1, children=tops)


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
    """The children that are this section: its title at its level (other levels are SL105's)."""
    return [child for child in parent.children if is_section(child, spec)]


def is_section(section: Section, spec: SectionSpec) -> bool:
    return section.level == spec.level and spec_matches(section, spec)


def is_required(ctx: Context, spec: SectionSpec) -> bool:
    if spec.when is None:
        return spec.required
    given = ctx.doc.field(spec.when.field)
    return given is not None and normalize_title(given.value) == normalize_title(spec.when.equals)


def at_other_level(ctx: Context, spec: SectionSpec) -> bool:
    """Is the section there at a wrong level? Then the level rule reports it, not this one."""
    return any(s.level != spec.level and spec_matches(s, spec) for s in ctx.doc.sections)


@register("missing-section")
@dataclass(frozen=True, slots=True)
class MissingSection:
    """Every required template section is present under its parent."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            for index, spec in enumerate(specs):
                found = matches(parent, spec)
                if not found and is_required(ctx, spec) and not at_other_level(ctx, spec):
                    yield Violation(f'missing section "{spec.title}"{_expected(ctx, parent, specs[:index])}', parent.line)
                elif found and len(found[0].children) < spec.min_children:
                    yield Violation(
                        f'section "{found[0].title}" has {len(found[0].children)} sub-sections '
                        f"(expected at least {spec.min_children})",
                        found[0].line,
                    )


def _expected(ctx: Context, parent: Section, before: tuple[SectionSpec, ...]) -> str:
    """Where the section goes: after the last earlier one that is, or must be, there."""
    due = [s for s in before if matches(parent, s) or is_required(ctx, s)]
    if due:
        return f' (expected after "{due[-1].title}")'
    return f' (expected first under "{parent.title}")' if parent.title else " (expected first)"


@register("section-order")
@dataclass(frozen=True, slots=True)
class SectionOrder:
    """Template sections keep the template's order among their siblings."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            placed = _placed(parent, specs)
            keep = longest_run([index for index, _ in placed])
            in_order = [placed[p][0] for p in sorted(keep)]
            for position, (index, section) in enumerate(placed):
                if position not in keep:
                    hint = _hint(in_order, index, specs)
                    yield Violation(f'section "{section.title}" is out of order{hint}', section.line)


def _placed(parent: Section, specs: tuple[SectionSpec, ...]) -> list[tuple[int, Section]]:
    """Each child's template index, first occurrence of each only, in document order."""
    placed: list[tuple[int, Section]] = []
    seen: set[int] = set()
    for child in parent.children:
        index = next((i for i, spec in enumerate(specs) if is_section(child, spec)), None)
        if index is not None and index not in seen:
            seen.add(index)
            placed.append((index, child))
    return placed


def _hint(in_order: list[int], index: int, specs: tuple[SectionSpec, ...]) -> str:
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
        best.append([*_longest(chains), position])
    return set(_longest(best))


def _longest(chains: list[list[int]]) -> list[int]:
    return max(chains, key=len, default=[])


@register("duplicate-section")
@dataclass(frozen=True, slots=True)
class DuplicateSection:
    """A template section that appears twice under one parent."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            for spec in specs:
                found = matches(parent, spec)
                for other in found[1:]:
                    yield Violation(
                        f'duplicate section "{other.title}" (expected once; first on line {found[0].line})',
                        other.line,
                    )


@register("empty-section")
@dataclass(frozen=True, slots=True)
class EmptySection:
    """A template section with nothing in it before the next heading of its level or higher.

    Sections that must hold sub-sections are left to the missing-section rule, which names
    what is missing.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            for spec in specs:
                found = matches(parent, spec)
                if found and not found[0].has_content and not _expects_children(spec):
                    yield Violation(f'section "{found[0].title}" is empty (expected content under it)', found[0].line)


def _expects_children(spec: SectionSpec) -> bool:
    return spec.min_children > 0 or any(child.required for child in spec.children)
