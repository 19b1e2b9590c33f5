"""The engine: each file alone (reading, detection, parsing, identity, checks), then the project
phase (the files against each other), then selection (suppressions, configuration) of each file."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from spec_lint.anchors import anchored
from spec_lint.crossfile import Collected
from spec_lint.documents import context, detect
from spec_lint.engine_rules import ENGINE_RULES, UNUSED_SUPPRESSION, finding_of
from spec_lint.findings import Finding, Report
from spec_lint.linted import FileResult, Linted
from spec_lint.model import Document
from spec_lint.pack import Pack
from spec_lint.parallel import lint_files
from spec_lint.per_file import known_rules, lint_file, lint_text_alone, run_rules
from spec_lint.project import key_of
from spec_lint.project_phase import project_findings, spec_name
from spec_lint.reading import TooLargeError, UnreadableError, read
from spec_lint.settings import DEFAULT_SETTINGS, Settings
from spec_lint.suppressions import suppress

if TYPE_CHECKING:
    from spec_lint.cache import Cache

__all__ = ["ENGINE_RULES", "FileResult", "Linted", "context", "detect", "known_rules", "lint_file", "lint_paths",
           "lint_text", "run_rules"]

Reread = Callable[[], Document | None]


def lint_paths(files: Sequence[Path], packs: Sequence[Pack], settings: Settings = DEFAULT_SETTINGS,
               texts: Mapping[Path, str] | None = None, jobs: int = 1, cache: Cache | None = None) -> Report:
    """Lint each file with the first of ``packs`` whose document type it is; findings sorted.
    ``texts`` gives the text of a file instead of reading it; ``jobs`` worker processes run the
    per-file phase (small inputs stay in this one), whose results ``cache`` keeps and gives back.

    The one orchestration function. The phases: each file alone, then the project (the files
    against each other and the project's other specs), then selection (suppression comments and
    the configuration) of each file; the last two always run, on what the first gave.
    """
    given = texts or {}
    linted = _per_file(files, packs, settings, given, jobs, cache)
    named = [(path, _collected(path, item, packs, settings)) for path, item in zip(files, linted, strict=True)]
    across = project_findings([(path, spec) for path, spec in named if spec], packs, settings)
    results = [(path, _selected(path, item, across.get(key_of(path), []), settings,
                                functools.partial(_reread, path, packs, settings, given.get(path))))
               for path, item in zip(files, linted, strict=True)]
    findings = [f for _, result in results for f in result.findings]
    return Report(
        findings=tuple(sorted(findings, key=lambda f: f.sort_key)),
        linted=tuple(str(path) for path, result in results if not result.skipped),
        skipped=tuple((str(path), result.skipped) for path, result in results if result.skipped),
        errors=tuple(error for _, result in results for error in result.errors),
        suppressed=tuple(s for _, result in results for s in result.suppressed),
    )


def _per_file(files: Sequence[Path], packs: Sequence[Pack], settings: Settings, given: Mapping[Path, str],
              jobs: int, cache: Cache | None) -> list[Linted]:
    """The per-file phase of each file, in order: from the cache when it has the file as it is."""
    kept = [cache.get(path) if cache is not None and path not in given else None for path in files]
    missed = [path for path, hit in zip(files, kept, strict=True) if hit is None]
    fresh = lint_files([(path, given.get(path)) for path in missed], packs, settings, jobs)
    if cache is not None:
        cache.put_all([(path, item) for path, item in zip(missed, fresh, strict=True) if path not in given])
    later = iter(fresh)
    return [hit if hit is not None else next(later) for hit in kept]


def _collected(path: Path, item: Linted, packs: Sequence[Pack], settings: Settings) -> Collected | None:
    facts = item.facts
    if facts is None:
        return None
    return Collected(key_of(path), spec_name(path, settings), packs[facts.pack], facts.component, facts.facts)


def lint_text(text: str, path: Path, packs: Sequence[Pack], settings: Settings = DEFAULT_SETTINGS) -> FileResult:
    """Lint the text of the file at ``path`` (links resolve from there), alone: no other spec is
    read for the cross-file rules. Passed over when empty or no spec."""
    reread = functools.partial(_reread, path, packs, settings, text)
    return _selected(path, lint_text_alone(text, path, packs, settings), [], settings, reread)


def _selected(path: Path, item: Linted, across: Sequence[Finding], settings: Settings, reread: Reread) -> FileResult:
    """The findings to report: the file's suppression comments, then the configuration (rules
    switched off or to another severity for this file); suppressed ones kept apart."""
    if item.comments is None or item.known is None:
        return item.result
    report = functools.partial(finding_of, path, UNUSED_SUPPRESSION)
    outcome = suppress([*item.findings, *across], item.comments, item.known, report)
    kept = [f for f in map(settings.adjusted, outcome.kept) if f is not None]
    silenced = ((s, settings.adjusted(s.finding)) for s in outcome.suppressed)
    return FileResult(_anchored(item, kept, reread),
                      suppressed=tuple(replace(s, finding=f) for s, f in silenced if f is not None))


def _anchored(item: Linted, findings: Sequence[Finding], reread: Reread) -> tuple[Finding, ...]:
    """The findings with their anchors: from the lines the per-file phase kept, else (a project
    finding on a line it did not foresee) from the document read again."""
    found = item.anchor(findings)
    if found is not None:
        return found
    doc = reread()
    return anchored(findings, doc) if doc is not None else tuple(findings)


def _reread(path: Path, packs: Sequence[Pack], settings: Settings, text: str | None) -> Document | None:
    try:
        found = context(text if text is not None else read(path, settings.max_file_size), path, packs)
    except (UnreadableError, TooLargeError):
        return None
    return found[0].doc if found is not None else None
