"""Suppression comments applied to a document's findings after the rules ran, as yamllint's linter
does, so that no check needs to know about them; and what is wrong with the comments (SL002)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spec_lint.directives import Known, Scope, Suppression, read
from spec_lint.findings import Finding, Suppressed, Violation
from spec_lint.model import Document
from spec_lint.template import quoted

# Where a suppression that silenced nothing expected a finding.
_WHERE = {Scope.DISABLE: "in the lines it disables", Scope.NEXT_LINE: "on the next line",
          Scope.LINE: "on its line", Scope.FILE: "in the file"}


@dataclass(frozen=True, slots=True)
class Outcome:
    kept: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]


Identify = Callable[[Violation], Finding]


@dataclass(frozen=True, slots=True)
class Comments:
    """A document's suppression comments, read once, and what is wrong with them: they outlive
    the document, since the project phase adds findings after it is dropped."""

    suppressions: tuple[Suppression, ...]
    problems: tuple[Violation, ...]


def comments_of(doc: Document, known: Known, require_reason: bool = False) -> Comments:
    problems: list[Violation] = []
    suppressions = sorted(read(doc, known, problems, require_reason), key=lambda s: (s.line, s.column))
    return Comments(tuple(suppressions), tuple(problems))


def suppress(findings: Sequence[Finding], comments: Comments, known: Known, report: Identify) -> Outcome:
    """The findings no suppression comment silences, with ``report``'s findings for the comments
    that are wrong or silenced nothing, and the silenced findings with their reasons."""
    problems = list(comments.problems)
    suppressions = comments.suppressions
    used: dict[Suppression, set[str]] = {s: set() for s in suppressions}
    kept, suppressed = _apply(findings, suppressions, used, known.fixed | {known.own})
    problems.extend(v for s in suppressions if (v := _unused(s, used[s], known.own)) is not None)
    named = [s for s in suppressions if known.own in s.codes]
    own_kept, own_suppressed = _apply([report(v) for v in problems], named, used, known.fixed)
    return Outcome((*kept, *own_kept), (*suppressed, *own_suppressed))


def _apply(findings: Iterable[Finding], suppressions: Sequence[Suppression],
           used: dict[Suppression, set[str]], fixed: frozenset[str]) -> tuple[list[Finding], list[Suppressed]]:
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    reaches: dict[str, _Reach] = {}
    for finding in findings:
        code = finding.code
        reach = reaches.get(code) or reaches.setdefault(code, _reach(code, suppressions))
        silencer = None if code in fixed else reach.silencer(finding.line)
        if silencer is None:
            kept.append(finding)
        else:
            used[silencer].add(code)
            suppressed.append(Suppressed(finding, silencer.line, silencer.reason))
    return kept, suppressed


@dataclass(frozen=True, slots=True)
class _Reach:
    """The suppressions of one code, looked up by line: a file may hold thousands, and as many findings."""

    lines: Mapping[int, Suppression]  # the disable-line and disable-next-line ones, by the line each silences
    switch_lines: tuple[int, ...]
    switches: tuple[Suppression, ...]  # its disables and enables, in document order
    whole: Suppression | None

    def silencer(self, line: int) -> Suppression | None:
        """The suppression that silences a finding on ``line``: the one on its line or the line before
        it, else the last disable or enable above it, else a file-wide one."""
        above = bisect.bisect_right(self.switch_lines, line)
        switch = self.switches[above - 1] if above else None
        ranged = switch if switch is not None and switch.scope is Scope.DISABLE else None
        return self.lines.get(line) or ranged or self.whole


def _reach(code: str, suppressions: Sequence[Suppression]) -> _Reach:
    covering = [s for s in suppressions if s.covers(code)]
    lines: dict[int, Suppression] = {}
    for s in covering:
        if s.scope is Scope.LINE:  # a comment over several lines silences each of them
            lines.update({line: s for line in range(s.line, s.end_line + 1) if line not in lines})
        elif s.scope is Scope.NEXT_LINE:
            lines.setdefault(s.end_line + 1, s)
    switches = tuple(s for s in covering if s.scope in (Scope.DISABLE, Scope.ENABLE))
    whole = next((s for s in covering if s.scope is Scope.FILE), None)
    return _Reach(lines, tuple(s.line for s in switches), switches, whole)


def _unused(suppression: Suppression, used: set[str], own: str) -> Violation | None:
    """What is said of a suppression that silenced nothing, or of the codes it names that did not
    (a suppression of unused-suppression itself excepted)."""
    if suppression.scope is Scope.ENABLE:
        return None
    idle = [code for code in suppression.codes if code not in used and code != own]
    if idle:
        what = f"{quoted(idle)} (expected a finding of {'it' if len(idle) == 1 else 'each'}"
    elif not suppression.codes and not used:
        what = "every rule (expected a finding"
    else:
        return None
    message = f"unused suppression of {what} {_WHERE[suppression.scope]})"
    return Violation(message, suppression.line, suppression.column)
