"""Recognising what the template left for the author to replace."""

from __future__ import annotations

import re
from dataclasses import dataclass

# `{Name}`, `{Service/Command | Library}`, `{X}`: not `{{ x }}`, `${VAR}` or JSON braces.
_BRACES = re.compile(r"(?<![{$\\])\{[A-Za-z][\w ./|+-]*\}(?!\})")
_ELLIPSIS = ("...", "…")


@dataclass(frozen=True, slots=True)
class Placeholders:
    """The pack's idea of a placeholder: brace names, code names, and literal texts."""

    code_names: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()

    def in_prose(self, text: str) -> list[str]:
        """Placeholders in prose, a heading or a table cell (markup included)."""
        found = [m.group() for m in _BRACES.finditer(text) if m.group() not in self.ignored]
        if text.strip().strip("`").strip() in _ELLIPSIS:
            found.append("...")
        folded = text.casefold()
        found.extend(t for t in self.texts if t.casefold() in folded)
        return found

    def in_code(self, text: str) -> list[str]:
        """Placeholders in a code block: only the template's own names, or a bare ``...``."""
        found = [name for name in self.code_names if name in text]
        if text.strip() in _ELLIPSIS:
            found.append("...")
        return found

    def found_in(self, text: str) -> bool:
        return bool(self.in_prose(text))
