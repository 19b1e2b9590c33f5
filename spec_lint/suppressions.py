"""Suppression comments applied to a document's findings after the rules ran, as yamllint's linter
does, so that no check needs to know about them; and what is wrong with the comments (SL002)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spec_lint.directives import Known, Scope, Suppression, read
from spec_lint.findings import Finding, Suppressed, Violation
from spec_lint.model import Document
from spec_lint.template import quoted

# Where a suppression that silenced nothing expected a finding.
_WHERE = {Scope.DISABLE: "in the lines it disables", Scope.NEXT_LINE: "on the next line", Scope.FILE: "in the file"}


@dataclass(frozen=True, slots=True)
class Outcome:
    kept: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]


Identify = Callable[[Violation], Finding]


def suppress(findings: Sequence[Finding], doc: Document, known: Known, report: Identify,
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
        what = f"{quoted(idle)} (expected a finding of {'it' if len(idle) == 1 else 'each'}"
    elif not suppression.codes and not used:
        what = "every rule (expected a finding"
    else:
        return None
    return Violation(f"unused suppression of {what} {_WHERE[suppression.scope]})", suppression.line, suppression.column)
