"""The lines of a document as text checks read them: prose, table cells and code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spec_lint.blocks import CodeBlock, Paragraph, Table, TextLine

if TYPE_CHECKING:
    from spec_lint.context import Context

# An ATX heading's markers (also inside a blockquote), so `## ...` reads as a whole-line `...`.
# The closing run starts only where spaces start, so a long run of them is read once.
_ATX = re.compile(r"^\s*(?:>\s*)*#{1,6}(?=\s|$)|(?<!\s)\s+#+\s*$")


def prose_lines(ctx: Context) -> Iterator[TextLine]:
    """Every line of headings, paragraphs, list items and table cells, as written."""
    for section in ctx.doc.sections:
        yield TextLine(section.line, _ATX.sub("", ctx.doc.line_text(section.line)).strip())
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield from block.lines
            elif isinstance(block, Table):
                yield from cell_lines(block)


def cell_lines(table: Table) -> Iterator[TextLine]:
    """Each cell of the table as written, header first, with the line of its row."""
    yield from (TextLine(table.line, cell.raw) for cell in table.header)
    for row in table.rows:
        yield from (TextLine(row.line, cell.raw) for cell in row.cells)


def code_lines(ctx: Context) -> Iterator[tuple[TextLine, str]]:
    """Every line of the code blocks, with its block's language."""
    for block in ctx.doc.blocks_of(CodeBlock):
        yield from ((text_line, block.language) for text_line in block.text_lines)
