"""Output formats: pure functions from a report to text, in one registry."""

from __future__ import annotations

from spec_lint.formats import concise, github, gitlab, json, junit, sarif, text
from spec_lint.formats.escaping import UNPRINTABLE, printable
from spec_lint.formats.github import escape_data, escape_property
from spec_lint.formats.options import FormatOptions, Formatter
from spec_lint.formats.step_summary import step_summary
from spec_lint.formats.text import summary, suppressed_line

FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "concise": concise.render,
    "json": json.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
}

__all__ = ["FORMATS", "UNPRINTABLE", "FormatOptions", "Formatter", "escape_data", "escape_property", "printable",
           "step_summary", "summary", "suppressed_line"]
