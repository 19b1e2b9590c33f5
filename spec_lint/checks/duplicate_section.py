"""The duplicate-section check: a template section at most once under its parent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.tree import scopes, standing_for
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("duplicate-section")
@dataclass(frozen=True, slots=True)
class DuplicateSection:
    """A template section appears at most once under its parent; a second one is reported."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for parent, section_defs in scopes(ctx):
            for section_def in section_defs:
                found = standing_for(ctx, parent, section_def)
                for other in found[1:]:
                    yield Violation(
                        f'duplicate section "{other.title}" (expected once; first on line {found[0].line})',
                        other.line,
                    )
