"""The unclosed-fence check: a fenced code block has its closing fence."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.facts.fenced_blocks import fence_indent
from spec_lint.facts.fences import fence_of, unclosed_blocks
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("unclosed-fence")
@dataclass(frozen=True, slots=True)
class UnclosedFence:
    """A fenced code block has its closing fence.

    Without it the block runs on to the end of the file, or to a fence of the next block, and
    the headings in between are code: one finding here, not a missing section each. Only the
    first such block is reported: after it every fence pairs with the wrong one.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for block in itertools.islice(unclosed_blocks(ctx), 1):
            opener = fence_of(ctx.doc.lines[block.line - 1])
            marker = opener.marker if opener else "```"
            yield Violation(
                f"code block opened on line {block.line} is never closed "
                f"(expected a closing {marker} before the next heading)",
                block.line,
                fence_indent(ctx, block) + 1,
            )
