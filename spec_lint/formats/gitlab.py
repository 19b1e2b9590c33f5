"""GitLab Code Quality: a JSON array of issues, as a merge request widget shows them."""

from __future__ import annotations

import json

from spec_lint.findings import Finding, Report, Severity
from spec_lint.formats.fingerprints import fingerprints
from spec_lint.formats.locations import locate
from spec_lint.formats.options import FormatOptions, in_order

# GitLab's vocabulary is info, minor, major, critical, blocker; a spec finding blocks no build.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def render(report: Report, options: FormatOptions) -> str:
    findings = in_order(report)
    return json.dumps([_issue(f, fingerprint, options) for f, fingerprint in zip(findings, fingerprints(findings, options))],
                      indent=2)


def _issue(finding: Finding, fingerprint: str, options: FormatOptions) -> dict[str, object]:
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": f"{finding.code} [{finding.name}] {finding.message}",
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        "location": {"path": locate(finding.path, options).path,
                     "lines": {"begin": finding.line, "end": max(finding.end_line, finding.line)}},
    }
