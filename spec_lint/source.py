"""A line of Markdown source as written: its table cells and code spans, where tokens do not say."""

from __future__ import annotations

import re

# Backticks, the span, the same run of backticks: group 2 is the code.
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_QUOTE = re.compile(r"^\s*(?:>\s?)*")
_PIPE = re.compile(r"(?<!\\)\|")


def has_pipe(text: str) -> bool:
    """Does ``text`` hold a pipe that is not escaped (one that splits table cells)?"""
    return _PIPE.search(text) is not None


def looks_like_row(text: str) -> bool:
    """Is the line written as a table row: a pipe first, and another after it?"""
    text = text.strip()
    return text.startswith("|") and len(_PIPE.findall(text)) >= 2


def cell_count(line: str) -> int:
    """How many cells a table row's source line holds, split as markdown-it and GitHub split it:
    at each unescaped pipe, also inside inline code; the outer pipes are optional."""
    cells = _PIPE.split(line[_quote_end(line) :].strip())
    return len(cells) - (cells[0] == "") - (len(cells) > 1 and cells[-1] == "")


def cell_column(line: str, index: int) -> int:
    """The 1-based column where cell ``index`` of a table row starts.

    A cell the row lacks (markdown pads short rows) is placed at the row's end.
    """
    start = _quote_end(line)
    if line[start:].lstrip().startswith("|"):
        start = line.index("|", start) + 1
    bounds = [start] + [m.end() for m in _PIPE.finditer(line, start)]
    end = len(line.rstrip())
    if index >= len(bounds) or bounds[index] >= end:
        return max(end, 1)
    text = line[bounds[index] :]
    stripped = text.lstrip()
    at = bounds[index] if stripped.startswith("|") else bounds[index] + len(text) - len(stripped)
    return at + 1


def _quote_end(line: str) -> int:
    """Where the line's blockquote markers end."""
    quote = _QUOTE.match(line)
    return quote.end() if quote else 0
