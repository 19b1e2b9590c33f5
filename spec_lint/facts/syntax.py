"""Parsers for the languages of code blocks: each says where it stopped, or None."""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import yaml

# ast.parse knows the grammar of the Python running spec-lint, and no newer one.
PYTHON_VERSION = f"Python {sys.version_info.major}.{sys.version_info.minor}"


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """Where a parser stopped, counted from the block's first content line (both 1-based)."""

    message: str
    line: int = 1
    column: int = 1


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


PARSERS: dict[str, Callable[[str], SyntaxProblem | None]] = {
    "python": _python,
    "yaml": _yaml,
    "json": _json,
    "toml": _toml,
}
# A console session (```pycon) mixes prompts and output: it is not parsed.
ALIASES = {"py": "python", "python3": "python", "yml": "yaml"}
