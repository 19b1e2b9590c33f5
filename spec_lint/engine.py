"""The engine: each file goes through reading, detection, parsing, identity, checks and selection."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spec_lint.anchors import anchored
from spec_lint.context import Context, placeholders_of
from spec_lint.crossfile import Collected, collect, file_rules, judge, project_rules
from spec_lint.detection import is_document_of, might_be, passed_over
from spec_lint.directives import Known
from spec_lint.findings import Finding, Report, Severity, Suppressed, Violation
from spec_lint.identity import component_id
from spec_lint.levels import fitted
from spec_lint.model import Document
from spec_lint.pack import Pack, Rule
from spec_lint.parser import parse
from spec_lint.project import key_of, others
from spec_lint.reading import Head, TooLargeError, UnreadableError, read_head, text_of
from spec_lint.settings import DEFAULT_SETTINGS, Settings
from spec_lint.suppressions import Comments, comments_of, suppress


@dataclass(frozen=True, slots=True)
class EngineRule:
    """A rule of the engine itself, in no pack: what happens to a file before, around or after its checks."""

    code: str
    name: str
    description: str
    severity: Severity = Severity.ERROR
    summary: str = ""  # what it reports, for `spec-lint rules`; the description's first sentence if empty


INTERNAL_ERROR = EngineRule("SL000", "internal-error", """
A rule raised an exception on this file: a bug in spec-lint, please report it. The other rules
still report, and the run exits 2 because the file was not fully checked.
""".strip(), summary="a rule raised an exception on the file (a bug: please report it); the other rules still "
                     "report and the run exits 2")
UNREADABLE = EngineRule("SL001", "unreadable-file", """
The file cannot be read as text: it is not a regular file (a FIFO, a device, a folder), it cannot
be opened, or it is binary or not UTF-8. Nothing else is reported on it. A binary or non-UTF-8
file whose text does not look like a document of any pack is passed over instead.
""".strip(), summary="the file cannot be read or is not UTF-8 text (not a regular file, no permission, binary, "
                     "bad encoding)")
TOO_LARGE = EngineRule("SL003", "file-too-large", """
The file is larger than --max-file-size (1 MiB unless set; 0 for no limit), so it is not parsed:
a specification is far smaller, and a huge file would slow every commit. A large file whose
first --max-file-size bytes do not look like a document of any pack is passed over instead.
""".strip(), summary="the file is larger than `--max-file-size` and is not parsed")
UNUSED_SUPPRESSION = EngineRule("SL002", "unused-suppression", """
A suppression comment (`<!-- spec-lint-disable-next-line SL301 -- why -->` and its forms) is of
an unknown form, names a code that is no rule of the pack, silenced no finding, or, with
--require-reason, gives no reason after " -- ". A stale suppression would silence the next real
finding unseen. SL000 is never suppressed; SL002 itself only by a comment that names it.
""".strip(), Severity.WARNING, summary="a suppression comment of an unknown form, naming an unknown code, "
                                       "silencing nothing, or (with `--require-reason`) without a reason")
ENGINE_RULES = (INTERNAL_ERROR, UNREADABLE, UNUSED_SUPPRESSION, TOO_LARGE)


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
    across = _project_phase(linted, packs, settings)
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
            return Linted(_engine_result(path, UNREADABLE, str(error)))
        try:
            text = text_of(head)
        except (UnreadableError, TooLargeError) as error:
            return Linted(_unfit(path, head, packs, error))
    try:
        return _lint_text(text, path, packs, settings)
    except Exception as error:  # noqa: BLE001 - a bug outside the rules must not stop the run either
        return Linted(_engine_result(path, INTERNAL_ERROR, f"internal error in the engine: {error!r} (please report it)"))


def _unfit(path: Path, head: Head, packs: Sequence[Pack], error: ValueError) -> FileResult:
    """A file too large or not text is a finding only when it may be a document: a README must pass."""
    guess = head.data.decode("utf-8", errors="replace")
    if not any(might_be(guess, pack) for pack in packs):
        return FileResult(skipped=passed_over(packs))
    return _engine_result(path, TOO_LARGE if isinstance(error, TooLargeError) else UNREADABLE, str(error))


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
    known = known_rules(ctx.pack)
    collected, errors = collect(ctx, pack, key_of(path), _name(path, settings))
    failed = [_engine_finding(path, INTERNAL_ERROR, _internal(rule, error)) for rule, error in errors]
    return Linted(FileResult(), (*run_rules(ctx), *failed), comments_of(ctx.doc, known, settings.require_reason),
                  known, collected, functools.partial(anchored, doc=ctx.doc))


def context(text: str, path: Path, packs: Sequence[Pack]) -> tuple[Context, Pack] | None:
    """What the checks see of a spec, and the pack detected (before it is fitted to the document)."""
    detected = detect(text, packs)
    if detected is None:
        return None
    pack, doc = detected
    fitted_pack = fitted(pack, doc)  # a pack that allows several section levels: the one this document uses
    return Context(path, doc, fitted_pack, component_id(doc, fitted_pack, path), placeholders_of(fitted_pack)), pack


def detect(text: str, packs: Sequence[Pack]) -> tuple[Pack, Document] | None:
    """The first pack the text is a document of, and the parsed document; parsed only when a pack may fit."""
    candidates = [pack for pack in packs if might_be(text, pack)]
    if not candidates:
        return None
    doc = parse(text)
    pack = next((p for p in candidates if is_document_of(doc, p)), None)
    return (pack, doc) if pack else None


def run_rules(ctx: Context) -> list[Finding]:
    """Every per-file rule's findings; a rule that raises is one internal-error finding, and the
    others still run. A project rule's findings come from the project phase."""
    findings: list[Finding] = []
    for rule, check in file_rules(ctx.pack):
        try:
            findings.extend(_identify(ctx.path, rule, check.check(ctx)))
        except Exception as error:  # noqa: BLE001 - a bug in one check must not stop the run
            findings.append(_engine_finding(ctx.path, INTERNAL_ERROR, _internal(rule, error)))
    return findings


