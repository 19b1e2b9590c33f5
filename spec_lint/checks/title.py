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
    """The document has an H1 title that matches the pack's ``title_pattern`` (the message shows
    its ``title_example``), and no other H1, unless the template's sections are H1s."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        h1s = [s for s in ctx.doc.sections if s.level == 1]
        document = ctx.pack.document
        example = document.title_example
        if not h1s:
            yield Violation(f'missing title (expected an H1 "# {example}")', 1)
            return
        title = h1s[0]
        if not ctx.has_placeholder(title.title) and not re.fullmatch(document.title_pattern, title.title.strip()):
            yield Violation(f'title "{title.title}" is not of the form "{example}"', title.line)
        for extra in h1s[1:] if document.section_level > 1 else ():
            yield Violation(
                f'second H1 "{extra.title}" (expected one H1, the title on line {title.line}; '
                'use "##" for a section)',
                extra.line,
            )
