"""A JSON array of findings with a fixed set of keys."""

from __future__ import annotations

import json

from spec_lint.findings import Finding, Report
from spec_lint.formats.options import FormatOptions, in_order


def render(report: Report, options: FormatOptions) -> str:
    return json.dumps([_item(f) for f in in_order(report)], indent=2)


def _item(finding: Finding) -> dict[str, object]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
    }
