"""Suppression comments (``<!-- spec-lint-disable SL301 -- why -->`` and its forms) read from a
document's comments into typed suppressions; spec_lint.suppressions applies them."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spec_lint.findings import Violation
from spec_lint.model import Document
from spec_lint.pack.names import did_you_mean
from spec_lint.template import alternatives


class Scope(enum.Enum):
    DISABLE = "disable"
    ENABLE = "enable"
    NEXT_LINE = "disable-next-line"
    LINE = "disable-line"
    FILE = "disable-file"


PREFIX = "spec-lint-"
DIRECTIVES = tuple(PREFIX + scope.value for scope in Scope)
_DIRECTIVE = re.compile(rf"{PREFIX}(?P<scope>\S*)(?P<rest>.*)", re.IGNORECASE)
# " -- " before the reason, as the README writes it; " — " too, as people type a dash in prose.
_REASON = re.compile(r"(?:^|\s)(?:--|\u2014)(?:\s|$)")
_SEPARATORS = re.compile(r"[\s,]+")
_LISTED = " (expected a code or rule name that `spec-lint rules` lists)"


@dataclass(frozen=True, slots=True)
class Known:
    """The rules a suppression may name, as (code, name) pairs; ``fixed`` are the codes no comment
    silences, ``own`` is the code of unused-suppression, silenced only by a comment that names it;
    ``unchecked`` are the codes the configuration switched off for the document: their rules did
    not run, so a suppression of one is not known to be unused."""

    rules: tuple[tuple[str, str], ...]
    fixed: frozenset[str] = frozenset()
    own: str = ""
    unchecked: frozenset[str] = frozenset()

    def code_of(self, word: str) -> str | None:
        key = word.casefold()
        return next((code for code, name in self.rules if key in (code.casefold(), name.casefold())), None)

    @property
    def words(self) -> list[str]:
        return [word for rule in self.rules for word in rule]


# Compared by identity: two equal comments on one line are two suppressions, each used or not.
@dataclass(frozen=True, slots=True, eq=False)
class Suppression:
    """One suppression comment: its ``codes`` (none: every rule) and ``reason`` ("" when none given)."""

    scope: Scope
    codes: tuple[str, ...]
    reason: str
    line: int
    end_line: int
    column: int

    def covers(self, code: str) -> bool:
        return not self.codes or code in self.codes


def read(doc: Document, known: Known, problems: list[Violation],
         require_reason: bool = False) -> Iterator[Suppression]:
    """The document's suppressions; what is wrong with one is added to ``problems``."""
    for comment in doc.comments:
        match = _DIRECTIVE.match(" ".join(comment.text.split()))
        if match is None:
            continue
        column = doc.column_of(comment.line, PREFIX, ignore_case=True)
        at = _at(problems, comment.line, column)
        scope = _scope(match["scope"], at)
        codes_text, reason = (*_REASON.split(match["rest"], maxsplit=1), "")[:2]
        words = [word for word in _SEPARATORS.split(codes_text) if word]
        codes = tuple(_codes(words, known, at)) if scope else ()
        if scope is None or (words and not codes):  # naming only unknown codes must not silence every rule
            continue
        if require_reason and scope is not Scope.ENABLE and not reason.strip():
            at('suppression has no reason (expected "... -- <why>")')
        yield Suppression(scope, codes, reason.strip(), comment.line, comment.end_line, column)


def _at(problems: list[Violation], line: int, column: int) -> Callable[[str], None]:
    return lambda message: problems.append(Violation(message, line, column))


def _scope(word: str, problem: Callable[[str], None]) -> Scope | None:
    scope = next((s for s in Scope if s.value == word.casefold()), None)
    if scope is None:
        # The forms listed, no did-you-mean: the closest to "spec-lint-ignore" is "spec-lint-enable".
        problem(f'unknown suppression "{PREFIX}{word}" (expected {alternatives(DIRECTIVES)})')
    return scope


def _codes(words: Iterable[str], known: Known, problem: Callable[[str], None]) -> Iterator[str]:
    for word in words:
        code = known.code_of(word)
        if code is None:
            hint = did_you_mean(word, known.words) or _LISTED
            problem(f'unknown code "{word}" in suppression{hint}')
        elif code in known.fixed:
            problem(f'"{code}" cannot be suppressed (expected the internal error reported as a bug)')
        else:
            yield code
