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
from spec_lint.specs import quoted

if TYPE_CHECKING:
    from spec_lint.context import Context

Finder = Callable[[str], list[str]]
# An ATX heading's markers (also inside a blockquote), so `## ...` reads as a whole-line `...`.
_ATX = re.compile(r"^\s*(?:>\s*)*#{1,6}(?=\s|$)|\s+#+\s*$")


def prose_lines(ctx: Context) -> Iterator[TextLine]:
    """Every line of headings, paragraphs, list items and table cells, as written."""
    for section in ctx.doc.sections:
        yield TextLine(section.line, _ATX.sub("", ctx.doc.line_text(section.line)).strip())
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield from block.lines
            elif isinstance(block, Table):
                yield from _cells(block)


def _cells(table: Table) -> Iterator[TextLine]:
    """Each cell of the table as written, header first, with the line of its row."""
    yield from (TextLine(table.line, cell.raw) for cell in table.header)
    for row in table.rows:
        yield from (TextLine(row.line, cell.raw) for cell in row.cells)


def code_lines(ctx: Context) -> Iterator[tuple[TextLine, str]]:
    """Every line of the code blocks, with its block's language."""
    for block in ctx.doc.blocks_of(CodeBlock):
        yield from ((text_line, block.language) for text_line in block.text_lines)


@register("placeholder")
@dataclass(frozen=True, slots=True)
class Placeholder:
    """No template placeholder is left: any ``{Name}`` in prose, headings and tables (but the
    pack's ``not_placeholders``); in code and inline code only its ``placeholder_names``; ``...``
    standing alone; its ``placeholder_texts``. One finding a line."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        found: dict[int, list[str]] = {}
        for text_line in prose_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders.in_prose(text_line.text))
        for text_line, language in code_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders.in_code(text_line.text, language))
        for line, names in sorted(found.items()):
            if names:
                unique = list(dict.fromkeys(names))
                message = f"template placeholder {quoted(unique)} left in (replace it with the real value)"
                yield Violation(message, line, ctx.doc.column_of(line, unique[0], ignore_case=True))


@register("template-text")
@dataclass(frozen=True, slots=True)
class TemplateText:
    """No guidance sentence of the template (``texts``) is left unchanged in prose, a table or code.

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
                yield from (((cell,), prose) for cell in _cells(block))
    for line, language in code_lines(ctx):
        yield (line,), partial(ctx.placeholders.in_code, language=language)


def _raw_column(ctx: Context, text_line: TextLine, offset: int) -> int:
    """The file column of ``offset`` in a line's content (1 when it cannot be placed)."""
    base = ctx.doc.line_text(text_line.line).find(text_line.text)
    return base + offset + 1 if base >= 0 else 1
