"""Output formats: pure functions from a report to text, in one registry."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import click

from spec_lint.findings import Finding, Report, Severity, Suppressed


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """How to render: ``color`` for ANSI styles, ``summary`` for a closing summary line."""

    color: bool = False
    summary: bool = True


Formatter = Callable[[Report, FormatOptions], str]
FORMATS: dict[str, Formatter] = {}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def add(function: Formatter) -> Formatter:
        FORMATS[name] = function
        return function

    return add


@formatter("text")
def text(report: Report, options: FormatOptions) -> str:
    """``path:line:col: CODE [name] message`` lines, then one summary line."""
    lines = [_text_line(f, options.color) for f in _sorted(report)]
    if options.summary:
        lines.append(summary(report))
    return "\n".join(lines)


def _sorted(report: Report) -> list[Finding]:
    return sorted(report.findings, key=lambda f: f.sort_key)


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


# C0 and C1 controls, DEL, bidi marks, overrides and isolates, and lone surrogates (the bytes of a
# file name that are not UTF-8): a terminal or a CI log would obey them or fail to encode them.
UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
# A backslash is doubled where it would read as the start of an escape, and only there: a file
# named "a\x1b.md" prints as "a\\x1b.md", one holding ESC as "a\x1b.md", and "C:\docs" as is.
_ESCAPED = re.compile(rf"{UNPRINTABLE}|\\(?=[\\nrt]|x[0-9a-fA-F]{{2}}|u[0-9a-fA-F]{{4}}|{UNPRINTABLE})")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def printable(value: str) -> str:
    """``value`` with every control, bidi and surrogate character shown as an escape (``\\x1b``,
    ``\\u202e``), so that it stays on one line and cannot command a terminal."""
    return _ESCAPED.sub(_escape, value)


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def summary(report: Report) -> str:
    errors = sum(f.severity is Severity.ERROR for f in report.findings)
    warnings = len(report.findings) - errors
    counts = f"{_plural(len(report.linted), 'spec')} checked"
    if report.skipped:
        counts += f", {_plural(len(report.skipped), 'file')} passed over"
    if report.suppressed:
        counts += f", {_plural(len(report.suppressed), 'finding')} suppressed"
    if report.fixed:
        counts += f", {_plural(report.fixed, 'finding')} fixed"
    if report.errors:
        counts += f", {_plural(len(report.errors), 'problem')} reported above"
    if not report.findings:
        verdict = "No findings, but not everything was checked" if report.errors else "All checks passed"
        return f"{verdict} ({counts})"
    return f"Found {_plural(errors, 'error')} and {_plural(warnings, 'warning')} ({counts})"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@formatter("json")
def json_format(report: Report, options: FormatOptions) -> str:
    """A JSON array of findings with a fixed set of keys."""
    return json.dumps([_json_item(f) for f in _sorted(report)], indent=2)


def _json_item(finding: Finding) -> dict[str, object]:
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


@formatter("github")
def github(report: Report, options: FormatOptions) -> str:
    """GitHub Actions workflow commands, one per finding, escaped as the runner expects; controls
    (line breaks too) are shown as escapes first, as in the text format, so the log shows them."""
    return "\n".join(_workflow_command(f) for f in _sorted(report))


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
