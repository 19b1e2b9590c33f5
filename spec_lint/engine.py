"""Reads files, picks their pack, runs its rules, and gives findings their identity."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spec_lint.context import Context
from spec_lint.findings import Finding, Report, Severity, Violation
from spec_lint.model import Document
from spec_lint.pack import Pack, Rule
from spec_lint.parser import parse
from spec_lint.placeholders import Placeholders
from spec_lint.source import without_end

UNREADABLE = ("SL001", "unreadable-file")
# A version and separators ending a title, written for the reversed title (see without_end).
_VERSION_TAIL_REVERSED = re.compile(r"[\s\-–—:]*(?:(?:\d+\.)*\d+v?)?[\s\-–—:]*")


@dataclass(frozen=True, slots=True)
class FileResult:
    findings: tuple[Finding, ...] = ()
    skipped: str = ""
    errors: tuple[str, ...] = ()


def lint_paths(files: Sequence[Path], packs: Sequence[Pack]) -> Report:
    """Lint each file with the first of ``packs`` whose document type it is; findings sorted."""
    findings: list[Finding] = []
    linted: list[str] = []
    skipped: list[tuple[str, str]] = []
    errors: list[str] = []
    for path in files:
        result = lint_file(path, packs)
        findings.extend(result.findings)
        errors.extend(result.errors)
        if result.skipped:
            skipped.append((str(path), result.skipped))
        else:
            linted.append(str(path))
    findings.sort(key=lambda f: f.sort_key)
    return Report(tuple(findings), tuple(linted), tuple(skipped), tuple(errors))


def lint_file(path: Path, packs: Sequence[Pack]) -> FileResult:
    """Read and lint one file; one unreadable-file finding when it cannot be read as text."""
    try:
        text = read_text(path)
    except (OSError, UnreadableError) as error:
        return FileResult((_unreadable(path, error),))
    return lint_text(text, path, packs)


def lint_text(text: str, path: Path, packs: Sequence[Pack]) -> FileResult:
    """Lint the text of the file at ``path`` (links resolve from there); passed over when empty or no spec."""
    if not text.removeprefix("\ufeff").strip():
        return FileResult(skipped="empty file")
    doc = parse(text)
    pack = next((p for p in packs if is_document_of(doc, p)), None)
    if pack is None:
        return FileResult(skipped="not a spec: no matching title or Template Version field")
    ctx = Context(path, doc, pack, component_id(doc, pack, path), placeholders_of(pack))
    findings: list[Finding] = []
    errors: list[str] = []
    for rule in pack.rules:
        try:
            findings.extend(_identify(path, rule, rule.check.check(ctx)))
        except Exception as error:  # noqa: BLE001 - a bug in one check must not stop the run
            errors.append(f"{path}: internal error in {rule.code} {rule.name}: {error!r}")
    return FileResult(tuple(findings), errors=tuple(errors))


def read_text(path: Path) -> str:
    """The file's text; raises ``UnreadableError`` for binary or non-UTF-8 content."""
    data = path.read_bytes()
    if b"\x00" in data:
        raise UnreadableError("cannot read file: binary content (NUL byte)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise UnreadableError(f"file is not UTF-8 text (byte 0x{byte:02x} on line {line})") from None


class UnreadableError(ValueError):
    """A file that is binary or not UTF-8 text."""


def is_document_of(doc: Document, pack: Pack) -> bool:
    """Is the document of the pack's type: its title ends as the pack's do, or it has the pack's field?"""
    if doc.title and _has_title_suffix(doc.title.title, pack):
        return True
    return doc.field(pack.detect_field) is not None


def _has_title_suffix(title: str, pack: Pack) -> bool:
    return title.rstrip().casefold().endswith(pack.detect_title.casefold())


def component_id(doc: Document, pack: Pack, path: Path) -> str:
    """The component's id: front matter ``component`` (any case), else the H1's name, else the file's."""
    given = next((v for k, v in doc.front_matter.items() if str(k).casefold() == "component"), None)
    if isinstance(given, str) and given.strip():
        return given.strip()
    name = _name_in_title(doc.title.title.strip(), pack) if doc.title else ""
    name = _without_prefix(name, pack.params.get("title_name_prefixes", ()))
    return re.sub(r"[^0-9a-z]+", "_", (name or path.stem).casefold()).strip("_")


def _without_prefix(name: str, prefixes: Iterable[str]) -> str:
    """The name without a leading product name: "Dynamo Frontend" is the component "Frontend"."""
    for prefix in prefixes:
        match = re.match(rf"{re.escape(prefix)}\W+(?=\w)", name, re.IGNORECASE)
        if match:
            return name[match.end() :]
    return name


def _name_in_title(title: str, pack: Pack) -> str:
    """The component name in the title; from a title of the wrong form, what precedes the suffix."""
    match = re.match(pack.title_pattern, title)
    if match:
        return match["name"]
    if not _has_title_suffix(title, pack):
        return ""
    return without_end(title[: -len(pack.detect_title)], _VERSION_TAIL_REVERSED)


def placeholders_of(pack: Pack) -> Placeholders:
    params = pack.params
    return Placeholders(
        code_names=tuple(params.get("placeholder_names", ())),
        texts=tuple(params.get("placeholder_texts", ())),
        ignored=tuple(params.get("not_placeholders", ())),
    )


def _identify(path: Path, rule: Rule, violations: Iterable[Violation]) -> Iterable[Finding]:
    for v in violations:
        end = v.end_line if v.end_line is not None else v.line
        yield Finding(str(path), v.line, v.column, end, rule.code, rule.name, rule.severity, v.message, v.fix)


def _unreadable(path: Path, error: OSError | UnreadableError) -> Finding:
    reason = str(error) if isinstance(error, UnreadableError) else f"cannot read file: {error.strerror}"
    code, name = UNREADABLE
    return Finding(str(path), 1, 1, 1, code, name, Severity.ERROR, reason)
