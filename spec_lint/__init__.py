"""spec-lint: lint Markdown specification documents against their template."""

from __future__ import annotations

from spec_lint.engine import lint_paths, lint_text
from spec_lint.findings import Finding, Report, Severity, Violation
from spec_lint.pack import Pack, builtin_pack, load_pack

__version__ = "0.1.0"

__all__ = [
    "Finding",
    "Pack",
    "Report",
    "Severity",
    "Violation",
    "__version__",
    "builtin_pack",
    "lint_paths",
    "lint_text",
    "load_pack",
]
