"""Checks on text left over from the template: placeholders and guidance sentences."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.model import CodeBlock, Paragraph, Table, TextLine

if TYPE_CHECKING:
    from spec_lint.context import Context


def prose_lines(ctx: Context) -> Iterator[TextLine]:
    """Every line of headings, paragraphs, list items and table rows, as written."""
    for section in ctx.doc.root.walk():
        if section.level:
            yield TextLine(section.line, ctx.doc.lines[section.line - 1])
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield from block.lines
            elif isinstance(block, Table):
                yield from (TextLine(block.line, cell.raw) for cell in block.header)
                for row in block.rows:
                    yield from (TextLine(row.line, cell.raw) for cell in row.cells)


def code_lines(ctx: Context) -> Iterator[TextLine]:
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, CodeBlock):
                first = block.line + 1 if block.fenced else block.line
                yield from (TextLine(first + i, text) for i, text in enumerate(block.content.splitlines()))


@register("placeholder")
@dataclass(frozen=True, slots=True)
class Placeholder:
    """Template placeholders left in prose, headings, tables and code blocks."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        found: dict[int, list[str]] = {}
        for text_line in prose_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders.in_prose(text_line.text))
        for text_line in code_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders.in_code(text_line.text))
        for line, names in sorted(found.items()):
            if names:
                unique = list(dict.fromkeys(names))
                listed = ", ".join(f'"{n}"' for n in unique)
                column = ctx.doc.lines[line - 1].find(unique[0]) + 1 or 1
                yield Violation(f"template placeholder {listed} left in (replace it with the real value)", line, column)


def _fold(text: str) -> str:
    """Text as guidance is compared: markup, case and spacing dropped."""
    return " ".join(re.sub(r"[*`]", "", text).casefold().split())


@register("template-text")
@dataclass(frozen=True, slots=True)
class TemplateText:
    """Guidance sentences of the template (``texts``) left unchanged in a paragraph or code."""

    texts: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        wanted = [(_fold(t), t) for t in self.texts]
        for run in _runs(ctx):
            starts, joined = _join(run)
            for folded, original in wanted:
                at = joined.find(folded)
                line = run[bisect.bisect_right(starts, at) - 1]
                if at >= 0 and not ctx.placeholders.in_prose(line.text):
                    yield Violation(f'template guidance left in: "{original}" (replace it with what it asks for)', line.line)


def _runs(ctx: Context) -> Iterator[tuple[TextLine, ...]]:
    """Paragraphs, whose sentences may wrap, and code lines one at a time."""
    for section in ctx.doc.root.walk():
        yield from (b.lines for b in section.blocks if isinstance(b, Paragraph))
    yield from ((line,) for line in code_lines(ctx))


def _join(run: tuple[TextLine, ...]) -> tuple[list[int], str]:
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for text_line in run:
        starts.append(offset)
        parts.append(_fold(text_line.text))
        offset += len(parts[-1]) + 1
    return starts, " ".join(parts)
