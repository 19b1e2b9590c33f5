"""``path:line:col: CODE message`` per finding: for editors and grep, never coloured, no summary."""

from __future__ import annotations

from spec_lint.findings import Report
from spec_lint.formats.escaping import printable
from spec_lint.formats.options import FormatOptions, in_order


def render(report: Report, options: FormatOptions) -> str:
    return "\n".join(printable(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}") for f in in_order(report))
