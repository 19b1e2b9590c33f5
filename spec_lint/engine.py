"""The engine: each file goes through reading, detection, parsing, identity, checks and selection."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spec_lint.anchors import anchored
from spec_lint.context import Context
from spec_lint.crossfile import Collected, collect, file_rules
from spec_lint.detection import might_be, passed_over
from spec_lint.directives import Known
from spec_lint.documents import context, detect
from spec_lint.engine_rules import (
    ENGINE_RULES,
    INTERNAL_ERROR,
    TOO_LARGE,
    UNREADABLE,
    UNUSED_SUPPRESSION,
    EngineRule,
    engine_finding,
    finding_of,
    internal_error,
)
from spec_lint.findings import Finding, Report, Suppressed, Violation
from spec_lint.pack import Pack, Rule
from spec_lint.project import key_of
from spec_lint.project_phase import project_findings, spec_name
from spec_lint.reading import Head, TooLargeError, UnreadableError, read_head, text_of
from spec_lint.settings import DEFAULT_SETTINGS, Settings
from spec_lint.suppressions import Comments, comments_of, suppress

__all__ = ["ENGINE_RULES", "FileResult", "Linted", "context", "detect", "known_rules", "lint_file", "lint_paths",
           "lint_text", "run_rules"]


@dataclass(frozen=True, slots=True)
class FileResult:
    findings: tuple[Finding, ...] = ()
    skipped: str = ""
    suppressed: tuple[Suppressed, ...] = ()

    @property
    def errors(self) -> tuple[str, ...]:
        """One line for each internal error: the file was not fully checked, and the run exits 2."""
        return tuple(f"{f.path}: {f.message}" for f in self.findings if f.code == INTERNAL_ERROR.code)


@dataclass(frozen=True, slots=True)
class Linted:
    """A file after the per-file phase: its findings before selection, what selection needs of
    it (its suppression comments, and what anchors a finding), and its project facts.
    ``result`` alone when it is no spec or could not be read."""

    result: FileResult
    findings: tuple[Finding, ...] = ()
    comments: Comments | None = None
    known: Known | None = None
    collected: Collected | None = None
    anchor: Callable[[Iterable[Finding]], tuple[Finding, ...]] = tuple


def lint_paths(files: Sequence[Path], packs: Sequence[Pack], settings: Settings = DEFAULT_SETTINGS,
               texts: Mapping[Path, str] | None = None) -> Report:
    """Lint each file with the first of ``packs`` whose document type it is; findings sorted.
    ``texts`` gives the text of a file instead of reading it.

    The one orchestration function: a cache or parallel jobs wrap the per-file calls here. The
    phases: each file alone, then the project (the files against each other and the project's
    other specs), then selection (suppression comments and the configuration) of each file.
    """
    given = texts or {}
    linted = [(path, lint_file(path, packs, settings, given.get(path))) for path in files]
    across = project_findings([(path, item.collected) for path, item in linted if item.collected], packs, settings)
    results = [(path, _selected(path, item, across.get(key_of(path), []), settings)) for path, item in linted]
    findings = [f for _, result in results for f in result.findings]
    return Report(
        findings=tuple(sorted(findings, key=lambda f: f.sort_key)),
        linted=tuple(str(path) for path, result in results if not result.skipped),
        skipped=tuple((str(path), result.skipped) for path, result in results if result.skipped),
        errors=tuple(error for _, result in results for error in result.errors),
        suppressed=tuple(s for _, result in results for s in result.suppressed),
    )


def lint_file(path: Path, packs: Sequence[Pack], settings: Settings = DEFAULT_SETTINGS,
              text: str | None = None) -> Linted:
    """Read (unless ``text`` is given) and lint one file alone; one finding when it cannot be read
    as text or is too large (and, as far as its head tells, may be a document)."""
    if text is None:
        try:
            head = read_head(path, settings.max_file_size)
        except UnreadableError as error:  # no content to look at: whether it is a document cannot be told
            return Linted(_engine_result(path, UNREADABLE, str(error), settings))
        try:
            text = text_of(head)
        except (UnreadableError, TooLargeError) as error:
            return Linted(_unfit(path, head, packs, error, settings))
    try:
        return _lint_text(text, path, packs, settings)
    except Exception as error:  # noqa: BLE001 - a bug outside the rules must not stop the run either
        return Linted(_engine_result(path, INTERNAL_ERROR, f"internal error in the engine: {error!r} (please report it)",
                                     settings))


def _unfit(path: Path, head: Head, packs: Sequence[Pack], error: ValueError, settings: Settings) -> FileResult:
    """A file too large or not text is a finding only when it may be a document: a README must pass."""
    guess = head.data.decode("utf-8", errors="replace")
    if not any(might_be(guess, pack) for pack in packs):
        return FileResult(skipped=passed_over(packs))
    return _engine_result(path, TOO_LARGE if isinstance(error, TooLargeError) else UNREADABLE, str(error), settings)


def lint_text(text: str, path: Path, packs: Sequence[Pack], settings: Settings = DEFAULT_SETTINGS) -> FileResult:
    """Lint the text of the file at ``path`` (links resolve from there), alone: no other spec is
    read for the cross-file rules. Passed over when empty or no spec."""
    return _selected(path, _lint_text(text, path, packs, settings), [], settings)


def _lint_text(text: str, path: Path, packs: Sequence[Pack], settings: Settings) -> Linted:
    if not text.removeprefix("\ufeff").strip():
        return Linted(FileResult(skipped="empty file"))
    found = context(text, path, packs)
    if found is None:
        return Linted(FileResult(skipped=passed_over(packs)))
    ctx, pack = found
    unchecked = frozenset(r.code for r in ctx.pack.rules if not settings.runs(r.code, str(path)))
    known = known_rules(ctx.pack, unchecked)
    collected, errors = collect(ctx, pack, key_of(path), spec_name(path, settings))
    failed = [internal_error(path, rule, error) for rule, error in errors]
    return Linted(FileResult(), (*run_rules(ctx, settings), *failed), comments_of(ctx.doc, known, settings.require_reason),
                  known, collected, functools.partial(anchored, doc=ctx.doc))


def run_rules(ctx: Context, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """The findings of each per-file rule the settings check in this file; a rule that raises is
    one internal-error finding, and the others still run. A project rule's findings come from the
    project phase."""
    findings: list[Finding] = []
    for rule, check in (item for item in file_rules(ctx.pack) if settings.runs(item[0].code, str(ctx.path))):
        try:
            findings.extend(_identify(ctx.path, rule, check.check(ctx)))
        except Exception as error:  # noqa: BLE001 - a bug in one check must not stop the run
            findings.append(internal_error(ctx.path, rule, error))
    return findings


def _selected(path: Path, item: Linted, across: Sequence[Finding], settings: Settings) -> FileResult:
    """The findings to report: the file's suppression comments, then the configuration (rules
    switched off or to another severity for this file); suppressed ones kept apart."""
    if item.comments is None or item.known is None:
        return item.result
    report = functools.partial(finding_of, path, UNUSED_SUPPRESSION)
    outcome = suppress([*item.findings, *across], item.comments, item.known, report)
    kept = (settings.adjusted(finding) for finding in outcome.kept)
    silenced = ((s, settings.adjusted(s.finding)) for s in outcome.suppressed)
    return FileResult(item.anchor(f for f in kept if f is not None),
                      suppressed=tuple(replace(s, finding=f) for s, f in silenced if f is not None))


def known_rules(pack: Pack, unchecked: frozenset[str] = frozenset()) -> Known:
    """What a suppression comment in a document of ``pack`` may name; ``unchecked`` the codes not run on it."""
    rules: tuple[Rule | EngineRule, ...] = (*pack.rules, *ENGINE_RULES)
    names = tuple((rule.code, rule.name) for rule in rules)
    return Known(names, fixed=frozenset({INTERNAL_ERROR.code}), own=UNUSED_SUPPRESSION.code, unchecked=unchecked)


def _identify(path: Path, rule: Rule, violations: Iterable[Violation]) -> Iterable[Finding]:
    return (finding_of(path, rule, v) for v in violations)


def _engine_result(path: Path, rule: EngineRule, message: str, settings: Settings) -> FileResult:
    """The engine's one finding on a file, as the settings configure it (SL000 is always reported)."""
    finding = settings.adjusted(engine_finding(path, rule, message))
    return FileResult((finding,) if finding else ())
