"""Matching what a pack names: close spellings for a did-you-mean, and template section paths."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from spec_lint.template import TemplateSection, section_chains, section_path
from spec_lint.titles import normalize_title


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word closest to a mistyped one (any case), if close enough; of equally close
    ones, the first."""
    key = word.strip().casefold()
    scored = [(difflib.SequenceMatcher(None, key, item.casefold()).ratio(), item) for item in known]
    ratio, best = max(scored, key=lambda pair: pair[0], default=(0.0, ""))
    return best if ratio >= 0.6 else None


def did_you_mean(word: str, known: Iterable[str], shown: str = '"{}"') -> str:
    close = closest(word, known)
    return f" (did you mean {shown.format(close)}?)" if close is not None else ""


def section_paths(sections: Iterable[TemplateSection]) -> Iterator[tuple[str, ...]]:
    """The path of every template section, from the top down."""
    return (tuple(s.title for s in chain) for chain in section_chains(sections))


def names_section(text: str, paths: Iterable[tuple[str, ...]]) -> bool:
    """Does ``text`` ("A > B" from the top, or one title anywhere) name one of ``paths`` (any case)?"""
    wanted = tuple(map(normalize_title, section_path(text)))
    for path in paths:
        folded = tuple(map(normalize_title, path))
        if folded == wanted or (len(wanted) == 1 and folded[-1] == wanted[0]):
            return True
    return False
