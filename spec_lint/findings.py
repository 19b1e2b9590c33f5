"""Value types for what checks report and what the engine returns."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spec_lint.catalog import RuleDoc


class Severity(enum.Enum):
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return 1 if self is Severity.WARNING else 2


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace lines ``start``..``end - 1`` (1-based, half-open) with ``text``; ``start == end``
    inserts ``text`` before line ``start`` (one past the last line appends)."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 1 <= self.start <= self.end:
            raise ValueError(f"edit of lines {self.start}..{self.end} is not a range (expected 1 <= start <= end)")

    @property
    def inserts(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Violation:
    """What a check yields: a message at a place, without identity."""

    message: str
    line: int
    column: int = 1
    end_line: int | None = None
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a finding stands in terms that survive edits elsewhere: the titles of the sections
    around its line (outermost first) and the line's text with its spacing normalised."""

    sections: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A violation with the identity the engine gives it."""

    path: str
    line: int
    column: int
    end_line: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = None
    # For fingerprints only (SARIF, GitLab): two findings that differ only here are the same finding.
    anchor: Anchor = field(default=Anchor(), compare=False)

    @property
    def fixable(self) -> bool:
        """Does ``--fix`` fix it (a safe fix; an unsafe one needs ``--unsafe-fixes``)?"""
        return self.fix is not None and self.fix.safe

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding a comment in its file silenced: the comment's line, and its reason ("" when none)."""

    finding: Finding
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    """A run's findings, the files linted and passed over (with why), problems that are no finding,
    the findings suppression comments silenced, how many findings ``--fix`` fixed; ``rules``
    documents every rule of the packs in effect, for formats that describe rules (SARIF)."""

    findings: tuple[Finding, ...]
    linted: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    errors: tuple[str, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    rules: tuple[RuleDoc, ...] = ()
    fixed: int = 0
