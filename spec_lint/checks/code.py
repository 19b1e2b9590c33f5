"""Checks on fenced code blocks: a language on every fence, and code that parses."""

from __future__ import annotations

import ast
import json
import re
import tomllib
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from spec_lint.checks import register
from spec_lint.findings import Violation
from spec_lint.model import CodeBlock

if TYPE_CHECKING:
    from spec_lint.context import Context


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """Where a parser stopped, counted from the block's first content line (both 1-based)."""

    message: str
    line: int = 1
    column: int = 1


def code_blocks(ctx: Context) -> Iterator[CodeBlock]:
    for section in ctx.doc.root.walk():
        yield from (b for b in section.blocks if isinstance(b, CodeBlock) and b.fenced)


def _indent(ctx: Context, block: CodeBlock) -> int:
    fence = ctx.doc.lines[block.line - 1]
    return len(fence) - len(fence.lstrip())


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

    Blocks holding a template placeholder are left to the placeholder rule.
    """

    languages: tuple[str, ...] = ("python", "yaml", "json", "toml")

    def check(self, ctx: Context) -> Iterator[Violation]:
        for block in code_blocks(ctx):
            language = _ALIASES.get(block.language, block.language)
            parse = _PARSERS.get(language) if language in self.languages else None
            if parse is None or not block.content.strip() or ctx.placeholders.in_code(block.content):
                continue
            problem = parse(block.content)
            if problem:
                line = min(max(problem.line, 1), len(block.content.splitlines()))
                message = f"{language} code does not parse: {problem.message}"
                yield Violation(message, block.line + line, problem.column + _indent(ctx, block))


def _python(text: str) -> SyntaxProblem | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes and the like are not our business
            ast.parse(text)
    except SyntaxError as error:
        return SyntaxProblem(error.msg, error.lineno or 1, error.offset or 1)
    except ValueError as error:
        return SyntaxProblem(str(error))
    return None


def _yaml(text: str) -> SyntaxProblem | None:
    # safe_load_all: a block with several "---" documents (manifests) is valid YAML.
    try:
        for _ in yaml.safe_load_all(text):
            pass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context = f" ({error.context})" if error.context else ""
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return SyntaxProblem(f"{error.problem or 'invalid YAML'}{context}", *where)
    except yaml.YAMLError as error:
        return SyntaxProblem(str(error))
    return None


def _json(text: str) -> SyntaxProblem | None:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return SyntaxProblem(error.msg, error.lineno, error.colno)
    return None


_TOML_WHERE = re.compile(r"\s*\(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")


def _toml(text: str) -> SyntaxProblem | None:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _TOML_WHERE.search(message)
        if where is None:
            return SyntaxProblem(message)
        if where["line"] is None:  # at end of document: the last line
            return SyntaxProblem(message[: where.start()], text.rstrip("\n").count("\n") + 1)
        return SyntaxProblem(message[: where.start()], int(where["line"]), int(where["column"]))
    return None


_PARSERS: dict[str, Callable[[str], SyntaxProblem | None]] = {
    "python": _python,
    "yaml": _yaml,
    "json": _json,
    "toml": _toml,
}
_ALIASES = {"py": "python", "python3": "python", "yml": "yaml"}
