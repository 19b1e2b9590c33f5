"""A line of Markdown source as written: its table cells and code spans, where tokens do not say."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_BACKTICKS = re.compile(r"`+")
_QUOTE = re.compile(r"^\s*(?:>\s?)*")
_PIPE = re.compile(r"(?<!\\)\|")
_SPACE = re.compile(r"\s*")
# An HTML comment, or one that a line opens and does not close (it runs on below).
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
# A backslash escape: the punctuation is shown, the backslash is not.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True, slots=True)
class CodeSpan:
    start: int  # where the opening backticks start
    end: int  # where the closing backticks end
    code: str  # what stands between them


def code_spans(text: str) -> list[CodeSpan]:
    """Inline code as CommonMark reads it: a run of backticks, up to the next run of as many.

    Each run is looked up once among the runs of its length, so that thousands of backticks
    cost no more than reading them (a regex with a backreference retries every pair).
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[CodeSpan] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        after = bisect.bisect_right(same, index)
        if after == len(same):
            index += 1
            continue
        closer = runs[same[after]]
        spans.append(CodeSpan(start, closer[1], text[end : closer[0]]))
        index = same[after] + 1
    return spans


def without_code(text: str, blank: bool = False, spans: Sequence[CodeSpan] | None = None) -> str:
    """The text with its code spans (``spans`` when already found) dropped, or blanked with
    spaces so that columns stay."""
    parts: list[str] = []
    at = 0
    for span in code_spans(text) if spans is None else spans:
        parts += [text[at : span.start], " " * (span.end - span.start) if blank else ""]
        at = span.end
    return "".join(parts) + text[at:]


def without_comments(text: str) -> str:
    """The text with its HTML comments blanked with spaces, so that columns stay: a reader
    never sees them."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def unescaped(text: str) -> str:
    """The text as shown: ``\\<Title\\>`` is ``<Title>``."""
    return _ESCAPE.sub(r"\1", text)


@functools.lru_cache(maxsize=256)
def as_written(shown: str) -> re.Pattern[str]:
    """A pattern for ``shown`` in the source, any of its punctuation escaped or not, any case."""
    parts = (rf"\\?{re.escape(char)}" if _ESCAPE.fullmatch("\\" + char) else re.escape(char) for char in shown)
    return re.compile("".join(parts), re.IGNORECASE)


def without_end(text: str, reversed_pattern: re.Pattern[str]) -> str:
    """``text`` without the end that ``reversed_pattern``, written for the reversed text, matches:
    one anchored match, where a search for "...$" would start again at each character."""
    found = reversed_pattern.match(text[::-1])
    return text[: len(text) - found.end()] if found else text


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
    text = line[_quote_end(line) :].strip()
    ends = pipe_ends(text, 0)
    first_empty = ends[0] == 1 if ends else text == ""
    return len(ends) + 1 - first_empty - (bool(ends) and ends[-1] == len(text))


def cell_columns(line: str) -> list[int]:
    """The 1-based column where each cell of a table row starts, the row read once; last, where
    a cell the row lacks (markdown pads short rows) is placed: the row's end."""
    start = _quote_end(line)
    if line[start:].lstrip().startswith("|"):
        start = line.index("|", start) + 1
    end = len(line.rstrip())
    return [_column_at(line, bound, end) for bound in (start, *pipe_ends(line, start))] + [max(end, 1)]


def pipe_ends(line: str, start: int) -> list[int]:
    """Where each pipe from ``start`` on that is not escaped ends: split at every pipe, which is
    quicker than a regex that looks behind at every character."""
    ends: list[int] = []
    at = start
    for part in line[start:].split("|")[:-1]:
        at += len(part) + 1
        if line[at - 2 : at - 1] != "\\":
            ends.append(at)
    return ends


def _column_at(line: str, bound: int, end: int) -> int:
    """The column of the cell that starts at ``bound``: its first character not a space."""
    if bound >= end:
        return max(end, 1)
    skipped = _SPACE.match(line, bound)
    at = skipped.end() if skipped and not line.startswith("|", skipped.end()) else bound
    return at + 1


def _quote_end(line: str) -> int:
    """Where the line's blockquote markers end."""
    quote = _QUOTE.match(line)
    return quote.end() if quote else 0
