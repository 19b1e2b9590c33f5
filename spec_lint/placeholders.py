"""Recognising what the template left for the author to replace."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spec_lint.source import code_spans, unescaped, without_code, without_comments

# A brace not doubled (`{{ x }}`), not a shell or template variable (`${VAR}`), not escaped.
_OPEN = r"(?<![{$\\])"
_CLOSE = r"(?!\})"
# `{Name}`, `{Service/Command | Library}`, `{X}`: a name, not JSON (`{"a": 1}`) or code (`{ }`).
_BRACES = re.compile(_OPEN + r"\{[A-Za-z][\w ./|+-]*\}" + _CLOSE)
_ELLIPSIS = ("...", "…")
# `└── ...` in a drawn tree (the template's Exception Hierarchy).
_TREE_ELLIPSIS = re.compile(r"[\s│]*[├└]─+\s*(\.\.\.|…)")
# A Python string on one line, with its prefix: up to its closing quote, or to the line's end
# when it has none (a triple-quoted string going on below). A backslash and the character after
# it are one unit, and no other unit starts with a backslash: a run of them is read once.
_STRING = re.compile(
    r"""(?:\b(?P<prefix>[A-Za-z]{1,2}))?(?P<q>'''|\"\"\"|'|")(?:\\.|(?!(?P=q))[^\\\n])*+(?:(?P=q)|\\?(?=\n|\Z))"""
)
_FORMAT_CALL = re.compile(r"\s*\.format\(")


@dataclass(frozen=True, slots=True)
class Placeholders:
    """The pack's idea of a placeholder: brace names, code names, literal texts, and list items
    that are placeholders when they stand alone."""

    code_names: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    ellipsis: bool = True  # does the template leave ``...`` to replace?

    def in_prose(self, text: str) -> list[str]:
        """Placeholders in prose, a heading or a table cell (markup included), not in an HTML
        comment. A literal text counts as shown, its backslash escapes dropped (``\\<Title\\>``).

        Inside inline code only the template's own names count, as in code blocks, so that
        `GET /workers/{id}` is not taken for a placeholder.
        """
        # Most text holds no comment, no code and no brace: what finds them is not run on it.
        text = without_comments(text) if "<!--" in text else text
        spans = code_spans(text) if "`" in text else []
        prose = without_code(text, blank=True, spans=spans) if spans else text
        hits = [(m.start(), m.group()) for m in _BRACES.finditer(prose) if m.group() not in self.ignored]
        for span in spans:
            hits.extend((span.start, name) for name in self._names(span.code))
        found = [name for _, name in sorted(hits)]
        if self.ellipsis and text.strip().strip("`").strip() in _ELLIPSIS:
            found.append("...")
        shown = (unescaped(prose) if "\\" in prose else prose).casefold()
        at = {t: shown.find(t.casefold()) for t in self.texts}
        found.extend(sorted((t for t in self.texts if at[t] >= 0), key=at.__getitem__))
        return found

    def in_item(self, text: str) -> list[str]:
        """A list item that is one of the pack's ``items`` alone (``* Goal``), markup aside."""
        shown = unescaped(without_comments(text)).strip().strip("*_`").strip().casefold()
        return [item for item in self.items if item.casefold() == shown]

    def in_code(self, text: str, language: str = "") -> list[str]:
        """Placeholders in a line of code: only the template's own names, or ``...`` alone.

        An indented ``...`` is code (a Python stub body), not a placeholder; in ``python``, so
        is a ``{name}`` inside an f-string or a string that calls ``.format(``.
        """
        found = self._names(_without_fields(text) if language == "python" else text)
        if self.ellipsis and (text.rstrip() in _ELLIPSIS or _TREE_ELLIPSIS.fullmatch(text.rstrip())):
            found.append("...")
        return found

    def _names(self, code: str) -> list[str]:
        # The pattern matches the name as written: most code holds none of the names at all.
        return [name for name in self.code_names if name in code and _code_name(name).search(code)]


def _without_fields(code: str) -> str:
    """A line of Python with the strings whose braces are their own fields blanked: f-strings,
    and strings that call ``.format(``."""
    parts: list[str] = []
    at = 0
    for string in _STRING.finditer(code):
        prefix = (string["prefix"] or "").casefold()
        if ("f" in prefix and set(prefix) <= set("rbf")) or _FORMAT_CALL.match(code, string.end()):
            parts += [code[at : string.start()], " " * (string.end() - string.start())]
            at = string.end()
    return "".join(parts) + code[at:]


@functools.lru_cache(maxsize=256)
def _code_name(name: str) -> re.Pattern[str]:
    return re.compile(_OPEN + re.escape(name) + _CLOSE)
