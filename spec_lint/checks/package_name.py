"""Checks on what the Installation section tells users to ``pip install``."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import CodeBlock, TextLine
from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.pack.markers import SectionPath, Template
from spec_lint.template import alternatives, section_path

if TYPE_CHECKING:
    from spec_lint.context import Context


@register("package-name")
@dataclass(frozen=True, slots=True)
class PackageName:
    """``pip install`` in the code blocks of ``section`` installs only the ``packages`` (templates).

    The installer's own ``tools`` (``pip install --upgrade pip setuptools wheel``) are no
    package of the component, nor a wrong one: they are let be.
    """

    section: SectionPath
    packages: tuple[Template, ...]
    tools: tuple[Template, ...] = ()

    def check(self, ctx: Context) -> Iterator[Violation]:
        allowed = ctx.render_list(self.packages)
        known = {_canonical(p) for p in (*allowed, *ctx.render_list(self.tools))}
        expected = alternatives(allowed)
        for text_line in _install_args(ctx, section_path(self.section)):
            for name in _installed(text_line.text):
                if _canonical(name) not in known:
                    column = ctx.doc.column_of(text_line.line, name)
                    yield Violation(f'pip installs "{name}" (expected {expected})', text_line.line, column)


def _canonical(name: str) -> str:
    """A package name as pip compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).casefold()


def _install_args(ctx: Context, path: tuple[str, ...]) -> Iterator[TextLine]:
    """What follows ``pip install`` on each line of the section's code, continuation lines too."""
    section = ctx.section(path)
    for part in section.walk() if section else []:
        for block in part.blocks_of(CodeBlock):
            yield from _block_args(ctx, block)


def _block_args(ctx: Context, block: CodeBlock) -> Iterator[TextLine]:
    continuing = False
    for text_line in block.text_lines:
        text = text_line.text
        match = _PIP.search(text)
        if match and "#" in text[: match.start()]:
            match = None  # a comment that mentions pip
        args = match["args"] if match else text if continuing else ""
        continuing = bool(args) and text.rstrip().endswith("\\")
        if args and not ctx.placeholders.in_code(text):
            yield TextLine(text_line.line, args.rstrip().removesuffix("\\"))


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
