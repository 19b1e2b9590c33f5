"""The api-module check: API modules under their root."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import Paragraph, Table
from spec_lint.checks import register
from spec_lint.facts.cells import table_values
from spec_lint.findings import Violation
from spec_lint.model import Section
from spec_lint.pack.markers import ColumnName, SectionPath, TableName, Template
from spec_lint.source import code_spans
from spec_lint.template import section_path

if TYPE_CHECKING:
    from spec_lint.context import Context

# Starting only where a word starts, and never giving back letters: a long word is read once.
_DOTTED = re.compile(r"(?<!\w)[A-Za-z_]\w*+(?:\.[A-Za-z_]\w*+)+")
_MODULE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def _under(module: str, root: str) -> bool:
    return module == root or module.startswith(root + ".")


@dataclass(frozen=True, slots=True)
class ModuleLocation:
    """Where modules are named (a ``table``'s ``column``, or a ``section``) and their ``root``."""

    root: Template
    table: TableName = ""
    section: SectionPath = ""
    column: ColumnName = "Module"

    def __post_init__(self) -> None:
        if bool(self.table) == bool(self.section):
            raise ValueError("expected either a table or a section")


@register("api-module")
@dataclass(frozen=True, slots=True)
class ApiModule:
    """API modules live under their root.

    Each of ``modules`` names its ``root`` (a template) and either a pack ``table`` or a
    ``section``. In a table, the dotted names of a ``column`` cell are its modules: `` `dynamo.kvbm` (re-exported
    from `dynamo.kvbm.tiers`) `` names two. A section names its module with the first dotted name
    in inline code of its text, and more in the ``column`` of a table it holds.
    """

    modules: tuple[ModuleLocation, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        for item in self.modules:
            root = ctx.render(item.root)
            for module, line, column in self._named(ctx, item):
                if not _under(module, root):
                    yield Violation(
                        f'module "{module}" is outside "{root}" (expected "{root}" or one of its submodules)',
                        line,
                        column,
                    )

    def _named(self, ctx: Context, item: ModuleLocation) -> Iterator[tuple[str, int, int]]:
        if item.table:
            found = ctx.table(item.table)
            yield from _table_modules(ctx, found[1] if found else None, item.column)
        else:
            section = ctx.section(section_path(item.section))
            yield from _first_module(ctx, section)
            tables = section.blocks_of(Table) if section else []
            yield from _table_modules(ctx, tables[0] if tables else None, item.column)


def _table_modules(ctx: Context, table: Table | None, column: str) -> Iterator[tuple[str, int, int]]:
    for value in table_values(ctx, table, column) if table else ():
        coded = [span.code.strip() for span in code_spans(value.cell.raw)]
        modules = [c for c in coded if _MODULE.fullmatch(c)] or _DOTTED.findall(value.text) or [value.text]
        yield from ((module, value.row.line, at) for module, at in value.located(ctx, modules))


def _first_module(ctx: Context, section: Section | None) -> Iterator[tuple[str, int, int]]:
    paragraphs = section.blocks_of(Paragraph) if section else []
    for text_line in (t for p in paragraphs for t in p.lines):
        for code in (span.code for span in code_spans(text_line.text)):
            if _DOTTED.fullmatch(code.strip()):
                yield code.strip(), text_line.line, ctx.doc.column_of(text_line.line, code.strip())
                return
