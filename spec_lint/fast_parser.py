"""The parser choice: markdown-it-py, or the Rust-backed markdown-it-pyrs (``pip install spec-lint[fast]``)
read into the same tokens, so that the document model is the same (tests/test_fast_parser.py).

The fast parser is used when it is installed, unless SPEC_LINT_PARSER=markdown-it-py. A file holding
something the adapter does not reproduce exactly (`Unsupported`) is parsed by markdown-it-py instead.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING
from unicodedata import category

from markdown_it.token import Token

from spec_lint.fast_inline import Source, Unsupported
from spec_lint.inline import MD

if TYPE_CHECKING:
    from markdown_it_pyrs import MarkdownIt, Node

__all__ = ["PARSER_ENV", "PURE", "Unsupported", "chosen", "token_stream", "tokens"]

PARSER_ENV = "SPEC_LINT_PARSER"
PURE = "markdown-it-py"
# Where markdown-it-py 4 (CommonMark 0.31) and markdown-it-pyrs 0.4 (0.30) read a text otherwise:
# <textarea> and <search> blocks, emphasis next to a Unicode symbol (a punctuation mark since 0.31,
# below), inline comments and declarations (text "<!" for markdown-it-pyrs: see fast_inline); and
# where markdown-it-pyrs differs: an empty list item, a one-column table whose delimiter row has no pipe.
_OTHERWISE = (re.compile(r"<(?:textarea|search)\b", re.IGNORECASE),
              re.compile(r"\n[ \t>]*(?:[-+*]|\d{1,9}[.)])[ \t]*(?:\n|$)"),
              re.compile(r"\n[^\n|]*\|[^\n]*\n[ \t]*:?-+:?[ \t]*(?:\n|$)"))
# markdown-it-pyrs takes quadratic time in the number of link reference definitions.
_DEFINITION = re.compile(r"\n {0,3}\[[^\]\n]*\]:")
_DEFINITIONS = 100
_NEXT_TO_EMPHASIS = re.compile(r"[*_]([^\x00-\x7f])"), re.compile(r"([^\x00-\x7f])[*_]")


def chosen() -> bool:
    """Whether to parse with the fast parser: it is installed, and SPEC_LINT_PARSER does not ask for the
    pure one."""
    return os.environ.get(PARSER_ENV, "auto") != PURE and _installed()


@cache
def _installed() -> bool:
    return importlib.util.find_spec("markdown_it_pyrs") is not None


@cache
def _parser() -> MarkdownIt:
    from markdown_it_pyrs import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("front_matter")


def token_stream(text: str) -> Sequence[Token]:
    """The tokens of ``text``: from the fast parser when it is chosen and reproduces them, else from
    markdown-it-py."""
    if chosen():
        try:
            return tokens(text)
        except Unsupported:
            pass
    return MD.parse(text)


def tokens(text: str) -> list[Token]:
    """The tokens spec_lint.parser reads, as spec_lint.inline.MD makes them, from the fast parser's tree."""
    from spec_lint.fast_tree import Walker

    source = Source(text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd"))
    _check(source.text)
    tree = _tree(source.text)
    if source.text.startswith("---") and not (tree and tree[0].name == "front_matter"):
        raise Unsupported("front matter")
    walker = Walker(source)
    # The walk makes some 100,000 short-lived objects per megabyte and no cycles: the cycle collector's
    # passes over them would cost a third of its time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        walker.blocks(tree, (), 0, len(source.lines) - 1)
    finally:
        if collecting:
            gc.enable()
    return walker.out


def _tree(text: str) -> Sequence[Node]:
    """The tree's blocks. markdown-it-pyrs 0.4 panics on some texts (a code span left open in a link's
    text) and Rust prints the panic on standard error: that is silenced, and the file falls back."""
    saved = os.dup(2)
    os.dup2(_devnull(), 2)
    try:
        return _parser().tree(text).children
    except BaseException as error:
        if type(error).__name__ == "PanicException":
            raise Unsupported("markdown-it-pyrs panicked") from error
        raise
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@cache
def _devnull() -> int:
    return os.open(os.devnull, os.O_WRONLY)


def _check(text: str) -> None:
    lines = f"\n{text}"
    if any(pattern.search(lines) for pattern in _OTHERWISE) or len(_DEFINITION.findall(lines)) > _DEFINITIONS:
        raise Unsupported("CommonMark 0.31 or markdown-it-pyrs")
    near = () if text.isascii() else (char for pattern in _NEXT_TO_EMPHASIS for char in pattern.findall(text))
    if any(category(char)[0] == "S" for char in near):
        raise Unsupported("CommonMark 0.31 punctuation")
