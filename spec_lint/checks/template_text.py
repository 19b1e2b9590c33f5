"""The template-text check: no guidance sentence of the template left unchanged."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from spec_lint.blocks import Paragraph, Table, TextLine
from spec_lint.checks import register
from spec_lint.facts.prose import cell_lines, code_lines
from spec_lint.facts.unfilled import unfilled
from spec_lint.findings import Violation
from spec_lint.guidance import Guidance, Sought, find, fold, present
from spec_lint.source import without_comments

if TYPE_CHECKING:
    from spec_lint.context import Context
    from spec_lint.model import Section
    from spec_lint.template import TemplateSection

Finder = Callable[[str], Sequence[str]]


@register("template-text")
@dataclass(frozen=True, slots=True)
class TemplateText:
    """No guidance sentence of the template (``texts``) is left unchanged in prose, a table or code.

    Markup, case, spacing and a sentence's final period are ignored, and a sentence may wrap
    over lines; it is reported at the line and column where it starts. Backslash escapes are
    read as shown, and text in an HTML comment is not looked at. An entry may be
    ``{text, hint}`` to tell the author something else than to replace it. A sentence that is
    part of a placeholder is left to ``placeholder``.

    With ``whole_sections``, a template section that holds nothing but guidance, placeholders
    and the template's ``kept`` texts (labels a written section may keep, such as ``**Pros:**``)
    is one finding at its heading, rather than one for each of its sentences.
    """

    texts: tuple[str | Guidance, ...] = ()
    whole_sections: bool = False
    kept: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        given = (item if isinstance(item, Guidance) else Guidance(item) for item in self.texts)
        wanted = [g for g in given if g.folded]
        template = [*wanted, *(Guidance(text) for text in self.kept)]
        left = list(unfilled(ctx, template)) if self.whole_sections else []
        for section, section_def in left:
            yield Violation(_unfilled(section, section_def), section.line)
        covered = {line for section, _ in left for line in range(section.line, section.end_line + 1)}
        seen: set[tuple[int, int]] = set()
        sought = Sought.of(present("\n".join(ctx.doc.lines), wanted))
        for run, finder in _runs(ctx) if sought.guidance else ():
            for where, guidance in _hits(ctx, run, finder, sought):
                if where not in seen and where[0] not in covered:
                    seen.add(where)
                    message = f'template guidance left in: "{guidance.text}" ({guidance.hint})'
                    yield Violation(message, *where)


def _unfilled(section: Section, section_def: TemplateSection) -> str:
    expected = "content of its own" if section_def.required and section_def.when is None else (
        "content of its own, or no such section")
    return f'section "{section.title}" holds only template text (expected {expected})'


def _hits(
    ctx: Context, run: tuple[TextLine, ...], finder: Finder, sought: Sought
) -> Iterator[tuple[tuple[int, int], Guidance]]:
    """Where guidance that is not part of a placeholder starts in a run, as (line, column)."""
    # What a line holds is found once for all its hits: a sentence may be repeated a thousand times.
    placeholders: dict[int, list[str]] = {}
    bases: dict[int, int] = {}
    # A comment's text is not shown, and its guidance may stay (blanked, so that columns stay).
    shown = without_comments("\n".join(t.text for t in run)).split("\n")
    for hit in find(shown, sought):
        text_line = run[hit.index]
        if hit.index not in placeholders:
            placeholders[hit.index] = [fold(p)[0] for p in finder(text_line.text)]
            bases[hit.index] = ctx.doc.line_text(text_line.line).find(text_line.text)
        if not any(hit.guidance.folded in p for p in placeholders[hit.index]):
            base = bases[hit.index]  # the line's content in the file (-1 when it cannot be placed)
            yield (text_line.line, base + hit.offset + 1 if base >= 0 else 1), hit.guidance


def _runs(ctx: Context) -> Iterator[tuple[tuple[TextLine, ...], Finder]]:
    """Paragraphs, whose sentences may wrap; table cells and code lines one at a time."""
    prose = ctx.placeholders_in
    for section in ctx.doc.root.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block.lines, prose
            elif isinstance(block, Table):
                yield from (((cell,), prose) for cell in cell_lines(block))
    for line, language in code_lines(ctx):
        yield (line,), partial(ctx.placeholders.in_code, language=language)
