"""How a format renders, besides the report itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spec_lint.findings import Finding, Report


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """``color`` for ANSI styles, ``summary`` for a closing summary line; ``cwd`` and ``root``
    (absolute folders, "" when unknown) are what relative paths in SARIF and GitLab output are
    relative to: the folder spec-lint ran in, else the configuration's folder."""

    color: bool = False
    summary: bool = True
    cwd: str = ""
    root: str = ""


Formatter = Callable[[Report, FormatOptions], str]


def in_order(report: Report) -> list[Finding]:
    return sorted(report.findings, key=lambda f: f.sort_key)
