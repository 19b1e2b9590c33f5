"""Checks on the template's section tree: presence, order, duplicates, emptiness."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.fences import holds_unclosed
from spec_lint.checks.tree import Gap, gaps, is_excused, matches, misspelt, place, scopes
from spec_lint.findings import Violation
from spec_lint.model import Section
from spec_lint.specs import is_section

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.specs import SectionSpec


@register("missing-section")
@dataclass(frozen=True, slots=True)
class MissingSection:
    """Every required template section is present under its parent.

    A missing section with a close unknown sibling (``similarity``, as difflib measures it) is
    reported at that heading, as a likely typo. ``sub_sections`` names what a section's
    sub-sections are, with an example, for sections that need ``min_children`` of them.
    """

    similarity: float = 0.8
    sub_sections: dict[str, dict[str, str]] = field(default_factory=dict)

    def check(self, ctx: Context) -> Iterator[Violation]:
        for gap in gaps(ctx):
            yield self._missing(ctx, gap)
        for parent, specs in scopes(ctx):
            for spec in specs:
                found = matches(parent, spec)
                if found and len(found[0].children) < spec.min_children and not _excused(ctx, found[0], spec):
                    yield Violation(self._too_few(found[0], spec), found[0].line)

    def _missing(self, ctx: Context, gap: Gap) -> Violation:
        parent, specs, index = gap
        message = f'missing section "{specs[index].title}"'
        typo = misspelt(ctx, gap, self.similarity)
        if typo is not None:
            return Violation(f'{message} (found "{typo.title}": a typo?)', typo.line)
        return Violation(f"{message}{place(ctx, gap)}", parent.line)

    def _too_few(self, section: Section, spec: SectionSpec) -> str:
        count, wanted = len(section.children), spec.min_children
        named = self.sub_sections.get(spec.title, {})
        name = named.get("name", "sub-section")
        has = f"no {name}" if count == 0 else f"{count} {name}{'s' if count > 1 else ''}"
        example = f', such as "{named["example"]}"' if "example" in named else ""
        return f'section "{section.title}" has {has} (expected at least {wanted}{example})'


def _excused(ctx: Context, section: Section, spec: SectionSpec) -> bool:
    """Kept against its condition, or its sub-sections swallowed by an unclosed code block."""
    return is_excused(ctx, spec) or holds_unclosed(ctx, section)


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
                    hint = _hint(placed, keep, position, specs)
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


def _hint(placed: list[tuple[int, Section]], keep: set[int], position: int, specs: tuple[SectionSpec, ...]) -> str:
    """Name the nearest in-order section that this one is on the wrong side of."""
    index = placed[position][0]
    above = [placed[p][0] for p in sorted(keep) if p < position and placed[p][0] > index]
    if above:
        return f' (expected before "{specs[min(above)].title}")'
    below = [placed[p][0] for p in sorted(keep) if p > position and placed[p][0] < index]
    return f' (expected after "{specs[max(below)].title}")' if below else ""


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
    """A template section appears at most once under its parent; a second one is reported."""

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
    """A template section has content before the next heading of its level or higher.

    Sections that must hold sub-sections are left to ``missing-section``, which names what is
    missing; a section kept against its condition is not looked into.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, specs in scopes(ctx):
            for spec in specs:
                found = matches(parent, spec)
                if found and not found[0].has_content and not _expects_children(spec) and not is_excused(ctx, spec):
                    yield Violation(f'section "{found[0].title}" is empty (expected content under it)', found[0].line)


def _expects_children(spec: SectionSpec) -> bool:
    return spec.min_children > 0 or any(child.required for child in spec.children)
