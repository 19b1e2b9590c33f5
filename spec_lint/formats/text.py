"""The default format: one ``path:line:col: CODE [name] message`` line per finding, then a summary."""

from __future__ import annotations

import click

from spec_lint.findings import Finding, Report, Severity, Suppressed
from spec_lint.formats.escaping import printable
from spec_lint.formats.options import FormatOptions, in_order


def render(report: Report, options: FormatOptions) -> str:
    lines = [_text_line(f, options.color) for f in in_order(report)]
    if options.summary:
        lines.append(summary(report))
    return "\n".join(lines)


def _text_line(finding: Finding, color: bool) -> str:
    where = printable(f"{finding.path}:{finding.line}:{finding.column}:")
    tint = "red" if finding.severity is Severity.ERROR else "yellow"
    code = click.style(finding.code, fg=tint, bold=True) if color else finding.code
    where = click.style(where, bold=True) if color else where
    mark = " [*]" if finding.fixable else ""  # as ruff marks what --fix fixes
    return f"{where} {code}{mark} [{finding.name}] {printable(finding.message)}"


def suppressed_line(silenced: Suppressed) -> str:
    """A silenced finding as --verbose shows it: the finding's line, then the comment's line and reason."""
    reason = f'"{printable(silenced.reason)}"' if silenced.reason else "no reason given"
    where = f"by the comment on line {silenced.line}"
    return f"suppressed {_text_line(silenced.finding, False)} ({where}: {reason})"


def summary(report: Report) -> str:
    errors = sum(f.severity is Severity.ERROR for f in report.findings)
    warnings = len(report.findings) - errors
    counts = f"{plural(len(report.linted), 'spec')} checked"
    if report.skipped:
        counts += f", {plural(len(report.skipped), 'file')} passed over"
    if report.suppressed:
        counts += f", {plural(len(report.suppressed), 'finding')} suppressed"
    if report.fixed:
        counts += f", {plural(report.fixed, 'finding')} fixed"
    if report.errors:
        counts += f", {plural(len(report.errors), 'problem')} reported above"
    if not report.findings:
        verdict = "No findings, but not everything was checked" if report.errors else "All checks passed"
        return f"{verdict} ({counts})"
    return f"Found {plural(errors, 'error')} and {plural(warnings, 'warning')} ({counts})"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
