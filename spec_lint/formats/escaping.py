"""Text that a terminal, a CI log or a one-line format shows safely: controls as escapes."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidi marks, overrides and isolates, and lone surrogates (the bytes of a
# file name that are not UTF-8): a terminal or a CI log would obey them or fail to encode them.
UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
# A backslash is doubled where it would read as the start of an escape, and only there: a file
# named "a\x1b.md" prints as "a\\x1b.md", one holding ESC as "a\x1b.md", and "C:\docs" as is.
_ESCAPED = re.compile(rf"{UNPRINTABLE}|\\(?=[\\nrt]|x[0-9a-fA-F]{{2}}|u[0-9a-fA-F]{{4}}|{UNPRINTABLE})")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def printable(value: str) -> str:
    """``value`` with every control, bidi and surrogate character shown as an escape (``\\x1b``,
    ``\\u202e``), so that it stays on one line and cannot command a terminal."""
    return _ESCAPED.sub(_escape, value)


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
