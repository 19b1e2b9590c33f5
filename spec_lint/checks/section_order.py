"""The section-order check: template sections in the template's order among their siblings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.tree import scopes
from spec_lint.findings import Violation
from spec_lint.model import Section
from spec_lint.template import stands_for_at_level

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateSection


@register("section-order")
@dataclass(frozen=True, slots=True)
class SectionOrder:
    """Template sections keep the template's order among their siblings."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, section_defs in scopes(ctx):
            placed = _placed(parent, section_defs)
            keep = longest_run([index for index, _ in placed])
            for position, (index, section) in enumerate(placed):
                if position not in keep:
                    hint = _hint(placed, keep, position, section_defs)
                    yield Violation(f'section "{section.title}" is out of order{hint}', section.line)


def _placed(parent: Section, section_defs: tuple[TemplateSection, ...]) -> list[tuple[int, Section]]:
    """Each child's template index, first occurrence of each only, in document order."""
    placed: list[tuple[int, Section]] = []
    seen: set[int] = set()
    for child in parent.children:
        index = next((i for i, wanted in enumerate(section_defs) if stands_for_at_level(child, wanted)), None)
        if index is not None and index not in seen:
            seen.add(index)
            placed.append((index, child))
    return placed


def _hint(
    placed: list[tuple[int, Section]], keep: set[int], position: int, section_defs: tuple[TemplateSection, ...]
) -> str:
    """Name the nearest in-order section that this one is on the wrong side of."""
    index = placed[position][0]
    above = [placed[p][0] for p in sorted(keep) if p < position and placed[p][0] > index]
    if above:
        return f' (expected before "{section_defs[min(above)].title}")'
    below = [placed[p][0] for p in sorted(keep) if p > position and placed[p][0] < index]
    return f' (expected after "{section_defs[max(below)].title}")' if below else ""


def longest_run(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (earliest on ties)."""
    best: list[list[int]] = []
    for position, value in enumerate(values):
        chains = [chain for chain in best if values[chain[-1]] < value]
        best.append([*_longest(chains), position])
    return set(_longest(best))


def _longest(chains: list[list[int]]) -> list[int]:
    return max(chains, key=len, default=[])
