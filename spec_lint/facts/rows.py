"""Lines written as table rows that markdown does not read as the author meant.

A blank line or an HTML comment line ends a table, a header needs its ``|---|`` delimiter row,
and a row with more or fewer cells than the header is cut or padded: in each case the rules that
read cells by column would read the wrong text, or none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spec_lint.blocks import Paragraph, Row, Table, TextLine
from spec_lint.model import Document
from spec_lint.source import cell_count, code_spans, has_pipe, looks_like_row, without_comments

_DELIMITER = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")


@dataclass(frozen=True, slots=True)
class BrokenRow:
    line: int
    column: int
    message: str
    cut: int | None = None  # the line of a table whose rows a blank line cut off


def first_row(paragraph: Paragraph) -> TextLine | None:
    """The paragraph's first line written as a table row: a pipe first, and another after it."""
    return next((t for t in paragraph.lines if looks_like_row(t.text)), None)


def cut_tables(doc: Document) -> set[int]:
    """The lines of the tables whose rows a blank line cut off."""
    return {broken.cut for broken in broken_rows(doc) if broken.cut is not None}


def broken_rows(doc: Document) -> Iterator[BrokenRow]:
    comments = _comment_lines(doc)
    for section in doc.root.walk():
        above: Table | Paragraph | None = None
        for block in section.blocks:
            row = first_row(block) if isinstance(block, Paragraph) else None
            if isinstance(block, Table):
                yield from _ragged(doc, block)
                above = block
            elif row and isinstance(block, Paragraph):
                yield from _stray(doc, block, row, above, comments)
                above = block
            else:
                above = None


def _ragged(doc: Document, table: Table) -> Iterator[BrokenRow]:
    for row in table.rows:
        if row.ragged:
            text = doc.lines[row.line - 1]
            yield _commented(text, row, len(table.header)) or BrokenRow(
                row.line, _start(text), _ragged_message(text, row, len(table.header)))


def _commented(text: str, row: Row, expected: int) -> BrokenRow | None:
    """The row when an HTML comment after its last pipe is what gives it a cell too many (one
    before its first pipe starts an HTML block, which ends the table)."""
    blanked = without_comments(text)
    if cell_count(blanked) != expected:
        return None
    end = len(blanked.rstrip())
    column = end + len(text[end:]) - len(text[end:].lstrip()) + 1
    message = (f'row has {_cells(row.written or 0)}: an HTML comment after its last "|" is read as one '
               "(expected the comment inside a cell or out of the table)")
    return BrokenRow(row.line, column, message)


def _ragged_message(text: str, row: Row, expected: int) -> str:
    written = row.written or 0
    if written == 1 and not has_pipe(text):
        return "line is read as a row of the table above (expected a blank line before it)"
    hint = ""
    if written > expected and any(has_pipe(span.code) for span in code_spans(text)):
        hint = '; write a "|" inside code as "\\|"'
    return f"row has {_cells(written)} (expected {expected}, as the header{hint})"


def _stray(
    doc: Document, paragraph: Paragraph, row: TextLine, above: Table | Paragraph | None, comments: set[int]
) -> Iterator[BrokenRow]:
    column, size = _start(doc.lines[row.line - 1]), cell_count(row.text)
    gap = _blank_gap(doc, above, row.line, comments) if row is paragraph.lines[0] else range(0)
    if _parted(above, row, gap, comments):
        return  # reported once, at the header
    # A row as wide as the table above continues it; another width starts a table of its own.
    if gap and not (isinstance(above, Table) and size != len(above.header)):
        cut = above.line if isinstance(above, Table) else None
        yield BrokenRow(row.line, column, f"table row outside a table ({_ended(gap, comments)})", cut)
        return
    after = next((t for t in paragraph.lines if t.line == row.line + 1), None)
    if after and _DELIMITER.fullmatch(after.text.strip()):
        message = f"table delimiter row has {_cells(cell_count(after.text))} (expected {size}, as the header)"
        yield BrokenRow(after.line, _start(doc.lines[after.line - 1]), message)
        return
    yield BrokenRow(row.line, column, f"table header has no delimiter row ({_no_delimiter(doc, row, size, comments)})")


def _parted(above: Table | Paragraph | None, row: TextLine, gap: range, comments: set[int]) -> bool:
    """Is ``row`` a delimiter row that a comment parts from the header line above it?"""
    header = isinstance(above, Paragraph) and len(above.lines) == 1
    return header and bool(_DELIMITER.fullmatch(row.text.strip())) and any(i in comments for i in gap)


def _no_delimiter(doc: Document, header: TextLine, size: int, comments: set[int]) -> str:
    """What a header without its delimiter row needs: the row, or the comment that parts them moved."""
    below = header.line + 1
    while below in comments:
        below += 1
    if below > header.line + 1 and below <= len(doc.lines) and _DELIMITER.fullmatch(doc.lines[below - 1].strip()):
        return f"an HTML comment on line {header.line + 1} parts it from its delimiter row; move it out of the table"
    return f"expected a line such as {'|---' * size}| under it"


def _blank_gap(doc: Document, above: Table | Paragraph | None, line: int, comments: set[int]) -> range:
    """The lines between the block above and ``line``, when they are all blank or an HTML comment."""
    if above is None:
        return range(0)
    end = above.lines[-1].line if isinstance(above, Paragraph) else _table_end(above)
    gap = range(end + 1, line)
    return gap if all(i in comments or not doc.lines[i - 1].strip(" \t>") for i in gap) else range(0)


def _comment_lines(doc: Document) -> set[int]:
    """The lines of block-level HTML comments: a comment line ends a table, as a blank line does."""
    return {i for c in doc.comments if not c.inline for i in range(c.line, c.end_line + 1)}


def _ended(gap: range, comments: set[int]) -> str:
    """What ended the table: an HTML comment among the lines, or blank lines."""
    comment = next((i for i in gap if i in comments), None)
    if comment is None:
        return _blank(gap)
    return f"an HTML comment on line {comment} ends the table above; move it out of the table"


def _table_end(table: Table) -> int:
    return table.rows[-1].line if table.rows else table.line + 1


def _blank(gap: range) -> str:
    if len(gap) == 1:
        return f"a blank line on line {gap[0]} ends the table above; remove it"
    return f"blank lines on lines {gap[0]}-{gap[-1]} end the table above; remove them"


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _start(text: str) -> int:
    """The column of a row's first character after indentation and blockquote markers."""
    return len(text) - len(text.lstrip(" \t>")) + 1
