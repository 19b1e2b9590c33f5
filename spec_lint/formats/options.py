"""How a format renders, besides the report itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spec_lint.findings import Finding, Report, Severity


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """``color`` for ANSI styles, ``summary`` for a closing summary line; ``cwd`` and ``root``
    (absolute folders, "" when unknown) are what relative paths in SARIF and GitLab output are
    relative to: the folder spec-lint ran in, else the configuration's folder; ``fail_on`` the
    least severity that fails the run (JUnit fails a test case only for those)."""

    color: bool = False
    summary: bool = True
    cwd: str = ""
    root: str = ""
    fail_on: Severity = Severity.ERROR


Formatter = Callable[[Report, FormatOptions], str]


def in_order(report: Report) -> list[Finding]:
    return sorted(report.findings, key=lambda f: f.sort_key)
