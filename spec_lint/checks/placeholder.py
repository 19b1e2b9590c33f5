"""The placeholder check: no template placeholder left in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from spec_lint.blocks import Paragraph
from spec_lint.checks import register
from spec_lint.facts.prose import code_lines, prose_lines
from spec_lint.findings import Violation
from spec_lint.source import as_written
from spec_lint.template import quoted

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("placeholder")
@dataclass(frozen=True, slots=True)
class Placeholder:
    """No template placeholder is left: any ``{Name}`` in prose, headings and tables (but the
    pack's ``not_placeholders``); in code and inline code only its ``placeholder_names``; ``...``
    standing alone; its ``placeholder_texts``, also written with backslash escapes; a list item
    that is one of its ``placeholder_items`` alone. Nothing in an HTML comment counts. One
    finding a line."""

    reads: ClassVar[tuple[str, ...]] = ("placeholder_names", "placeholder_texts", "not_placeholders",
                                        "placeholder_items", "placeholder_ellipsis")

    def check(self, ctx: Context) -> Iterator[Violation]:
        found: dict[int, list[str]] = {}
        for text_line in prose_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders_in(text_line.text))
        for paragraph in ctx.doc.blocks_of(Paragraph):
            if paragraph.in_list and len(paragraph.lines) == 1:
                found.setdefault(paragraph.line, []).extend(ctx.placeholders.in_item(paragraph.text))
        for text_line, language in code_lines(ctx):
            found.setdefault(text_line.line, []).extend(ctx.placeholders.in_code(text_line.text, language))
        for line, names in sorted(found.items()):
            if names:
                unique = list(dict.fromkeys(names))
                message = f"template placeholder {quoted(unique)} left in (replace it with the real value)"
                at = as_written(unique[0]).search(ctx.doc.line_text(line))
                yield Violation(message, line, at.start() + 1 if at else 1)
