"""Checks on the names a component publishes: API modules, span names, config files, packages."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spec_lint.checks import register
from spec_lint.checks.tables import is_deliberate
from spec_lint.context import title_matches
from spec_lint.findings import Violation
from spec_lint.model import CodeBlock, Paragraph, TextLine, normalize_title

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


@register("package-name")
@dataclass(frozen=True, slots=True)
class PackageName:
    """``pip install`` in the code blocks of ``section`` installs only the ``packages`` parameter's."""

    section: str
    packages: str = "packages"

    def check(self, ctx: Context) -> Iterator[Violation]:
        allowed = [ctx.render(str(p)) for p in _listed(ctx.pack.params.get(self.packages, ()))]
        known = {_canonical(p) for p in allowed}
        expected = " or ".join(f'"{p}"' for p in allowed)
        for text_line in _install_args(ctx, section_path(self.section)):
            for name in _installed(text_line.text):
                if _canonical(name) not in known:
                    column = column_of(ctx, text_line.line, name)
                    yield Violation(f'pip installs "{name}" (expected {expected})', text_line.line, column)


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _canonical(name: str) -> str:
    """A package name as pip compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).casefold()


def _install_args(ctx: Context, path: tuple[str, ...]) -> Iterator[TextLine]:
    """What follows ``pip install`` on each line of the section's code, continuation lines too."""
    section = ctx.section(path)
    for part in section.walk() if section else []:
        for block in (b for b in part.blocks if isinstance(b, CodeBlock)):
            first = block.line + 1 if block.fenced else block.line
            continuing = False
            for offset, text in enumerate(block.content.splitlines()):
                match = _PIP.search(text)
                if match and "#" in text[: match.start()]:
                    match = None  # a comment that mentions pip
                args = match["args"] if match else text if continuing else ""
                continuing = bool(args) and text.rstrip().endswith("\\")
                if args and not ctx.placeholders.in_code(text):
                    yield TextLine(first + offset, args.rstrip().removesuffix("\\"))


_PIP = re.compile(r"\bpip3?\s+install\s+(?P<args>.*)")
_TAKES_VALUE = {"-r", "-c", "-e", "-i", "-f", "-t", "--requirement", "--constraint", "--editable",
                "--index-url", "--extra-index-url", "--find-links", "--target", "--prefix", "--root"}
_SHELL_OPERATOR = re.compile(r"&&|\|\||[;|&]|\s\d?[<>]")  # where the pip command ends
_REQUIREMENT = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([<>=!~;@].*)?")


def _installed(text: str) -> Iterator[str]:
    """The package names in ``pip install`` arguments, and in later pip commands of the line."""
    first, *later = _SHELL_OPERATOR.split(text)
    yield from _names(first)
    for command in later:
        match = _PIP.search(command)
        if match:
            yield from _names(match["args"])


def _names(command: str) -> Iterator[str]:
    """Requirement names among a command's words (options, paths and URLs left out)."""
    try:
        words = shlex.split(command, comments=True)
    except ValueError:
        words = command.split()
    skip = False
    for word in words:
        if skip or word.startswith("-"):
            skip = word in _TAKES_VALUE
            continue
        requirement = _REQUIREMENT.fullmatch(word)
        if requirement and "/" not in word and not word.endswith((".whl", ".tar.gz", ".zip")):
            yield requirement["name"]
