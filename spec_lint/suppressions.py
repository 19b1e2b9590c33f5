"""Suppression comments (``<!-- spec-lint-disable SL301 -- why -->`` and its forms): read from a
document's comments and applied to its findings after the rules ran, as yamllint's linter does,
so that no check needs to know about them."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spec_lint.findings import Finding, Suppressed, Violation
from spec_lint.model import Document
from spec_lint.pack.names import did_you_mean


class Scope(enum.Enum):
    DISABLE = "disable"
    ENABLE = "enable"
    NEXT_LINE = "disable-next-line"
    FILE = "disable-file"


PREFIX = "spec-lint-"
DIRECTIVES = tuple(PREFIX + scope.value for scope in Scope)
# Where a suppression that silenced nothing expected a finding.
_WHERE = {Scope.DISABLE: "in the lines it disables", Scope.NEXT_LINE: "on the next line", Scope.FILE: "in the file"}
_DIRECTIVE = re.compile(rf"{PREFIX}(?P<scope>\S*)(?P<rest>.*)", re.IGNORECASE)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_SEPARATORS = re.compile(r"[\s,]+")


@dataclass(frozen=True, slots=True)
class Known:
    """The rules a suppression may name, as (code, name) pairs; ``fixed`` are the codes no comment
    silences, ``own`` is the code of unused-suppression, silenced only by a comment that names it."""

    rules: tuple[tuple[str, str], ...]
    fixed: frozenset[str] = frozenset()
    own: str = ""

    def code_of(self, word: str) -> str | None:
        key = word.casefold()
        return next((code for code, name in self.rules if key in (code.casefold(), name.casefold())), None)

    @property
    def words(self) -> list[str]:
        return [word for rule in self.rules for word in rule]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Outcome:
    kept: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]


Report = Callable[[Violation], Finding]


def suppress(findings: Sequence[Finding], doc: Document, known: Known, report: Report,
             require_reason: bool = False) -> Outcome:
    """The findings no suppression comment of ``doc`` silences, with ``report``'s findings for the
    comments that are wrong or silenced nothing, and the silenced findings with their reasons."""
    problems: list[Violation] = []
    suppressions = sorted(read(doc, known, problems, require_reason), key=lambda s: (s.line, s.column))
    used: dict[Suppression, set[str]] = {s: set() for s in suppressions}
    kept, suppressed = _apply(findings, suppressions, used, known.fixed | {known.own})
    problems.extend(v for s in suppressions if (v := _unused(s, used[s], known.own)) is not None)
    named = [s for s in suppressions if known.own in s.codes]
    own_kept, own_suppressed = _apply([report(v) for v in problems], named, used, known.fixed)
    return Outcome((*kept, *own_kept), (*suppressed, *own_suppressed))


def read(doc: Document, known: Known, problems: list[Violation], require_reason: bool) -> Iterator[Suppression]:
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
        codes = tuple(_codes(words, known, at))
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
        # Every form listed, no did-you-mean: markdownlint's "disable-line" is closest to "disable-file".
        problem(f'unknown suppression "{PREFIX}{word}" (expected {_choice(DIRECTIVES)})')
    return scope


def _codes(words: Iterable[str], known: Known, problem: Callable[[str], None]) -> Iterator[str]:
    for word in words:
        code = known.code_of(word)
        if code is None:
            hint = did_you_mean(word, known.words) or " (expected a code or rule name that `spec-lint rules` lists)"
            problem(f'unknown code "{word}" in suppression{hint}')
        elif code in known.fixed:
            problem(f'"{code}" cannot be suppressed (expected the internal error reported as a bug)')
        else:
            yield code


def _apply(findings: Iterable[Finding], suppressions: Sequence[Suppression], used: dict[Suppression, set[str]],
           fixed: frozenset[str]) -> tuple[list[Finding], list[Suppressed]]:
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for finding in findings:
        silencer = None if finding.code in fixed else _silencer(finding, suppressions)
        if silencer is None:
            kept.append(finding)
        else:
            used[silencer].add(finding.code)
            suppressed.append(Suppressed(finding, silencer.line, silencer.reason))
    return kept, suppressed


def _silencer(finding: Finding, suppressions: Sequence[Suppression]) -> Suppression | None:
    """The suppression that silences the finding: the one on the line before it, else the last
    disable or enable of its code above it, else a file-wide one."""
    line, code = finding.line, finding.code
    covering = [s for s in suppressions if s.covers(code)]
    nearest = next((s for s in covering if s.scope is Scope.NEXT_LINE and s.end_line + 1 == line), None)
    switches = [s for s in covering if s.scope in (Scope.DISABLE, Scope.ENABLE) and s.line <= line]
    ranged = switches[-1] if switches and switches[-1].scope is Scope.DISABLE else None
    whole = next((s for s in covering if s.scope is Scope.FILE), None)
    return nearest or ranged or whole


def _unused(suppression: Suppression, used: set[str], own: str) -> Violation | None:
    """What is said of a suppression that silenced nothing, or of the codes it names that did not
    (a suppression of unused-suppression itself excepted)."""
    if suppression.scope is Scope.ENABLE:
        return None
    idle = [code for code in suppression.codes if code not in used and code != own]
    if idle:
        what = f"{_choice(idle, 'and')} (expected a finding of {'it' if len(idle) == 1 else 'each'}"
    elif not suppression.codes and not used:
        what = "every rule (expected a finding"
    else:
        return None
    return Violation(f"unused suppression of {what} {_WHERE[suppression.scope]})", suppression.line, suppression.column)


def _choice(words: Sequence[str], last: str = "or") -> str:
    quoted = [f'"{word}"' for word in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {last} {quoted[-1]}"
