"""The code-syntax check: code in the languages it knows parses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.blocks import CodeBlock
from spec_lint.checks import register
from spec_lint.facts.fenced_blocks import code_blocks, fence_indent
from spec_lint.facts.syntax import ALIASES, PARSERS, PYTHON_VERSION
from spec_lint.findings import Violation

if TYPE_CHECKING:
    from spec_lint.context import Context

_CONSOLE_HINT = " (use ```pycon for console sessions)"


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
                yield Violation(message, at.line, problem.column + fence_indent(ctx, block))


def _failure(language: str) -> str:
    grammar = f" with {PYTHON_VERSION}" if language == "python" else ""
    return f"{language} code does not parse{grammar}"


def _hint(language: str, block: CodeBlock) -> str:
    lines = block.content.splitlines()
    console = language == "python" and any(line.lstrip().startswith(">>>") for line in lines)
    return _CONSOLE_HINT if console else ""
