"""Recognising the template's guidance sentences in a spec's text."""

from __future__ import annotations

import bisect
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

REPLACE = "replace it with what it asks for"
_MARKUP = frozenset("*`_")
# What may stand before a sentence (a field's colon, a list marker, a comment) and after one.
_OPENERS = frozenset(".:;!?#>/-|(")
_STOPS = frozenset(".;!?)")
# A sentence's final punctuation, which an author may drop and still leave the guidance in.
_FINAL = ".;:!? "
_PUNCTUATION = frozenset(string.punctuation)
_QUOTES = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}
# What ``rough_fold`` drops or changes: the markup, every backslash, the curly quotes.
_ROUGH = str.maketrans({**_QUOTES, **dict.fromkeys([*_MARKUP, "\\"])})


@dataclass(frozen=True, slots=True)
class Guidance:
    """A text of the template that speaks to the author, and what the author should do with it."""

    text: str
    hint: str = REPLACE
    folded: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", fold(self.text)[0].rstrip(_FINAL))


def fold(text: str) -> tuple[str, list[int]]:
    """Text as guidance is compared (markup, backslash escapes, case, quotes and spacing
    dropped), and for each of its characters the index in ``text`` it comes from."""
    chars: list[str] = []
    origin: list[int] = []
    escaped = False  # is this character one that a backslash escapes (shown as itself)?
    for index, char in enumerate(text):
        if char == "\\" and not escaped and text[index + 1 : index + 2] in _PUNCTUATION:
            escaped = True
            continue
        escaped = False
        if char in _MARKUP or (char.isspace() and (not chars or chars[-1] == " ")):
            continue
        for folded in " " if char.isspace() else _QUOTES.get(char, char).casefold():
            chars.append(folded)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


def rough_fold(text: str) -> str:
    """``fold``'s text without its indexes, quickly: every backslash dropped, not only those
    that escape, so that a sentence without one that is in ``fold(text)`` is in this too."""
    return " ".join(text.translate(_ROUGH).casefold().split())


def present(text: str, wanted: Sequence[Guidance]) -> list[Guidance]:
    """The guidance that a document's runs of lines may hold: that its rough fold holds, with
    blockquote markers dropped too (the run of a quote's lines has none between its lines).
    All of it when a sentence holds a backslash or a ``>``, which this drops."""
    if any("\\" in g.folded or ">" in g.folded for g in wanted):
        return list(wanted)
    rough = rough_fold(text.replace(">", ""))
    return [g for g in wanted if g.folded in rough]


@dataclass(frozen=True, slots=True)
class Sought:
    """Guidance to look for, longest first, with what lets most text be passed over unfolded."""

    guidance: tuple[Guidance, ...]
    shortest: int
    sieve: tuple[str, ...] | None  # what ``rough_fold``'s text must hold (None: no sieve)

    @classmethod
    def of(cls, wanted: Iterable[Guidance]) -> Sought:
        ordered = tuple(sorted(wanted, key=lambda g: -len(g.folded)))
        sentences = [g.folded for g in ordered if g.folded]
        # ``rough_fold`` drops every backslash: a sentence holding one could be missed.
        sieve = None if any("\\" in sentence for sentence in sentences) else tuple(sentences)
        return cls(ordered, min((len(g.folded) for g in ordered), default=0), sieve)

    def may_be_in(self, texts: Sequence[str]) -> bool:
        """Might the run hold some guidance? Folding may lengthen a character threefold ("ß" is
        "ss"): a run shorter than that cannot hold the shortest one."""
        if 3 * sum(map(len, texts)) + len(texts) < self.shortest:
            return False
        rough = rough_fold("\n".join(texts)) if self.sieve is not None else ""
        return self.sieve is None or any(sentence in rough for sentence in self.sieve)


@dataclass(frozen=True, slots=True)
class Hit:
    index: int  # the line of the run
    offset: int  # where the guidance starts in that line's text, markup before it included
    guidance: Guidance


def find(texts: Sequence[str], sought: Sought) -> Iterator[Hit]:
    """Guidance in a run of lines (a paragraph's sentences may wrap over them). Longer texts are
    looked for first, and a stretch of text is reported once: the Instructions line as a whole,
    not also each of its sentences."""
    if not sought.may_be_in(texts):
        return
    run = _Run.of(texts)
    edges = run.edges
    claimed = _Claims()
    for guidance in sought.guidance:
        for at in _occurrences(run.joined, guidance.folded, edges):
            if claimed.claim(at, at + len(guidance.folded)):
                index, offset = run.locate(at)
                yield Hit(index, _markup_start(texts[index], offset), guidance)


@dataclass(slots=True)
class _Claims:
    """Stretches of text already reported, which never overlap: kept sorted, so that a sentence
    repeated a thousand times is checked against its neighbours, not against every claim."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def claim(self, start: int, end: int) -> bool:
        """Claim ``start..end`` unless it overlaps a claimed stretch."""
        at = bisect.bisect_left(self.starts, start)
        if (at > 0 and self.ends[at - 1] > start) or (at < len(self.starts) and self.starts[at] < end):
            return False
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        return True


@dataclass(frozen=True, slots=True)
class _Run:
    """Lines folded and joined by spaces, with where each line starts in the joined text."""

    joined: str
    starts: tuple[int, ...]
    origins: tuple[list[int], ...]

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Run:
        folded = [fold(text) for text in texts]
        starts = [0]
        for text, _ in folded[:-1]:
            starts.append(starts[-1] + len(text) + 1)
        return cls(" ".join(text for text, _ in folded), tuple(starts), tuple(o for _, o in folded))

    @property
    def edges(self) -> set[int]:
        ends = (start + len(origin) for start, origin in zip(self.starts, self.origins))
        return {*self.starts, *ends}

    def locate(self, at: int) -> tuple[int, int]:
        """The line of a joined offset, and the index in that line's text it comes from."""
        index = bisect.bisect_right(self.starts, at) - 1
        origin = self.origins[index]
        return index, origin[min(at - self.starts[index], len(origin) - 1)] if origin else 0


def _markup_start(text: str, offset: int) -> int:
    """Back over the markup that opens the guidance (``**Instructions**``, ``**\\[Required``)."""
    while offset > 0 and (text[offset - 1] in _MARKUP or text[offset - 1] == "\\"):
        offset -= 1
    return offset


def _occurrences(joined: str, sentence: str, edges: set[int]) -> Iterator[int]:
    """Where ``sentence`` stands on its own in ``joined``: not a phrase inside a longer sentence
    ("we list key span attributes below"). A line's start and end are always boundaries."""
    at = joined.find(sentence) if sentence else -1
    while at >= 0:
        end = at + len(sentence)
        before, after = _char_before(joined, at), _char_after(joined, end)
        opens = at in edges or not before or before in _OPENERS
        closes = end in edges or not after or sentence[-1] in _STOPS or after in _STOPS
        if opens and closes:
            yield at
        at = joined.find(sentence, end)


def _char_before(text: str, at: int) -> str:
    """The last character before ``at`` that is not a space ("" when none is)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return text[at - 1] if at > 0 else ""


def _char_after(text: str, at: int) -> str:
    """The first character from ``at`` on that is not a space ("" when none is)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return text[at] if at < len(text) else ""
