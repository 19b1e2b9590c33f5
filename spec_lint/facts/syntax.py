"""Parsers for the languages of code blocks: each says where it stopped, or None."""

from __future__ import annotations

import ast
import functools
import json
import re
import sys
import tomllib
import warnings
from collections.abc import Callable
from dataclasses import dataclass

# ast.parse knows the grammar of the Python running spec-lint, and no newer one.
PYTHON_VERSION = f"Python {sys.version_info.major}.{sys.version_info.minor}"
# Deeper YAML flow collections are refused before parsing: PyYAML's parser slows down with
# each level, and its composer recurses; no configuration a spec shows nests this deep.
MAX_DEPTH = 100
_TOO_DEEP = f"too deeply nested (expected at most {MAX_DEPTH} levels)"
Parser = Callable[[str], "SyntaxProblem | None"]


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """Where a parser stopped, counted from the block's first content line (both 1-based)."""

    message: str
    line: int = 1
    column: int = 1


def _guarded(parse: Parser) -> Parser:
    """The parser, turning what it raises on hostile input (deep nesting, huge numbers, invalid
    dates) into a problem: a code block never stops the rule."""

    @functools.wraps(parse)
    def run(text: str) -> SyntaxProblem | None:
        try:
            return parse(text)
        except RecursionError:
            return SyntaxProblem(_TOO_DEEP)
        except MemoryError:
            return SyntaxProblem("too large to parse")
        except (ValueError, OverflowError) as error:
            return SyntaxProblem(str(error).partition(";")[0] or type(error).__name__)

    return run


def _flow_depth(text: str) -> int:
    """How deep brackets and braces nest at most (quotes are not followed: a cheap upper bound)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


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
    import yaml  # here: a run with no YAML block never loads PyYAML

    if _flow_depth(text) > MAX_DEPTH:
        return SyntaxProblem(_TOO_DEEP)
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
        json.loads(text, parse_int=str)  # valid however many digits: only the syntax counts
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


PARSERS: dict[str, Parser] = {
    "python": _guarded(_python),
    "yaml": _guarded(_yaml),
    "json": _guarded(_json),
    "toml": _guarded(_toml),
}
# A console session (```pycon) mixes prompts and output: it is not parsed.
ALIASES = {"py": "python", "python3": "python", "yml": "yaml"}
