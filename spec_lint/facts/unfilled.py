"""Template sections that hold nothing but the template's own text: its guidance and placeholders."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spec_lint.blocks import Block, CodeBlock, Paragraph, Table
from spec_lint.facts.headings import is_known
from spec_lint.facts.prose import cell_lines
from spec_lint.facts.tree import scopes, standing_for
from spec_lint.guidance import Guidance, fold
from spec_lint.model import Section
from spec_lint.source import without_comments

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.template import TemplateSection


def unfilled(ctx: Context, wanted: Sequence[Guidance]) -> Iterator[tuple[Section, TemplateSection]]:
    """Each present template section with some text, all of it guidance or placeholders: its
    blocks, and its sub-sections' (each headed by a template section or a placeholder). Not the
    sub-sections of one that is: it is all one finding."""
    covered: set[int] = set()
    for parent, section_defs in scopes(ctx):
        for section_def in section_defs:
            found = standing_for(ctx, parent, section_def)
            if found and found[0].line not in covered and _blocks(found[0]) and _template_only(ctx, found[0], wanted):
                covered.update(range(found[0].line, found[0].end_line + 1))
                yield found[0], section_def


def _blocks(section: Section) -> list[Block]:
    return [block for s in section.walk() for block in s.blocks]


def _template_only(ctx: Context, section: Section, wanted: Sequence[Guidance]) -> bool:
    headings = section.walk()[1:]
    if any(not ctx.has_placeholder(s.title) and not is_known(ctx, s) for s in headings):
        return False
    return all(_is_template_text(ctx, block, wanted) for block in _blocks(section))


def _is_template_text(ctx: Context, block: Block, wanted: Sequence[Guidance]) -> bool:
    if isinstance(block, CodeBlock):
        return False
    if isinstance(block, Paragraph):
        texts = [block.text]
    elif isinstance(block, Table):
        texts = [line.text for line in cell_lines(block)]
    else:
        return True  # a thematic break
    return all(not _rest(ctx, text, wanted) for text in texts)


def _rest(ctx: Context, text: str, wanted: Sequence[Guidance]) -> str:
    """The letters and digits of ``text`` that are neither guidance nor a placeholder."""
    shown = without_comments(text)
    found = [*ctx.placeholders_in(shown), *ctx.placeholders.in_item(shown)]
    rest = fold(shown)[0]
    for part in sorted([*(g.folded for g in wanted), *(fold(p)[0] for p in found)], key=len, reverse=True):
        rest = rest.replace(part, " ") if part else rest
    return "".join(char for char in rest if char.isalnum())
