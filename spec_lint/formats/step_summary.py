"""The Markdown that ``github`` output appends to ``$GITHUB_STEP_SUMMARY``: every finding, per file.

GitHub shows only about ten annotations of each kind per step and drops the rest silently; the
job summary shows them all (up to its size limit, hence ``LIMIT``).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from itertools import groupby

from spec_lint.findings import Finding, Report
from spec_lint.formats.escaping import printable
from spec_lint.formats.options import in_order
from spec_lint.formats.text import plural, summary

LIMIT = 1000  # table rows; GitHub refuses a summary over 1 MiB
# What could format, link, mention, fence or start math in a cell's text, or end the cell.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~$@])")


def step_summary(report: Report) -> str:
    findings = in_order(report)
    lines = ["## spec-lint", "", cell(summary(report)), ""]
    # A file's heading counts all its findings, also those past the limit.
    counts = Counter(f.path for f in findings)
    for path, in_file in groupby(findings[:LIMIT], key=lambda f: f.path):
        lines += _file_table(path, list(in_file), counts[path])
    if len(findings) > LIMIT:
        lines.append(f"... and {plural(len(findings) - LIMIT, 'more finding')} (see the step's log)")
    return "\n".join(lines) + "\n"


def _file_table(path: str, findings: list[Finding], count: int) -> list[str]:
    rows = [f"| {f.line} | {cell(f.code)} | {cell(f.severity.value)} | {cell(f.message)} |" for f in findings]
    heading = f"### {cell(path)} ({plural(count, 'finding')})"
    return [heading, "", "| line | code | severity | message |", "|---:|---|---|---|", *rows, ""]


def cell(value: str) -> str:
    """Text that shows as itself in a table cell: HTML escaped, Markdown punctuation backslashed,
    controls (line breaks too) as escapes."""
    escaped = html.escape(printable(value), quote=False)
    return _MARKDOWN.sub(r"\\\1", escaped)
