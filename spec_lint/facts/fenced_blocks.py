"""The fenced code blocks that checks read, and where their opening fence starts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spec_lint.blocks import CodeBlock
from spec_lint.facts.fences import fence_column, unclosed_blocks

if TYPE_CHECKING:
    from spec_lint.context import Context


def code_blocks(ctx: Context) -> Iterator[CodeBlock]:
    """Fenced blocks that are closed: an unclosed one is reported once, as unclosed."""
    unclosed = set(unclosed_blocks(ctx))
    for block in ctx.doc.blocks_of(CodeBlock):
        if block.fenced and block not in unclosed:
            yield block


def fence_indent(ctx: Context, block: CodeBlock) -> int:
    """Where the opening fence starts: after indentation, quote and list markers."""
    fence = ctx.doc.lines[block.line - 1]
    column = fence_column(fence)
    return column if column is not None else len(fence) - len(fence.lstrip())
