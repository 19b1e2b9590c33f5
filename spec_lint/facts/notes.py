"""A cell value with a note: the value part of "64 (vLLM)", "1 per process" or "✅ Complete".

Authors add a short note to a value: a parenthesised remark, an emoji status mark before or
after it, a trailing explanation. The value part is what a rule checks; the note is let be.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# A remark in parentheses: "Direct call (profile files)", "64 (vLLM), 32 (SGLang)".
_REMARK = re.compile(r"\([^()]*\)")
# A remark after a name, a space before it: "`status` (ok/error)"; "status(code)" is one name.
_NAME_REMARK = re.compile(r"\s+\([^()]*\)")
# Where an explanation may start: a space before a word ("1 per process"), or a dash, colon,
# comma or semicolon between spaces ("Complete — all flags"). A digit after a space is no
# explanation: "8 0" is one value. Only the first of a run of spaces starts one, so that a long
# run is read once.
_EXPLAINED = re.compile(r"(?<!\s)(?:\s+(?=[^\W\d_])|\s*[,;:—–]\s|\s+-\s)")
# Emoji and other symbols (So), joiners and variation selectors (Cf, Mn): a status mark.
_MARK_CATEGORIES = ("So", "Cf", "Mn")
# How far into a cell a value may end: the longest value of a set is a few words.
_LONGEST = 80


def readings(text: str) -> Iterator[str]:
    """The ways to read ``text`` as a value, from the whole text as written to its shortest value
    part: without status marks and remarks, then without each trailing explanation in turn."""
    written = text.strip()
    yield written
    core = _unmarked(" ".join(_REMARK.sub(" ", written).split()))
    shorter = (_unmarked(core[:cut]) for cut in reversed(list(_cuts(core))))
    for part in dict.fromkeys((core, *shorter)):
        if part and part != written:
            yield part


def without_remarks(text: str) -> str:
    """``text`` without the parenthesised remarks that follow its names after a space."""
    return _NAME_REMARK.sub("", text)


def _cuts(core: str) -> Iterator[int]:
    """Where an explanation may start, in the first ``_LONGEST`` characters: a value is short."""
    for cut in _EXPLAINED.finditer(core, 1):
        if cut.start() > _LONGEST:
            return
        yield cut.start()


def _unmarked(text: str) -> str:
    """``text`` without the emoji or symbols that lead or end it ("✅ Complete", "Done ✔️")."""
    start, end = 0, len(text)
    while start < end and _is_mark(text[start]):
        start += 1
    while end > start and _is_mark(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_mark(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in _MARK_CATEGORIES
