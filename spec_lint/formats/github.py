"""GitHub Actions workflow commands, one per finding, escaped as the runner expects.

The escaping is the Actions toolkit's (``escapeData`` and ``escapeProperty`` in
``@actions/core``'s command.ts): ``%``, CR and LF in the message, and also ``:`` and ``,`` in
properties. Controls (line breaks too) are shown as escapes first, as in the text format, so the
log shows them.
"""

from __future__ import annotations

from spec_lint.findings import Finding, Report
from spec_lint.formats.escaping import printable
from spec_lint.formats.options import FormatOptions, in_order


def render(report: Report, options: FormatOptions) -> str:
    return "\n".join(_workflow_command(f) for f in in_order(report))


def _workflow_command(finding: Finding) -> str:
    properties = {
        "file": printable(finding.path),
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "title": f"{finding.code} {finding.name}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{finding.severity.value} {joined}::{escape_data(printable(finding.message))}"


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
