"""The code-language check: a fenced code block names its language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import CodeBlock
from spec_lint.checks import register
from spec_lint.facts.fenced_blocks import code_blocks, fence_indent
from spec_lint.findings import Violation
from spec_lint.template import section_path

if TYPE_CHECKING:
    from spec_lint.context import Context

# What a drawing is made of: arrows, box-drawing lines, blocks and shapes, and their ASCII forms
# (`-->`, `<--`, `+--`, `|--`, `` `-- ``). Code has none of them.
_DRAWN = re.compile(r"[\u2190-\u21ff\u2500-\u25ff\u27f0-\u27ff]|-+>|<-+|\+--|[|`]--")


@register("code-language")
@dataclass(frozen=True, slots=True)
class CodeLanguage:
    """A fenced code block names its language (``text`` is one); at the opening fence.

    In the ``drawings`` sections (where the template itself draws a diagram or a tree in a bare
    fence), a bare fence holding a drawing (arrows or box-drawing lines) is the template's form;
    a block there that does not draw still names its language.
    """

    # Plain "A > B" paths, not section references: a pack that removes one of these sections
    # need not remove this rule too.
    drawings: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        drawn = {id(block) for block in self._drawings(ctx)}
        for block in code_blocks(ctx):
            if not block.language and id(block) not in drawn:
                yield Violation(
                    'code block has no language (expected one after the opening fence, such as "python", '
                    '"bash" or "text")',
                    block.line,
                    fence_indent(ctx, block) + 1,
                )

    def _drawings(self, ctx: Context) -> Iterator[CodeBlock]:
        for path in self.drawings:
            section = ctx.section(section_path(path))
            blocks = section.blocks_of(CodeBlock) if section else []
            yield from (block for block in blocks if _DRAWN.search(block.content))
