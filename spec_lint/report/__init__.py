"""The 1.0 readiness report: which component specs are ready, what is missing, and who owns it."""

from __future__ import annotations

from collections.abc import Callable

from spec_lint.report import html, json_format, markdown
from spec_lint.report.collect import readiness
from spec_lint.report.data import Component, Counts, Readiness, Requirement, Status, Summary

# Each format is a pure function of the report, as the lint's output formats are.
RENDERERS: dict[str, Callable[[Readiness], str]] = {
    "markdown": markdown.render, "json": json_format.render, "html": html.render,
}

__all__ = ["RENDERERS", "Component", "Counts", "Readiness", "Requirement", "Status", "Summary", "readiness"]
