"""Checks on the names a component publishes: API modules, span names, config files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.tables import is_deliberate
from spec_lint.context import title_matches
from spec_lint.findings import Violation
from spec_lint.model import Paragraph, normalize_title

if TYPE_CHECKING:
    from spec_lint.context import Context

_INLINE_CODE = re.compile(r"`+([^`]+)`+")
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


def section_path(text: str) -> tuple[str, ...]:
    """``"Quick Start > Installation"`` as the path ``ctx.section`` takes."""
    return tuple(part.strip() for part in text.split(">"))


def column_of(ctx: Context, line: int, text: str) -> int:
    return ctx.doc.lines[line - 1].find(text) + 1 or 1


def _under(module: str, root: str) -> bool:
    return module == root or module.startswith(root + ".")


@register("api-module")
@dataclass(frozen=True, slots=True)
class ApiModule:
    """API modules live under their root.

    Each of ``modules`` names a root parameter and either a pack ``table`` (its ``column`` is
    checked) or a ``section`` whose first dotted name in inline code is the module it names.
    """

    modules: tuple[dict[str, str], ...] = ()
    column: str = "Module"

    def check(self, ctx: Context) -> Iterator[Violation]:
        for item in self.modules:
            root = ctx.param(item["root"])
            for module, line in self._named(ctx, item):
                if not _under(module, root):
                    yield Violation(
                        f'module "{module}" is outside "{root}" (expected "{root}" or one of its submodules)',
                        line,
                        column_of(ctx, line, module) if "section" in item else 1,
                    )

    def _named(self, ctx: Context, item: dict[str, str]) -> Iterator[tuple[str, int]]:
        if "table" in item:
            yield from _table_modules(ctx, item["table"], self.column)
        elif "section" in item:
            yield from _first_module(ctx, section_path(item["section"]))


def _table_modules(ctx: Context, name: str, column: str) -> Iterator[tuple[str, int]]:
    found = ctx.table(name)
    if found is None:
        return
    index = found[1].column(column)
    for row in found[1].rows:
        cell = row.get(index)
        if cell is None or not cell.text.strip() or is_deliberate(ctx, cell.text):
            continue
        if not ctx.has_placeholder(cell.raw):
            yield cell.text.strip(), row.line


def _first_module(ctx: Context, path: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    section = ctx.section(path)
    paragraphs = [b for b in section.blocks if isinstance(b, Paragraph)] if section else []
    for text_line in (t for p in paragraphs for t in p.lines):
        for code in _INLINE_CODE.findall(text_line.text):
            if _DOTTED.fullmatch(code.strip()):
                yield code.strip(), text_line.line
                return


@register("field-name")
@dataclass(frozen=True, slots=True)
class FieldName:
    """A ``**key**:`` field in ``section`` names ``prefix`` (a pack parameter) then ``rest``.

    Several names may be given, separated by commas. ``expected`` is shown in the message,
    with ``{prefix}`` filled in.
    """

    key: str
    section: str = ""
    prefix: str = ""
    rest: str = ""
    expected: str = ""

    def check(self, ctx: Context) -> Iterator[Violation]:
        prefix = ctx.param(self.prefix) if self.prefix else ""
        form = re.compile(re.escape(prefix) + self.rest)
        expected = self.expected.replace("{prefix}", prefix)
        for found in ctx.doc.fields:
            if normalize_title(found.key) != normalize_title(self.key):
                continue
            if self.section and not title_matches(found.section, self.section):
                continue
            for name in (n.strip() for n in found.value.split(",")):
                if name and not ctx.has_placeholder(name) and not form.fullmatch(name):
                    column = column_of(ctx, found.line, name)
                    yield Violation(f'{self.key} "{name}" is not of the form {expected}', found.line, column)
