"""Checks on text left over from the template: placeholders and guidance sentences."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.model import CodeBlock, Paragraph, Table, TextLine

if TYPE_CHECKING:
    from spec_lint.context import Context

Finder = Callable[[str], list[str]]
# An ATX heading's markers (also inside a blockquote), so `## ...` reads as a whole-line `...`.
_ATX = re.compile(r"^\s*(?:>\s*)*#{1,6}(?=\s|$)|\s+#+\s*$")
_MARKUP = frozenset("*`_")
# What may stand before a sentence (a field's colon, a list marker, a comment) and after one.
_OPENERS = frozenset(".:;!?#>/-|(")
_STOPS = frozenset(".;!?)")
_QUOTES = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}


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


def code_lines(ctx: Context) -> Iterator[TextLine]:
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, CodeBlock):
                first = block.line + 1 if block.fenced else block.line
                yield from (TextLine(first + i, text) for i, text in enumerate(block.content.splitlines()))


@register("placeholder")
@dataclass(frozen=True, slots=True)
class Placeholder:
    """Template placeholders left in prose, headings, tables and code blocks; one finding a line."""

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

    Markup, case and spacing are ignored, and a sentence may wrap over lines; it is reported at
    the line and column where it starts. A sentence that is part of a placeholder is left to
    ``placeholder``.
    """

    texts: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        wanted = [(fold(t)[0], t) for t in self.texts if fold(t)[0]]
        seen: set[tuple[int, int]] = set()
        for run, finder in _runs(ctx):
            for line, column, original in _matches(ctx, run, finder, wanted):
                if (line, column) not in seen:
                    seen.add((line, column))
                    yield Violation(
                        f'template guidance left in: "{original}" (replace it with what it asks for)',
                        line,
                        column,
                    )


def fold(text: str) -> tuple[str, list[int]]:
    """Text as guidance is compared (markup, case, quotes and spacing dropped), and for each of
    its characters the index in ``text`` it comes from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in _MARKUP or (char.isspace() and (not chars or chars[-1] == " ")):
            continue
        for folded in " " if char.isspace() else _QUOTES.get(char, char).casefold():
            chars.append(folded)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


def _runs(ctx: Context) -> Iterator[tuple[tuple[TextLine, ...], Finder]]:
    """Paragraphs, whose sentences may wrap; table cells and code lines one at a time."""
    prose, code = ctx.placeholders.in_prose, ctx.placeholders.in_code
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block.lines, prose
            elif isinstance(block, Table):
                rows = (block.header, *(row.cells for row in block.rows))
                lines = (block.line, *(row.line for row in block.rows))
                yield from (((TextLine(n, c.raw),), prose) for n, cells in zip(lines, rows) for c in cells)
    yield from (((line,), code) for line in code_lines(ctx))


def _matches(
    ctx: Context, run: tuple[TextLine, ...], finder: Finder, wanted: list[tuple[str, str]]
) -> Iterator[tuple[int, int, str]]:
    folded = [fold(t.text) for t in run]
    starts = [0]
    for text, _ in folded[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    edges = set(starts) | {start + len(text) for start, (text, _) in zip(starts, folded)}
    joined = " ".join(text for text, _ in folded)
    for sentence, original in wanted:
        for at in _occurrences(joined, sentence, edges):
            index = bisect.bisect_right(starts, at) - 1
            text_line, (_, origin) = run[index], folded[index]
            if not any(sentence in fold(p)[0] for p in finder(text_line.text)):
                offset = origin[min(at - starts[index], len(origin) - 1)] if origin else 0
                yield text_line.line, _raw_column(ctx, text_line, offset), original


def _occurrences(joined: str, sentence: str, edges: set[int]) -> Iterator[int]:
    """Where ``sentence`` stands on its own in ``joined``: not a phrase inside a longer sentence
    ("we list key span attributes below"). A line's start and end are always boundaries."""
    at = joined.find(sentence)
    while at >= 0:
        end = at + len(sentence)
        before, after = joined[:at].rstrip(), joined[end:].lstrip()
        opens = at in edges or not before or before[-1] in _OPENERS
        closes = end in edges or not after or sentence[-1] in _STOPS or after[0] in _STOPS
        if opens and closes:
            yield at
        at = joined.find(sentence, end)


def _raw_column(ctx: Context, text_line: TextLine, offset: int) -> int:
    """The file column of ``offset`` in a line's content (1 when it cannot be placed)."""
    raw = ctx.doc.lines[text_line.line - 1] if 0 < text_line.line <= len(ctx.doc.lines) else ""
    base = raw.find(text_line.text)
    return base + offset + 1 if base >= 0 else 1
