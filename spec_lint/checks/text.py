"""Checks on text left over from the template: placeholders and guidance sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.guidance import find, fold, guidance_of
from spec_lint.model import CodeBlock, Paragraph, Table, TextLine

if TYPE_CHECKING:
    from spec_lint.context import Context

Finder = Callable[[str], list[str]]
# An ATX heading's markers (also inside a blockquote), so `## ...` reads as a whole-line `...`.
_ATX = re.compile(r"^\s*(?:>\s*)*#{1,6}(?=\s|$)|\s+#+\s*$")


def prose_lines(ctx: Context) -> Iterator[TextLine]:
    """Every line of headings, paragraphs, list items and table cells, as written."""
    for section in ctx.doc.sections:
        if 0 < section.line <= len(ctx.doc.lines):
            yield TextLine(section.line, _ATX.sub("", ctx.doc.lines[section.line - 1]).strip())
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield from block.lines
            elif isinstance(block, Table):
                yield from (TextLine(block.line, cell.raw) for cell in block.header)
                for row in block.rows:
                    yield from (TextLine(row.line, cell.raw) for cell in row.cells)


def code_lines(ctx: Context) -> Iterator[tuple[TextLine, str]]:
    """Every line of the code blocks, with its block's language."""
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, CodeBlock):
                first = block.line + 1 if block.fenced else block.line
                for index, text in enumerate(block.content.splitlines()):
                    yield TextLine(first + index, text), block.language


@register("placeholder")
@dataclass(frozen=True, slots=True)
class Placeholder:
    """Template placeholders left in prose, headings, tables and code blocks; one finding a line."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        found: dict[int, list[str]] = {}
        for text_line in prose_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders.in_prose(text_line.text))
        for text_line, language in code_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders.in_code(text_line.text, language))
        for line, names in sorted(found.items()):
            if names:
                unique = list(dict.fromkeys(names))
                listed = ", ".join(f'"{n}"' for n in unique)
                column = _column_of(ctx, line, unique[0])
                yield Violation(
                    f"template placeholder {listed} left in (replace it with the real value)", line, column
                )


def _column_of(ctx: Context, line: int, text: str) -> int:
    """Where ``text`` first occurs on ``line``, ignoring case (1 when it does not)."""
    raw = ctx.doc.lines[line - 1] if 0 < line <= len(ctx.doc.lines) else ""
    match = re.search(re.escape(text), raw, re.IGNORECASE)
    return match.start() + 1 if match else 1


@register("template-text")
@dataclass(frozen=True, slots=True)
class TemplateText:
    """Guidance sentences of the template (``texts``) left unchanged in prose, a table or code.

    Markup, case, spacing and a sentence's final period are ignored, and a sentence may wrap
    over lines; it is reported at the line and column where it starts. An entry may be
    ``{text, hint}`` to tell the author something else than to replace it. A sentence that is
    part of a placeholder is left to ``placeholder``.
    """

    texts: tuple[str | Mapping[str, str], ...] = ()

    def __post_init__(self) -> None:
        for item in self.texts:
            guidance_of(item)  # a malformed entry fails when the pack loads

    def check(self, ctx: Context) -> Iterator[Violation]:
        wanted = [g for g in map(guidance_of, self.texts) if g.folded]
        seen: set[tuple[int, int]] = set()
        for run, finder in _runs(ctx):
            for hit in find([t.text for t in run], wanted):
                text_line = run[hit.index]
                if any(hit.guidance.folded in fold(p)[0] for p in finder(text_line.text)):
                    continue
                where = (text_line.line, _raw_column(ctx, text_line, hit.offset))
                if where not in seen:
                    seen.add(where)
                    message = f'template guidance left in: "{hit.guidance.text}" ({hit.guidance.hint})'
                    yield Violation(message, *where)


def _runs(ctx: Context) -> Iterator[tuple[tuple[TextLine, ...], Finder]]:
    """Paragraphs, whose sentences may wrap; table cells and code lines one at a time."""
    prose = ctx.placeholders.in_prose
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block.lines, prose
            elif isinstance(block, Table):
                rows = (block.header, *(row.cells for row in block.rows))
                lines = (block.line, *(row.line for row in block.rows))
                yield from (((TextLine(n, c.raw),), prose) for n, cells in zip(lines, rows) for c in cells)
    for line, language in code_lines(ctx):
        yield (line,), partial(ctx.placeholders.in_code, language=language)


def _raw_column(ctx: Context, text_line: TextLine, offset: int) -> int:
    """The file column of ``offset`` in a line's content (1 when it cannot be placed)."""
    raw = ctx.doc.lines[text_line.line - 1] if 0 < text_line.line <= len(ctx.doc.lines) else ""
    base = raw.find(text_line.text)
    return base + offset + 1 if base >= 0 else 1
