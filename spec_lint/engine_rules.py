"""The engine's own rules, in no pack: what happens to a file before, around or after its checks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spec_lint.findings import Finding, Severity, Violation

if TYPE_CHECKING:
    from spec_lint.pack import Rule


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


def engine_finding(path: Path, rule: EngineRule, message: str) -> Finding:
    """An engine rule's finding on a file as a whole (its first line)."""
    return Finding(str(path), 1, 1, 1, rule.code, rule.name, rule.severity, message)


def internal_error(path: Path, rule: Rule, error: Exception) -> Finding:
    """The SL000 finding of a rule that raised: the other rules still report."""
    return engine_finding(path, INTERNAL_ERROR, f"internal error in {rule.code} {rule.name}: {error!r} (please report it)")


def finding_of(path: Path, rule: Rule | EngineRule, v: Violation) -> Finding:
    """A violation with the identity of its rule and file."""
    end = v.end_line if v.end_line is not None else v.line
    return Finding(str(path), v.line, v.column, end, rule.code, rule.name, rule.severity, v.message, v.fix)
