"""The engine's per-file phase: each file alone goes through reading, detection, parsing,
identity and checks, and comes out as plain data (a worker process may have run it)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from spec_lint.context import Context
from spec_lint.crossfile import collect, file_rules
from spec_lint.detection import might_be, passed_over
from spec_lint.directives import Known
from spec_lint.documents import context
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
from spec_lint.findings import Finding, Violation
from spec_lint.linted import Facts, FileResult, Linted, anchors_of, lines_of_interest, linked_paths
from spec_lint.pack import Pack, Rule
from spec_lint.project import key_of
from spec_lint.reading import Head, TooLargeError, UnreadableError, read_head, text_of
from spec_lint.settings import DEFAULT_SETTINGS, Settings
from spec_lint.suppressions import comments_of


def digest_of(data: bytes) -> str:
    """What the cache knows a file's content by."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def lint_file(path: Path, packs: Sequence[Pack], settings: Settings = DEFAULT_SETTINGS,
              text: str | None = None) -> Linted:
    """Read (unless ``text`` is given) and lint one file alone; one finding when it cannot be read
    as text or is too large (and, as far as its head tells, may be a document)."""
    digest = ""
    if text is None:
        try:
            head = read_head(path, settings.max_file_size)
        except UnreadableError as error:  # no content to look at: whether it is a document cannot be told
            return Linted(_engine_result(path, UNREADABLE, str(error), settings))
        try:
            text, digest = text_of(head), digest_of(head.data)
        except (UnreadableError, TooLargeError) as error:
            return Linted(_unfit(path, head, packs, error, settings))
    try:
        return lint_text_alone(text, path, packs, settings, digest)
    except Exception as error:  # noqa: BLE001 - a bug outside the rules must not stop the run either
        return Linted(_engine_result(path, INTERNAL_ERROR, f"internal error in the engine: {error!r} (please report it)",
                                     settings))


def _unfit(path: Path, head: Head, packs: Sequence[Pack], error: ValueError, settings: Settings) -> FileResult:
    """A file too large or not text is a finding only when it may be a document: a README must pass."""
    guess = head.data.decode("utf-8", errors="replace")
    if not any(might_be(guess, pack) for pack in packs):
        return FileResult(skipped=passed_over(packs))
    return _engine_result(path, TOO_LARGE if isinstance(error, TooLargeError) else UNREADABLE, str(error), settings)


def lint_text_alone(text: str, path: Path, packs: Sequence[Pack], settings: Settings, digest: str = "") -> Linted:
    """The per-file phase on the text of the file at ``path``; passed over when empty or no spec."""
    if not text.removeprefix("\ufeff").strip():
        return Linted(FileResult(skipped="empty file"), digest=digest)
    found = context(text, path, packs)
    if found is None:
        return Linted(FileResult(skipped=passed_over(packs)), digest=digest)
    ctx, pack = found
    unchecked = frozenset(r.code for r in ctx.pack.rules if not settings.runs(r.code, str(path)))
    known = known_rules(ctx.pack, unchecked)
    collected, errors = collect(ctx, pack, key_of(path), "")
    findings = (*run_rules(ctx, settings), *(internal_error(path, rule, error) for rule, error in errors))
    comments = comments_of(ctx.doc, known, settings.require_reason)
    facts = Facts(next(i for i, p in enumerate(packs) if p is pack), ctx.component, collected.facts)
    anchors = anchors_of(ctx.doc, lines_of_interest(findings, comments, collected.facts))
    return Linted(FileResult(), findings, comments, known, facts, anchors, digest, linked_paths(ctx.doc, path))


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

