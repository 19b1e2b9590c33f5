"""How a spec's headings, field keys and column names are compared with the template's."""

from __future__ import annotations

import functools
import re

# Starting only where spaces start (or at the parenthesis), so a run of spaces is read once.
_PARENS = re.compile(r"(?<!\s)\s*\([^()]*\)\s*$")
_SPACE = re.compile(r"\s+")
# A section number before the name: "1.", "2.3", "2.3.", "1)", "II.", "A." (a number glued to
# a word, as in "3D Parallelism", is part of the name; a letter counts only with its "." or ")").
_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[IVXLC]+[.)]|[A-Z][.)])(?=[^\w]|$)")
# What a qualifier starts with: "Proposal, as pseudo-code", "Proposal - v2" ("Motivation (why
# now)" is a hint, optional everywhere). A colon starts a title of its own: "Background: Current
# Architecture" is a part of the proposal, not its Background.
_QUALIFIER = re.compile(r"^(?:,|\s+[-–—]\s)")
# Brackets and quotes may be part of a name ("Stable API (1.0)"); other symbols at either end
# are decoration: emoji (and their joiners and variation selectors), arrows, bullets, colons.
_KEPT = frozenset("()[]{}<>\"'`")


@functools.lru_cache(maxsize=4096)
def normalize_title(text: str) -> str:
    """Heading text as compared with the template: case and spacing folded."""
    return _SPACE.sub(" ", text).strip().casefold()


def strip_hint(text: str) -> str:
    """Drop a trailing parenthesised hint such as "(if applicable)"."""
    return _PARENS.sub("", text)


def _is_decoration(char: str) -> bool:
    return not char.isalnum() and char not in _KEPT


def _undecorated(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while end > start and _is_decoration(text[end - 1]):
        end -= 1
    return text[start:end]


@functools.lru_cache(maxsize=4096)
def bare_title(heading: str) -> str:
    """A heading without its section number and the emoji or symbols around it, folded:
    "🚀 Quick Start", "1. Overview" and "II. Design:" are "quick start", "overview", "design"."""
    text = _undecorated(heading)
    numbered = _NUMBER.sub("", text)
    return normalize_title(_undecorated(numbered) if numbered != text else text)


# Keyed on the heading alone, it holds every heading of a file (a long one has thousands), where
# a cache of (heading, title) pairs stops holding past about a hundred headings.
@functools.lru_cache(maxsize=1 << 15)
def title_forms(heading: str) -> tuple[str, ...]:
    """What a heading may stand for: as written, without a trailing hint, and bare."""
    return (normalize_title(heading), normalize_title(strip_hint(heading)), bare_title(heading),
            bare_title(strip_hint(heading)))


def title_matches(heading: str, title: str, qualified: bool = False) -> bool:
    """Does a heading stand for a template title? Hints in parentheses are optional, and so are
    a section number and decoration; with ``qualified``, a qualifier may follow the title."""
    forms = title_forms(heading)
    wanted = normalize_title(title)
    return wanted in forms or (qualified and qualifies(forms, (wanted,)))


def qualifies(forms: tuple[str, ...], names: tuple[str, ...]) -> bool:
    """Is one of a heading's ``forms`` one of the (normalized) ``names`` with a qualifier after it?"""
    return any(f.startswith(name) and _QUALIFIER.match(f[len(name) :]) for f in forms for name in names)


def normalize_column(name: str) -> str:
    """A column name as compared with the template: case and all spacing dropped."""
    return _SPACE.sub("", name).casefold()
