"""The title check: one H1, of the form the pack gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation

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
