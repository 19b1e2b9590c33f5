"""Stand-in sentences: a short paragraph that says a section's content does not apply.

"Health checks do not apply to this library.", "Not needed: ...", "None: this is a library.",
"This component exposes no metrics." stand in for a table; "Health is important." does not.
The words are pack data (``STAND_IN_PARAMS``); what makes a sentence one is decided here: the
paragraph is short, and one of its sentences says there is nothing (a phrase such as "none" or
"out of scope"), or negates an "apply"-type predicate ("does not apply", "not required"), or
is a negation that names the section's subject ("does not take flags" under "Command Line
Flags") or leaves it out ("Cannot be extended.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.source import without_code

if TYPE_CHECKING:
    from spec_lint.blocks import Paragraph
    from spec_lint.context import Context

STAND_IN_PARAMS = ("stand_in_phrases", "stand_in_negations", "stand_in_predicates")
# A stand-in says one thing; a longer text talks about the subject (and names no stand-in).
_MOST_SENTENCES = 2
# How far a negation reaches for its predicate: "does not apply", "is not really needed".
_REACH = 3
# A negation this early has no subject of its own before it: "Not needed", "Does not apply".
_ELIDED = 2
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?]+(?:\s+|$)")
_WORD = re.compile(r"[\w/]+")
_NOT = re.compile(r"n[’']t\b")
# The head of a title ends where its first preposition starts: "Relationship to Other Components".
_PREPOSITIONS = frozenset(["to", "from", "of", "for", "in", "on", "with", "by", "at", "about", "under", "over"])


@dataclass(frozen=True, slots=True)
class StandIns:
    """The pack's words that make a sentence a stand-in, lower case."""

    phrases: tuple[str, ...]
    negations: frozenset[str]
    predicates: frozenset[str]

    @classmethod
    def of(cls, ctx: Context) -> StandIns:
        """The pack's words, read as sentences are (a phrase as its words, "n't" as "not")."""
        phrases, negations, predicates = ([" ".join(_words(w)) for w in ctx.param_list(name)]
                                          for name in STAND_IN_PARAMS)
        return cls(tuple(phrases), frozenset(negations), frozenset(predicates))

    def stands_in(self, paragraph: Paragraph, title: str) -> bool:
        """Is the paragraph short, with a sentence saying the section (``title``) does not apply?"""
        sentences = [s for s in _SENTENCE_END.split(without_code(paragraph.text, blank=True)) if s.strip()]
        if len(sentences) > _MOST_SENTENCES:
            return False
        subject = _singular(_head(title))
        return any(self._says_none(_words(sentence), subject) for sentence in sentences)

    def _says_none(self, words: list[str], subject: str) -> bool:
        text = f" {' '.join(words)} "
        if any(f" {phrase} " in text for phrase in self.phrases):
            return True
        negated = [at for at, word in enumerate(words) if word in self.negations]
        # A negation that names the subject, or that has none of its own ("Cannot be extended.",
        # "Does not apply."): the section's subject is what it negates.
        if negated and (negated[0] < _ELIDED or any(_singular(word) == subject for word in words)):
            return True
        return any(word in self.predicates for at in negated for word in words[at + 1 : at + 1 + _REACH])


def _words(sentence: str) -> list[str]:
    return _WORD.findall(_NOT.sub(" not", sentence.casefold()))


def _head(title: str) -> str:
    """The noun a section title is about: its last word before a preposition or a bracket."""
    words = _WORD.findall(title.casefold().split("(")[0])
    cut = next((at for at, word in enumerate(words) if at and word in _PREPOSITIONS), len(words))
    return words[cut - 1] if cut else ""


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
