"""Stand-in sentences: a short paragraph that says a section's content does not apply.

"Health checks do not apply to this library.", "Not needed: ...", "None: this is a library.",
"No metrics are exported.", "Handled by the Frontend." stand in for a table; "Health is
important.", "Health is no joke." do not. The words are pack data (``STAND_IN_PARAMS``); what
makes a sentence one is decided here. The paragraph is short, says nothing is still to be written
("TODO", "not yet documented": that is missing content), and one of its sentences

- holds a phrase that says it by itself ("out of scope", "handled elsewhere");
- says "nothing" of the subject: the word is a clause by itself or ends it ("None: ...", "There
  are none."), leads it before a verb ("Nothing is exported."), or goes before a noun phrase
  naming the section ("No metrics ...", "no command line flags"), never before another noun
  ("no joke", "no stack trace");
- negates an "apply"-type predicate ("does not apply", "not required"), or negates the section's
  subject ("does not take flags" under "Command Line Flags") or has no subject of its own
  ("Cannot be extended.");
- gives the subject's job to someone else: a delegation verb with "by"/"in" and who does it, the
  subject named (a word of the title) or left out ("Health checks are handled by the Frontend.",
  "Handled by the host."); how it is done is no stand-in ("Errors are handled by retrying.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spec_lint.source import without_code

if TYPE_CHECKING:
    from spec_lint.blocks import Paragraph
    from spec_lint.context import Context

STAND_IN_PARAMS = (
    "stand_in_phrases", "stand_in_nothing", "stand_in_negations", "stand_in_predicates",
    "stand_in_delegations", "stand_in_unwritten",
)
# A stand-in says one thing; a longer text talks about the subject (and names no stand-in).
_MOST_SENTENCES = 2
# How far a negation reaches for its predicate ("is not really needed"), and how long a noun
# phrase after "no" is read ("no command line flags").
_REACH = 3
# A negation this early has no subject of its own before it: "Not needed", "Does not apply".
_ELIDED = 2
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?]+(?:\s+|$)")
_CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s")
_WORD = re.compile(r"[\w/]+")
_NOT = re.compile(r"n[’']t\b")
# The head of a title ends where its first preposition starts: "Relationship to Other Components".
_PREPOSITIONS = frozenset(["to", "from", "of", "for", "in", "on", "with", "by", "at", "about", "under", "over"])
# Words that end a noun phrase, or stand where a verb or subject may ("None are exposed.",
# "It is handled by ..."): auxiliaries, pronouns, articles, conjunctions and prepositions.
_FUNCTION = _PREPOSITIONS | frozenset([
    "is", "are", "was", "were", "be", "been", "will", "can", "does", "do", "has", "have", "that",
    "which", "here", "the", "a", "an", "and", "or", "but", "so", "as", "than", "this", "these",
    "it", "its", "they", "their", "all",
])
_AGENT_PREPOSITIONS = ("by", "in")


@dataclass(frozen=True, slots=True)
class StandIns:
    """The pack's words that make a sentence a stand-in, lower case, read as sentences are."""

    phrases: tuple[str, ...]
    nothing: frozenset[str]
    negations: frozenset[str]
    predicates: frozenset[str]
    delegations: frozenset[str]
    unwritten: tuple[str, ...]

    @classmethod
    def of(cls, ctx: Context) -> StandIns:
        """The pack's words, read as sentences are (a phrase as its words, "n't" as "not")."""
        phrases, nothing, negations, predicates, delegations, unwritten = (
            [" ".join(_words(w)) for w in ctx.param_list(name)] for name in STAND_IN_PARAMS)
        return cls(tuple(phrases), frozenset(nothing), frozenset(negations), frozenset(predicates),
                   frozenset(delegations), tuple(unwritten))

    def stands_in(self, paragraph: Paragraph, title: str) -> bool:
        """Is the paragraph short, with a sentence saying the section (``title``) does not apply?"""
        sentences = [s for s in _SENTENCE_END.split(without_code(paragraph.text, blank=True)) if s.strip()]
        if len(sentences) > _MOST_SENTENCES or self.is_unwritten(paragraph):
            return False
        return any(self._says_none(sentence, Subject.of(title)) for sentence in sentences)

    def is_unwritten(self, paragraph: Paragraph) -> bool:
        """Does the paragraph say its text is still to come ("TODO", "not yet documented")?"""
        return _holds(_words(without_code(paragraph.text)), self.unwritten)

    def _says_none(self, sentence: str, subject: Subject) -> bool:
        words = _words(sentence)
        clauses = [_words(clause) for clause in _CLAUSE_END.split(sentence)]
        return (_holds(words, self.phrases) or any(self._nothing_of(clause, subject) for clause in clauses)
                or self._negates(words, subject) or self._delegates(words, subject))

    def _nothing_of(self, words: list[str], subject: Subject) -> bool:
        """Does a "nothing" word stand for the clause's subject or object, or go before the section's name?"""
        for at, word in enumerate(words):
            if word not in self.nothing:
                continue
            after = words[at + 1] if at + 1 < len(words) else None
            if after is None or (at == 0 and after in _FUNCTION and after != "of") or subject.named_in(_phrase(words[at + 1 :])):
                return True
        return False

    def _negates(self, words: list[str], subject: Subject) -> bool:
        negated = [at for at, word in enumerate(words) if word in self.negations]
        # A negation that names the subject, or that has none of its own ("Cannot be extended.",
        # "Does not apply."): the section's subject is what it negates.
        if negated and (negated[0] < _ELIDED or any(_singular(word) == subject.head for word in words)):
            return True
        return any(word in self.predicates for at in negated for word in words[at + 1 : at + 1 + _REACH])

    def _delegates(self, words: list[str], subject: Subject) -> bool:
        """A delegation verb, "by" or "in" and who does it (not how: "by retrying"), of the subject."""
        for at, word in enumerate(words[:-2]):
            agent = words[at + 2]
            if word in self.delegations and words[at + 1] in _AGENT_PREPOSITIONS and not agent.endswith("ing"):
                before = words[:at]
                return all(w in _FUNCTION for w in before) or subject.named_in(before)
        return False


@dataclass(frozen=True, slots=True)
class Subject:
    """What a section is about: the head noun of its title, and every word of it."""

    head: str
    words: frozenset[str]

    @classmethod
    def of(cls, title: str) -> Subject:
        words = _WORD.findall(title.casefold().split("(")[0])
        cut = next((at for at, word in enumerate(words) if at and word in _PREPOSITIONS), len(words))
        head = _singular(words[cut - 1]) if cut else ""
        return cls(head, frozenset(_singular(word) for word in words if word not in _FUNCTION))

    def named_in(self, phrase: list[str]) -> bool:
        return any(_singular(word) in self.words for word in phrase)


def _phrase(words: list[str]) -> list[str]:
    """The noun phrase that starts ``words``: up to a function word, at most a few words."""
    end = next((at for at, word in enumerate(words) if word in _FUNCTION), len(words))
    return words[: min(end, _REACH)]


def _holds(words: list[str], phrases: tuple[str, ...]) -> bool:
    text = f" {' '.join(words)} "
    return any(f" {phrase} " in text for phrase in phrases)


def _words(sentence: str) -> list[str]:
    return _WORD.findall(_NOT.sub(" not", sentence.casefold()))


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
