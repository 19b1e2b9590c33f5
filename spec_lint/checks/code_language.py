"""The code-language check: a fenced code block names its language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.fenced_blocks import code_blocks, fence_indent
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("code-language")
@dataclass(frozen=True, slots=True)
class CodeLanguage:
    """A fenced code block names its language (``text`` is one); at the opening fence."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for block in code_blocks(ctx):
            if not block.language:
                yield Violation(
                    'code block has no language (expected one after the opening fence, such as "python", '
                    '"bash" or "text")',
                    block.line,
                    fence_indent(ctx, block) + 1,
                )
