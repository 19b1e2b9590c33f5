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
# The extensions of the files a spec names in code; a path (with "/") is never a dotted name.
_FILE_EXTENSIONS = frozenset(
    ["py", "pyi", "pyx", "pxd", "so", "dll", "dylib", "whl", "egg", "yaml", "yml", "json", "jsonl", "toml", "ini", "cfg", "conf", "env", "lock", "txt", "md", "rst", "csv", "log", "html", "xml", "proto", "sh", "bash", "zsh", "ps1", "rs", "go", "c", "cc", "cpp", "h", "hpp", "cu", "js", "ts", "ipynb", "tar", "gz", "zip"]
)


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
    from `dynamo.kvbm.tiers`) `` names two. A section's text names its module among the dotted
    names in its inline code (a file name such as `pool.py` is none): any of them under the root
    will do ("Unlike `x.y`, the helpers in `root.z` ..."); when none is, the first is reported.
    More are in the ``column`` of a table the section holds.
    """

    modules: tuple[ModuleLocation, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        for item in self.modules:
            root = ctx.render(item.root)
            for module, line, column in self._named(ctx, item, root):
                if not _under(module, root):
                    yield Violation(
                        f'module "{module}" is outside "{root}" (expected "{root}" or one of its submodules)',
                        line,
                        column,
                    )

    def _named(self, ctx: Context, item: ModuleLocation, root: str) -> Iterator[tuple[str, int, int]]:
        if item.table:
            found = ctx.table(item.table)
            yield from _table_modules(ctx, found[1] if found else None, item.column)
        else:
            section = ctx.section(section_path(item.section))
            yield from _prose_modules(ctx, section, root)
            tables = section.blocks_of(Table) if section else []
            yield from _table_modules(ctx, tables[0] if tables else None, item.column)


def _table_modules(ctx: Context, table: Table | None, column: str) -> Iterator[tuple[str, int, int]]:
    for value in table_values(ctx, table, column) if table else ():
        coded = [span.code.strip() for span in code_spans(value.cell.raw)]
        modules = [c for c in coded if _MODULE.fullmatch(c)] or _DOTTED.findall(value.text) or [value.text]
        yield from ((module, value.row.line, at) for module, at in value.located(ctx, modules))


def _prose_modules(ctx: Context, section: Section | None, root: str) -> Iterator[tuple[str, int, int]]:
    """The section's prose names its module among the module-like code of its text: fine when
    any is under the root ("Unlike `x.y`, the helpers in `root.z` ..."), else the first."""
    named = list(_module_spans(section))
    if named and not any(_under(module, root) for module, _ in named):
        module, line = named[0]
        yield module, line, ctx.doc.column_of(line, module)


def _module_spans(section: Section | None) -> Iterator[tuple[str, int]]:
    paragraphs = section.blocks_of(Paragraph) if section else []
    for text_line in (t for p in paragraphs for t in p.lines):
        for code in (span.code.strip() for span in code_spans(text_line.text)):
            if _DOTTED.fullmatch(code) and not _is_file_name(code):
                yield code, text_line.line


def _is_file_name(code: str) -> bool:
    """``pool.py``, ``config.yaml``: a dotted name that ends in a file's extension is no module."""
    return code.rpartition(".")[2].casefold() in _FILE_EXTENSIONS
