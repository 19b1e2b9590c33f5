"""A cell value with a note: the value part of "64 (vLLM)", "1 per process" or "✅ Complete".

Authors add a short note to a value: a parenthesised remark, an emoji status mark before or
after it, a trailing explanation. The value part is what a rule checks; the note is let be.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# A parenthesised remark ending the value: "Direct call (profile files)".
_REMARK = re.compile(r"\s*\([^()]*\)$")
# Where an explanation may start: a space before a word ("1 per process"), or a dash, colon,
# comma or semicolon between spaces ("Complete — all flags"). A digit after a space is no
# explanation: "8 0" is one value.
_EXPLAINED = re.compile(r"\s+(?=[^\W\d_])|\s*[,;:—–]\s|\s+-\s")
# Emoji and other symbols (So), joiners and variation selectors (Cf, Mn): a status mark.
_MARK_CATEGORIES = ("So", "Cf", "Mn")


def readings(text: str) -> Iterator[str]:
    """The ways to read ``text`` as a value, from the whole text as written to its shortest value
    part: without status marks and remarks, then without each trailing explanation in turn."""
    written = text.strip()
    yield written
    core = _without_remarks(_unmarked(written))
    if core and core != written:
        yield core
    for cut in reversed(list(_EXPLAINED.finditer(core))):
        if cut.start() > 0:
            yield core[: cut.start()]


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


def _without_remarks(text: str) -> str:
    """``text`` without the parenthesised remarks ending it, and the marks they leave at its end."""
    while True:
        shorter = _unmarked(_REMARK.sub("", text))
        if shorter == text:
            return text
        text = shorter
