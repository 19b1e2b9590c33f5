"""Checks on fenced code blocks: closed, named with a language, and parsing."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.checks import register
from spec_lint.checks.fences import fence_column, fence_of, unclosed_blocks
from spec_lint.checks.syntax import ALIASES, PARSERS, PYTHON_VERSION
from spec_lint.findings import Violation
from spec_lint.model import CodeBlock

if TYPE_CHECKING:
    from spec_lint.context import Context

_CONSOLE_HINT = " (use ```pycon for console sessions)"


def code_blocks(ctx: Context) -> Iterator[CodeBlock]:
    """Fenced blocks that are closed: an unclosed one is reported once, as unclosed."""
    unclosed = set(unclosed_blocks(ctx))
    for block in ctx.doc.blocks_of(CodeBlock):
        if block.fenced and block not in unclosed:
            yield block


def _indent(ctx: Context, block: CodeBlock) -> int:
    """Where the opening fence starts: after indentation, quote and list markers."""
    fence = ctx.doc.lines[block.line - 1]
    column = fence_column(fence)
    return column if column is not None else len(fence) - len(fence.lstrip())


@register("unclosed-fence")
@dataclass(frozen=True, slots=True)
class UnclosedFence:
    """A fenced code block has its closing fence.

    Without it the block runs on to the end of the file, or to a fence of the next block, and
    the headings in between are code: one finding here, not a missing section each. Only the
    first such block is reported: after it every fence pairs with the wrong one.
    """

    def check(self, ctx: Context) -> Iterator[Violation]:
        for block in itertools.islice(unclosed_blocks(ctx), 1):
            opener = fence_of(ctx.doc.lines[block.line - 1])
            marker = opener.marker if opener else "```"
            yield Violation(
                f"code block opened on line {block.line} is never closed "
                f"(expected a closing {marker} before the next heading)",
                block.line,
                _indent(ctx, block) + 1,
            )


@register("code-language")
@dataclass(frozen=True, slots=True)
class CodeLanguage:
    """A fenced code block names its language (``text`` is one); at the opening fence."""

    def check(self, ctx: Context) -> Iterator[Violation]:
        for block in code_blocks(ctx):
            if not block.language:
                yield Violation(
                    'code block has no language (expected one after the opening fence, such as "python", '
                    '"bash" or "text")',
                    block.line,
                    _indent(ctx, block) + 1,
                )


@register("code-syntax")
@dataclass(frozen=True, slots=True)
class CodeSyntax:
    """Code in ``languages`` (python, yaml, json, toml) parses; it is never run.

    Python is parsed with the grammar of the Python running spec-lint, which the message names.
    Blocks holding a template placeholder are left to the placeholder rule.
    """

    languages: tuple[str, ...] = ("python", "yaml", "json", "toml")

    def check(self, ctx: Context) -> Iterator[Violation]:
        for block in code_blocks(ctx):
            language = ALIASES.get(block.language, block.language)
            parse = PARSERS.get(language) if language in self.languages else None
            if parse is None or not block.content.strip() or ctx.placeholders.in_code(block.content, language):
                continue
            problem = parse(block.content)
            if problem:
                lines = block.text_lines
                at = lines[min(max(problem.line, 1), len(lines)) - 1]
                message = f"{_failure(language)}: {problem.message}{_hint(language, block)}"
                yield Violation(message, at.line, problem.column + _indent(ctx, block))


def _failure(language: str) -> str:
    grammar = f" with {PYTHON_VERSION}" if language == "python" else ""
    return f"{language} code does not parse{grammar}"


def _hint(language: str, block: CodeBlock) -> str:
    lines = block.content.splitlines()
    console = language == "python" and any(line.lstrip().startswith(">>>") for line in lines)
    return _CONSOLE_HINT if console else ""