def _internal(rule: Rule, error: Exception) -> str:
    return f"internal error in {rule.code} {rule.name}: {error!r} (please report it)"


def _project_phase(linted: Sequence[tuple[Path, Linted]], packs: Sequence[Pack],
                   settings: Settings) -> dict[str, list[Finding]]:
    """The project rules' findings for the files named, by key: the named specs compared with each
    other and with the project's other specs, which are read for their facts only."""
    named = {item.collected.key: (path, item.collected) for path, item in linted if item.collected}
    if not any(_enabled(spec.pack, settings) for _, spec in named.values()):
        return {}
    read = (_collected_of(path, packs, settings) for path in others(settings.project, [p for p, _ in named.values()]))
    specs = [*(spec for _, spec in named.values()), *(spec for spec in read if spec is not None)]
    found: dict[str, list[Finding]] = {}
    for key, rule, outcome in judge(specs):
        if key in named:
            path = named[key][0]
            finding = _engine_finding(path, INTERNAL_ERROR, _internal(rule, outcome)) \
                if isinstance(outcome, Exception) else _finding(path, rule, outcome)
            found.setdefault(key, []).append(finding)
    return found


def _enabled(pack: Pack, settings: Settings) -> bool:
    """Has the pack a project rule the configuration does not switch off (else nothing is read)?"""
    return any(rule.code not in settings.disabled for rule, _ in project_rules(pack))


def _collected_of(path: Path, packs: Sequence[Pack], settings: Settings) -> Collected | None:
    """The project facts of a spec that was not named: raw-text detection first, so that other
    Markdown is not parsed; a file that cannot be read, or a rule that raises on it, is left out."""
    try:
        found = context(text_of(read_head(path, settings.max_file_size)), path, packs)
    except (UnreadableError, TooLargeError):
        return None
    if found is None:
        return None
    ctx, pack = found
    collected, errors = collect(ctx, pack, key_of(path), _name(path, settings))
    return None if errors else collected


def _name(path: Path, settings: Settings) -> str:
    """How a cross-file message names the spec: from the project root, else as it was given."""
    project = settings.project
    return project.name_of(path) if project is not None and project.holds(path) else str(path)


def _selected(path: Path, item: Linted, across: Sequence[Finding], settings: Settings) -> FileResult:
    """The findings to report: the file's suppression comments, then the configuration (rules
    switched off or to another severity for this file); suppressed ones kept apart."""
    if item.comments is None or item.known is None:
        return item.result
    report = functools.partial(_finding, path, UNUSED_SUPPRESSION)
    outcome = suppress([*item.findings, *across], item.comments, item.known, report)
    kept = (settings.adjusted(finding) for finding in outcome.kept)
    silenced = ((s, settings.adjusted(s.finding)) for s in outcome.suppressed)
    return FileResult(item.anchor(f for f in kept if f is not None),
                      suppressed=tuple(replace(s, finding=f) for s, f in silenced if f is not None))


def known_rules(pack: Pack) -> Known:
    """What a suppression comment in a document of ``pack`` may name."""
    rules: tuple[Rule | EngineRule, ...] = (*pack.rules, *ENGINE_RULES)
    names = tuple((rule.code, rule.name) for rule in rules)
    return Known(names, fixed=frozenset({INTERNAL_ERROR.code}), own=UNUSED_SUPPRESSION.code)


def _identify(path: Path, rule: Rule, violations: Iterable[Violation]) -> Iterable[Finding]:
    return (_finding(path, rule, v) for v in violations)


def _finding(path: Path, rule: Rule | EngineRule, v: Violation) -> Finding:
    end = v.end_line if v.end_line is not None else v.line
    return Finding(str(path), v.line, v.column, end, rule.code, rule.name, rule.severity, v.message, v.fix)


def _engine_finding(path: Path, rule: EngineRule, message: str) -> Finding:
    return Finding(str(path), 1, 1, 1, rule.code, rule.name, rule.severity, message)


def _engine_result(path: Path, rule: EngineRule, message: str) -> FileResult:
    return FileResult((_engine_finding(path, rule, message),))
