"""How a spec's headings, field keys and column names are compared with the template's."""

from __future__ import annotations

import functools
import re

# Starting only where spaces start (or at the parenthesis), so a run of spaces is read once.
_PARENS = re.compile(r"(?<!\s)\s*\([^()]*\)\s*$")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def normalize_title(text: str) -> str:
    """Heading text as compared with the template: case and spacing folded."""
    return _SPACE.sub(" ", text).strip().casefold()


def strip_hint(text: str) -> str:
    """Drop a trailing parenthesised hint such as "(if applicable)"."""
    return _PARENS.sub("", text)


@functools.lru_cache(maxsize=4096)
def title_matches(heading: str, title: str) -> bool:
    """Does a heading stand for a template title? Hints in parentheses are optional."""
    wanted = normalize_title(title)
    return normalize_title(heading) == wanted or normalize_title(strip_hint(heading)) == wanted


def normalize_column(name: str) -> str:
    """A column name as compared with the template: case and all spacing dropped."""
    return _SPACE.sub("", name).casefold()
