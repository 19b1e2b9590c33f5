"""Code fences that are never closed, found on the raw lines.

A fence left open swallows what follows it: up to the end of the file, or up to the closing
fence of the next block, whose opening line (```` ```yaml ````) is then swallowed too, or, when
that block's opening fence is bare, up to it. Either way a heading of the template that the
document lacks may sit inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import CodeBlock
from spec_lint.model import Section
from spec_lint.titles import normalize_title, title_forms

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateSection

# A fence line, after the quote markers and list item marker of its container.
_FENCE = re.compile(r"^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# The title grows a word at a time (spaces, then what is not a space), never splitting a run of
# spaces: ".*?" before "\s*$" would read such a run again from each of its characters.
_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})\s+(?P<title>(?:\s*+\S)*?)(?:\s+#+)?\s*$")


@dataclass(frozen=True, slots=True)
class Fence:
    marker: str
    info: str

    def is_closed_by(self, line: str) -> bool:
        other = fence_of(line)
        return other is not None and not other.info and self.is_outlasted_by(other)

    def is_outlasted_by(self, other: Fence) -> bool:
        """Could ``other`` close this fence, were it bare? Same character, at least as long."""
        return other.marker[0] == self.marker[0] and len(other.marker) >= len(self.marker)


def fence_column(line: str) -> int | None:
    """Where a fence line's marker starts (0-based), after indentation, quote and list markers."""
    match = _FENCE.match(line)
    return match.start("fence") if match else None


def fence_of(line: str) -> Fence | None:
    match = _FENCE.match(line)
    if match is None or (match["fence"][0] == "`" and "`" in match["info"]):
        return None  # a backtick fence's info string holds no backtick: ```x``` is inline code
    return Fence(match["fence"], match["info"].strip())


def unclosed_blocks(ctx: Context) -> tuple[CodeBlock, ...]:
    """Fenced blocks whose own closing fence is missing, found once per document for every
    check that asks (the fence, language, syntax and section rules)."""
    return ctx.fact("unclosed_blocks", lambda: tuple(_unclosed_blocks(ctx)))


def _unclosed_blocks(ctx: Context) -> Iterator[CodeBlock]:
    present = _present_titles(ctx)
    missing = [s for s in ctx.pack.all_sections if (s.level, normalize_title(s.title)) not in present]
    for block in ctx.doc.blocks_of(CodeBlock):
        if block.fenced and _is_unclosed(ctx, block, missing):
            yield block


def _is_unclosed(ctx: Context, block: CodeBlock, missing: list[TemplateSection]) -> bool:
    headings = headings_in(ctx.doc.lines, block)
    swallowed = any(lvl == s.level and s.named_by(title) for lvl, title in headings for s in missing)
    return swallowed or runs_on(ctx.doc.lines, block)


def _present_titles(ctx: Context) -> set[tuple[int, str]]:
    """Each heading's level and the titles it stands for (see ``title_matches``), found once:
    not once for each template section."""
    return {(s.level, title) for s in ctx.doc.sections for title in title_forms(s.title)}


def runs_on(lines: list[str], block: CodeBlock) -> bool:
    """Runs to the end of the file unclosed, or holds the opening fence of the next block."""
    opener = fence_of(lines[block.line - 1])
    if opener is None:
        return False
    inside = [fence_of(line) for line in lines[block.line : block.end_line]]
    if any(f is not None and f.info and opener.is_outlasted_by(f) for f in inside):
        return True
    last = lines[block.end_line - 1]
    return block.end_line >= len(lines) and (block.end_line == block.line or not opener.is_closed_by(last))


def headings_in(lines: list[str], block: CodeBlock) -> list[tuple[int, str]]:
    """The level and title of each line of the block that would be a heading outside it."""
    found = (_HEADING.match(line) for line in lines[block.line : block.end_line])
    return [(len(m["marks"]), m["title"]) for m in found if m]


def holds_unclosed(ctx: Context, section: Section) -> bool:
    """Does an unclosed block in the section (or its sub-sections) swallow what follows?"""
    unclosed = set(unclosed_blocks(ctx))
    return any(block in unclosed for part in section.walk() for block in part.blocks)


def swallowed_titles(ctx: Context) -> list[str]:
    """The headings that unclosed blocks turned into code."""
    return [title for block in unclosed_blocks(ctx) for _, title in headings_in(ctx.doc.lines, block)]
