"""The title check: one H1, of the form the pack gives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.headings import is_known
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("title")
@dataclass(frozen=True, slots=True)
class Title:
    """The document has an H1 title that matches the pack's ``title_pattern`` (the message shows
    its ``title_example``), and no other H1, unless the template's sections are H1s (then an H1
    that is a template section is no title). A template section written as an H1 (``# Design``)
    is one mistake, its level, left to ``heading-level``."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        title, document = ctx.title, ctx.pack.document
        if title is None:
            yield Violation(f'missing title (expected an H1 "# {document.title_example}")', 1)
            return
        if not ctx.has_placeholder(title.title) and not re.fullmatch(document.title_pattern, title.title.strip()):
            yield Violation(f'title "{title.title}" is not of the form "{document.title_example}"', title.line)
        h1s = [s for s in ctx.doc.sections if s.level == 1 and s is not title
               and not is_known(ctx, s)]
        for extra in h1s if document.section_level > 1 else ():
            yield Violation(
                f'second H1 "{extra.title}" (expected one H1, the title on line {title.line}; '
                'use "##" for a section)',
                extra.line,
            )
